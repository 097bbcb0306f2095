import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { MAX_PACK_BYTES, oversizedPack, parsePackText, type ParsedFile } from './parse.js';
import type { Problem } from './problem.js';
import { STRUCTURAL_RULES, type Rule } from './rules.js';
import { validatePacks, type ValidationResult } from './validate.js';

/**
 * Reads every `*.yaml` pack in `dir` (sorted by name, so load order is stable), or says why the
 * folder itself cannot be read.
 */
export async function readPackFiles(
  dir: string,
  cwd = process.cwd(),
): Promise<{ ok: true; files: ParsedFile[] } | { ok: false; problem: Problem }> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch (error) {
    const reason =
      error instanceof Error && 'code' in error && error.code === 'ENOENT'
        ? 'the knowledge folder does not exist'
        : 'the knowledge folder cannot be read';
    return {
      ok: false,
      problem: { file: relative(cwd, dir) || dir, line: 1, col: 1, message: reason },
    };
  }
  const files = await Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      const file = relative(cwd, path) || path;
      if ((await stat(path)).size > MAX_PACK_BYTES) return oversizedPack(file);
      return parsePackText(file, await readFile(path, 'utf8'));
    }),
  );
  return { ok: true, files };
}

/**
 * Reads and validates the packs in `dir`. Never throws for bad content: problems come back.
 * `rules` narrows the checks (start-up runs the structural ones only).
 */
export async function loadPacks(
  dir: string,
  cwd = process.cwd(),
  rules?: readonly Rule[],
): Promise<ValidationResult> {
  const read = await readPackFiles(dir, cwd);
  if (!read.ok) return { ok: false, errors: [read.problem], warnings: [] };
  return validatePacks(read.files, { folder: relative(cwd, dir) || dir, rules });
}

/**
 * Loads packs to serve them (console, CLI, bot start-up and reload): the structural rules only.
 * The self-retrieval check builds the engine several times over; it runs in `npm run validate`
 * and CI, so a pack that fails it never lands, without slowing every start.
 */
export function loadServingPacks(dir: string, cwd = process.cwd()): Promise<ValidationResult> {
  return loadPacks(dir, cwd, STRUCTURAL_RULES);
}
