import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { loadPacks } from '../knowledge/load.js';
import type { Problem } from '../knowledge/problem.js';
import { addAlternates, locateAlternates, type AlternatesPlace } from './packYaml.js';

/** A pack file's text, as read for editing. */
export interface PackText {
  /** The path to read and write. */
  readonly path: string;
  /** The path as reports print it, relative to the working folder. */
  readonly file: string;
  readonly text: string;
}

/**
 * The text of every regular `*.yaml` file in `dir`, sorted by name as the loader reads them.
 * Anything that cannot be read is left out: the validator, run before and after any edit, is
 * what reports it.
 */
export async function readPackTexts(dir: string, cwd = process.cwd()): Promise<PackText[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch {
    return [];
  }
  const texts: PackText[] = [];
  for (const name of names) {
    const path = join(dir, name);
    try {
      if (!(await stat(path)).isFile()) continue;
      texts.push({ path, file: relative(cwd, path) || path, text: await readFile(path, 'utf8') });
    } catch {
      // Unreadable: the validator names it.
    }
  }
  return texts;
}

/** Where a fact was found, or why its list cannot be edited in place. */
export type FoundFact =
  | { readonly ok: true; readonly pack: PackText; readonly place: AlternatesPlace }
  | { readonly ok: false; readonly reason: string };

/**
 * The file holding `factId` and where its alternates are; undefined when no readable pack has
 * the fact (a broken file is the validator's to report).
 */
export function findFact(packs: readonly PackText[], factId: string): FoundFact | undefined {
  for (const pack of packs) {
    const located = locateAlternates(pack.text, factId);
    if (located.ok) return { ok: true, pack, place: located.place };
    if (located.code !== 'no-fact' && located.code !== 'broken') {
      return { ok: false, reason: `${pack.file}: ${located.reason}` };
    }
  }
  return undefined;
}

/** New alternates for one fact. */
export interface AlternatesToAdd {
  readonly factId: string;
  readonly add: readonly string[];
}

/** One fact's alternates as written. */
export interface AddedAlternates {
  readonly file: string;
  readonly factId: string;
  readonly added: readonly string[];
}

export type ApplyOutcome =
  | {
      readonly ok: true;
      readonly changes: readonly AddedAlternates[];
      /** The validator's warnings after the change (errors would have undone it). */
      readonly warnings: readonly Problem[];
      /** Facts left alone, and why (no longer in any pack, a list written oddly). */
      readonly skipped: readonly { readonly factId: string; readonly reason: string }[];
    }
  /** The packs did not validate before anything was touched: nothing was. */
  | { readonly ok: false; readonly stage: 'before'; readonly errors: readonly Problem[] }
  /** The changed packs did not validate: every file was written back as it was. */
  | {
      readonly ok: false;
      readonly stage: 'after';
      readonly errors: readonly Problem[];
      readonly restored: readonly string[];
    };

/**
 * Adds alternates to the pack files in `dir` and runs the validator `npm run validate` runs
 * (`loadPacks`, every rule). All or nothing: when the packs do not validate before, nothing is
 * written; when they do not validate after, every changed file is written back byte for byte.
 * Only the inserted lines differ in a changed file: comments and layout stay.
 */
export async function applyAlternates(
  dir: string,
  plans: readonly AlternatesToAdd[],
  cwd = process.cwd(),
): Promise<ApplyOutcome> {
  const before = await loadPacks(dir, cwd);
  if (!before.ok) return { ok: false, stage: 'before', errors: before.errors };

  const packs = await readPackTexts(dir, cwd);
  const edited = new Map<string, { pack: PackText; text: string }>();
  const changes: AddedAlternates[] = [];
  const skipped: { factId: string; reason: string }[] = [];
  for (const plan of plans) {
    if (plan.add.length === 0) continue;
    const found = findFact(
      packs.map((p) => ({ ...p, text: edited.get(p.path)?.text ?? p.text })),
      plan.factId,
    );
    if (found === undefined) {
      skipped.push({ factId: plan.factId, reason: 'no pack has this fact any more' });
      continue;
    }
    if (!found.ok) {
      skipped.push({ factId: plan.factId, reason: found.reason });
      continue;
    }
    const original = packs.find((p) => p.path === found.pack.path) ?? found.pack;
    const added = addAlternates(found.pack.text, plan.factId, plan.add);
    if (!added.ok) {
      skipped.push({ factId: plan.factId, reason: `${found.pack.file}: ${added.reason}` });
      continue;
    }
    edited.set(original.path, { pack: original, text: added.text });
    changes.push({ file: original.file, factId: plan.factId, added: plan.add });
  }

  for (const { pack, text } of edited.values()) await writeFile(pack.path, text, 'utf8');
  const after = await loadPacks(dir, cwd);
  if (!after.ok) {
    for (const { pack } of edited.values()) await writeFile(pack.path, pack.text, 'utf8');
    return {
      ok: false,
      stage: 'after',
      errors: after.errors,
      restored: [...edited.values()].map(({ pack }) => pack.file),
    };
  }
  return { ok: true, changes, warnings: after.warnings, skipped };
}
