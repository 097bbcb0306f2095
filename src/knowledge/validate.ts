import type { $ZodIssue } from 'zod/v4/core';
import type { ParsedFile, PathSegment } from './parse.js';
import { sortProblems, type Problem } from './problem.js';
import { RULES, type LoadedPack, type Rule } from './rules.js';
import { packSchema, type Pack } from './schema.js';

export type ValidationResult =
  | { readonly ok: true; readonly packs: Pack[]; readonly warnings: Problem[] }
  | { readonly ok: false; readonly errors: Problem[]; readonly warnings: Problem[] };

/** `facts[3].source.paragraph` → `source.paragraph` inside fact 3. */
function fieldName(path: readonly PathSegment[]): string {
  const inFact = path[0] === 'facts' && typeof path[1] === 'number' ? path.slice(2) : path;
  return inFact.reduce<string>(
    (name, segment) =>
      typeof segment === 'number' ? `${name}[${segment}]` : name ? `${name}.${segment}` : segment,
    '',
  );
}

function issueMessage(issue: $ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    return `is required (${issue.expected})`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  return issue.message;
}

function factIdAt(data: unknown, path: readonly PathSegment[]): string | undefined {
  if (path[0] !== 'facts' || typeof path[1] !== 'number') return undefined;
  if (typeof data !== 'object' || data === null || !('facts' in data)) return undefined;
  const facts = data.facts;
  if (!Array.isArray(facts)) return undefined;
  const fact: unknown = facts[path[1]];
  if (typeof fact === 'object' && fact !== null && 'id' in fact && typeof fact.id === 'string') {
    return fact.id;
  }
  return undefined;
}

/** Checks one file against the schema; every issue comes back, located. */
function checkSchema(file: ParsedFile): { pack?: Pack; errors: Problem[] } {
  if (file.problems.length > 0) return { errors: [...file.problems] };
  const parsed = packSchema.safeParse(file.data);
  if (parsed.success) return { pack: parsed.data, errors: [] };
  const errors = parsed.error.issues.map((issue): Problem => {
    const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    const field = fieldName(path);
    // An unknown key is reported where the key stands, not at the start of its object.
    const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    return {
      file: file.file,
      ...(unknownKey ? file.locate([...path, unknownKey], { key: true }) : file.locate(path)),
      factId: factIdAt(file.data, path),
      message: field ? `${field}: ${issueMessage(issue)}` : issueMessage(issue),
    };
  });
  return { errors };
}

/**
 * Validates parsed pack files: each against the schema, then every rule across all packs.
 * Reports every problem at once. The same function serves start-up, `npm run validate`,
 * `/almanac reload` and the tests.
 */
export function validatePacks(
  files: readonly ParsedFile[],
  options: { readonly folder?: string; readonly rules?: readonly Rule[] } = {},
): ValidationResult {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const loaded: LoadedPack[] = [];
  for (const file of files) {
    const { pack, errors: schemaErrors } = checkSchema(file);
    errors.push(...schemaErrors);
    if (pack) loaded.push({ pack, source: file });
  }
  if (files.length === 0) {
    errors.push({
      file: options.folder ?? '.',
      line: 1,
      col: 1,
      message: 'no knowledge packs (*.yaml) were found',
    });
  }
  for (const rule of options.rules ?? RULES) {
    const findings = rule(loaded);
    errors.push(...findings.errors);
    warnings.push(...findings.warnings);
  }
  if (errors.length > 0) {
    return { ok: false, errors: sortProblems(errors), warnings: sortProblems(warnings) };
  }
  return { ok: true, packs: loaded.map((l) => l.pack), warnings: sortProblems(warnings) };
}
