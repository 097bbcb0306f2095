import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import type { Pack } from '../knowledge/schema.js';
import { loadServingPacks } from '../knowledge/load.js';
import { formatProblem } from '../knowledge/problem.js';
import * as z from '../zod.js';
import { expectedFacts, parseEvalSet, type EvalSet } from './questions.js';

/** Where the evaluation sets live, from the project's root. */
export const EVAL_DIR = 'test/eval';

/** An evaluation set read from disk, with the packs it is asked against. */
export interface LoadedSet {
  /** The set's path from the project's root, as `npm run eval` names it. */
  readonly file: string;
  readonly set: EvalSet;
  /** The folder of packs, from the project's root. */
  readonly knowledge: string;
  readonly packs: readonly Pack[];
}

/** Every `*.yaml` set in {@link EVAL_DIR}: blind sets first (their figures are read first), then by name. */
export async function listSets(root: string): Promise<string[]> {
  const dir = resolve(root, EVAL_DIR);
  const names = (await readdir(dir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  const sets = await Promise.all(
    names.map(async (name) => {
      const text = await readFile(join(dir, name), 'utf8');
      return { file: join(EVAL_DIR, name), blind: /^blind:\s*true\s*$/m.test(text) };
    }),
  );
  return [...sets.filter((s) => s.blind), ...sets.filter((s) => !s.blind)].map((s) => s.file);
}

/**
 * Reads a set and its packs. Throws an `Error` whose message is meant for the user (the file,
 * and what is wrong with it or with its packs) when the set cannot be scored.
 */
export async function loadSet(
  file: string,
  root: string,
  packCache = new Map<string, Promise<readonly Pack[]>>(),
): Promise<LoadedSet> {
  const path = resolve(root, file);
  const name = relative(root, path) || basename(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new Error(`${name}: no evaluation set can be read there`);
  }
  let set: EvalSet;
  try {
    set = parseEvalSet(text);
  } catch (error) {
    const detail =
      error instanceof z.core.$ZodError
        ? error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')
        : error instanceof Error
          ? error.message
          : String(error);
    throw new Error(`${name}: not an evaluation set (${detail})`, { cause: error });
  }
  const knowledge = set.knowledge ?? 'knowledge';
  let packs = packCache.get(knowledge);
  if (!packs) {
    packs = loadServingPacks(resolve(root, knowledge), root).then((loaded) => {
      if (loaded.ok) return loaded.packs;
      throw new Error(
        `${knowledge}: the packs have problems:\n${loaded.errors.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
      );
    });
    packCache.set(knowledge, packs);
  }
  const loadedPacks = await packs;
  const known = new Set(loadedPacks.flatMap((p) => p.facts.map((f) => f.id)));
  const unknown = set.questions.flatMap((q, i) =>
    expectedFacts(q)
      .filter((id) => !known.has(id))
      .map((id) => `questions[${i}] expects "${id}", which no fact of ${knowledge} has`),
  );
  if (unknown.length > 0) throw new Error(`${name}: ${unknown.join('; ')}`);
  return { file: name, set, knowledge, packs: loadedPacks };
}
