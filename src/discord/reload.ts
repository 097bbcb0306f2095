import { setImmediate as nextTurn } from 'node:timers/promises';
import { finish, stepDue, type Steps } from '../engine/steps.js';
import type { Engine } from '../engine/types.js';
import { engineStepsFor } from '../knowledge/engineFor.js';
import type { Problem } from '../knowledge/problem.js';
import type { Pack } from '../knowledge/schema.js';
import type { ValidationResult } from '../knowledge/validate.js';
import { loadPacksInWorker } from './packLoader.js';

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
      /** Set when the reload was cut short by a shutdown (`close()`), with no problems. */
      readonly abandoned?: true;
    };

/** JSON with object keys sorted, so reordering keys in a YAML file is not a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** Every fact's signature: its pack, its fields and its cited source, keys sorted. */
function* signaturesOf(packs: readonly Pack[]): Generator<[string, string]> {
  for (const pack of packs) {
    for (const fact of pack.facts) {
      const source = pack.sources.find((s) => s.id === fact.source.id);
      yield [fact.id, canonical({ pack: pack.id, title: pack.title, fact, source })];
    }
  }
}

/** What changed between two sets of signatures, each list in id order. */
function diffSignatures(
  old: ReadonlyMap<string, string>,
  now: ReadonlyMap<string, string>,
): PackDiff {
  const sorted = (ids: Iterable<string>) => [...ids].sort();
  return {
    added: sorted([...now.keys()].filter((id) => !old.has(id))),
    changed: sorted(
      [...now].filter(([id, sig]) => old.has(id) && old.get(id) !== sig).map(([id]) => id),
    ),
    removed: sorted([...old.keys()].filter((id) => !now.has(id))),
  };
}

/** What changed between two sets of packs, fact by fact, each list in id order. */
export function diffPacks(before: readonly Pack[], after: readonly Pack[]): PackDiff {
  return diffSignatures(new Map(signaturesOf(before)), new Map(signaturesOf(after)));
}

/**
 * How long work runs before it lets the event loop serve what is waiting: an interaction
 * arriving during a reload waits at most about this long, plus the longest single step.
 */
export const SLICE_MS = 8;

/**
 * Runs `steps` to the end a slice of about {@link SLICE_MS} at a time, letting the event loop run
 * between slices. Stops between two slices, resolving undefined, once `signal` is aborted.
 */
export async function runInSlices<T>(
  steps: Steps<T>,
  signal?: AbortSignal,
  now: () => number = () => performance.now(),
): Promise<T | undefined> {
  let sliceEnds = now() + SLICE_MS;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (now() >= sliceEnds) {
      await nextTurn();
      if (signal?.aborted) return undefined;
      sliceEnds = now() + SLICE_MS;
    }
  }
}

/** The signatures of `packs` as a map, in steps of a slice of facts. */
function* signatureSteps(packs: readonly Pack[]): Steps<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [id, signature] of signaturesOf(packs)) {
    out.set(id, signature);
    if (stepDue(out.size)) yield;
  }
  return out;
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
   *
   * The old engine answers until the new one is ready. Reading, parsing and validating run on a
   * worker thread; the comparison with the current packs, then building the new engine (its
   * index holds closures, which cannot cross threads) and making everything its first questions
   * would otherwise make (the typo corrector, the look-up by meaning), run in slices of about
   * {@link SLICE_MS} between which the event loop serves interactions.
   */
  reload(): Promise<ReloadOutcome>;
  /**
   * Abandons a reload in progress (its worker is stopped; it resolves as failed, saying so, and
   * the current packs stay) and refuses later ones. For shutdown. True when a reload was running.
   */
  close(): boolean;
}

export interface KnowledgeServiceOptions {
  readonly dir: string;
  readonly packs: readonly Pack[];
  /**
   * Reads and validates the folder; on a worker thread by default. `signal` is aborted when the
   * service is closed: the load may stop then, rejecting.
   */
  readonly load?: (dir: string, signal: AbortSignal) => Promise<ValidationResult>;
  /**
   * Builds the engine over packs, in steps (see `src/engine/steps.ts`): at once when the service
   * is created, a slice at a time at a reload. The packs' own language by default.
   */
  readonly build?: (packs: readonly Pack[]) => Steps<Engine>;
}

/** The engine over `packs`, made in steps, then everything it would make at its first questions. */
function* readyEngineSteps(
  build: (packs: readonly Pack[]) => Steps<Engine>,
  packs: readonly Pack[],
): Steps<Engine> {
  const engine = yield* build(packs);
  yield* engine.readySteps();
  return engine;
}

/** What a reload cut short by `close()` resolves with: no problems, the current packs kept. */
const ABANDONED: ReloadOutcome = Object.freeze({
  ok: false,
  errors: [],
  warnings: [],
  abandoned: true,
});

/** Creates the service over `options.packs`, building their engine now. */
export function createKnowledgeService(options: KnowledgeServiceOptions): KnowledgeService {
  const load =
    options.load ?? ((dir: string, signal: AbortSignal) => loadPacksInWorker(dir, { signal }));
  const build = options.build ?? ((packs: readonly Pack[]) => engineStepsFor(packs));
  let packs = options.packs;
  // At start nothing waits on the event loop yet, and what questions make lazily stays unmade.
  let engine = finish(build(packs));
  // The current packs' signatures, computed at the first reload and kept from then on.
  let signatures: Map<string, string> | undefined;
  let running: Promise<ReloadOutcome> | undefined;
  const closing = new AbortController();

  const reloadOnce = async (): Promise<ReloadOutcome> => {
    if (closing.signal.aborted) return ABANDONED;
    let result: ValidationResult;
    try {
      result = await load(options.dir, closing.signal);
    } catch (error) {
      if (closing.signal.aborted) return ABANDONED;
      throw error;
    }
    if (closing.signal.aborted) return ABANDONED;
    if (!result.ok) return { ok: false, errors: result.errors, warnings: result.warnings };
    signatures ??= await runInSlices(signatureSteps(packs), closing.signal);
    const nextSignatures = await runInSlices(signatureSteps(result.packs), closing.signal);
    if (!signatures || !nextSignatures) return ABANDONED;
    const diff = diffSignatures(signatures, nextSignatures);
    // Interactions that arrived meanwhile are answered first, then between slices of the build.
    await nextTurn();
    if (closing.signal.aborted) return ABANDONED;
    const next = await runInSlices(readyEngineSteps(build, result.packs), closing.signal);
    if (next === undefined || closing.signal.aborted) return ABANDONED;
    packs = result.packs;
    engine = next;
    signatures = nextSignatures;
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
    close() {
      closing.abort();
      return running !== undefined;
    },
  };
}
