import type { Engine } from '../engine/types.js';
import { engineFor } from '../knowledge/engineFor.js';
import { loadServingPacks } from '../knowledge/load.js';
import type { Problem } from '../knowledge/problem.js';
import type { Pack } from '../knowledge/schema.js';
import type { ValidationResult } from '../knowledge/validate.js';

/** Facts by id that a reload added, changed (any field, or their cited source) or removed. */
export interface PackDiff {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

export type ReloadOutcome =
  | {
      readonly ok: true;
      readonly diff: PackDiff;
      readonly packs: number;
      readonly facts: number;
      readonly warnings: readonly Problem[];
    }
  | {
      readonly ok: false;
      readonly errors: readonly Problem[];
      readonly warnings: readonly Problem[];
    };

/** JSON with object keys sorted, so reordering keys in a YAML file is not a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function factSignatures(packs: readonly Pack[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const pack of packs) {
    for (const fact of pack.facts) {
      const source = pack.sources.find((s) => s.id === fact.source.id);
      out.set(fact.id, canonical({ pack: pack.id, title: pack.title, fact, source }));
    }
  }
  return out;
}

/** What changed between two sets of packs, fact by fact, each list in id order. */
export function diffPacks(before: readonly Pack[], after: readonly Pack[]): PackDiff {
  const old = factSignatures(before);
  const now = factSignatures(after);
  const sorted = (ids: Iterable<string>) => [...ids].sort();
  return {
    added: sorted([...now.keys()].filter((id) => !old.has(id))),
    changed: sorted(
      [...now].filter(([id, sig]) => old.has(id) && old.get(id) !== sig).map(([id]) => id),
    ),
    removed: sorted([...old.keys()].filter((id) => !now.has(id))),
  };
}

/**
 * The engine currently answering, swapped only by a reload that validates. Handlers ask for
 * `engine()` on every use, so a reload takes effect from the next question on.
 */
export interface KnowledgeService {
  engine(): Engine;
  packs(): readonly Pack[];
  /**
   * Reads the knowledge folder again. On success the new packs answer from now on and the
   * difference comes back; on any problem the current packs keep answering and the validator's
   * problems come back. Concurrent calls share one reload.
   */
  reload(): Promise<ReloadOutcome>;
}

export interface KnowledgeServiceOptions {
  readonly dir: string;
  readonly packs: readonly Pack[];
  readonly load?: (dir: string) => Promise<ValidationResult>;
  readonly build?: (packs: readonly Pack[]) => Engine;
}

export function createKnowledgeService(options: KnowledgeServiceOptions): KnowledgeService {
  const load = options.load ?? ((dir: string) => loadServingPacks(dir));
  const build = options.build ?? ((packs: readonly Pack[]) => engineFor(packs));
  let packs = options.packs;
  let engine = build(packs);
  let running: Promise<ReloadOutcome> | undefined;

  const reloadOnce = async (): Promise<ReloadOutcome> => {
    const result = await load(options.dir);
    if (!result.ok) return { ok: false, errors: result.errors, warnings: result.warnings };
    const next = build(result.packs);
    const diff = diffPacks(packs, result.packs);
    packs = result.packs;
    engine = next;
    return { ok: true, diff, packs: packs.length, facts: next.size, warnings: result.warnings };
  };

  return {
    engine: () => engine,
    packs: () => packs,
    reload() {
      running ??= reloadOnce().finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}
