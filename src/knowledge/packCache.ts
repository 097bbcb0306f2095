import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as z from '../zod.js';
import { packSchema } from './schema.js';
import type { ValidationResult } from './validate.js';

/**
 * Packs already read, parsed and validated, kept on disk by the content of their files: the
 * console, `ask` and the bot start by reading a few hundred bytes of JSON where parsing YAML with
 * positions and validating it takes tens of milliseconds. A changed file, another version of
 * Almanac or another schema gives another key, so nothing stale is ever served; a cache that
 * cannot be read or written is passed over, never an error.
 */
export interface PackCache {
  /** The packs validated from exactly these files, if they were kept. */
  read(files: readonly PackBytes[]): Promise<ValidationResult | undefined>;
  /** Keeps a successful validation of these files. */
  write(files: readonly PackBytes[], result: ValidationResult): Promise<void>;
}

/** One pack file as read: its name as reported, and its bytes. */
export interface PackBytes {
  readonly file: string;
  readonly bytes: Uint8Array;
}

/**
 * What makes a kept result valid: the cache's own format, and the schema packs are validated
 * against (its JSON Schema, so a new field or rule of the schema is a new key).
 */
const FORMAT = 'almanac-packs-1';
/** How many kept results a folder holds: older ones are deleted. */
const KEEP = 4;

let schemaPrint: string | undefined;
const schemaFingerprint = (): string =>
  (schemaPrint ??= createHash('sha256')
    .update(JSON.stringify(z.toJSONSchema(packSchema, { io: 'input' })))
    .digest('hex'));

const keptSchema = z.object({
  format: z.literal(FORMAT),
  packs: z.array(packSchema),
  warnings: z.array(
    z.object({
      file: z.string(),
      line: z.number(),
      col: z.number(),
      factId: z.optional(z.string()),
      message: z.string(),
    }),
  ),
});

/** The folder of the cache beside the database: `cache` in its folder, the data folder. */
export const packCacheDirBeside = (databasePath: string): string =>
  join(dirname(databasePath), 'cache');

/** The cache beside the database. */
export const packCacheBeside = (databasePath: string): PackCache =>
  packCacheIn(packCacheDirBeside(databasePath));

/** The cache in `dir` (created when first written). */
export function packCacheIn(dir: string): PackCache {
  const keyOf = (files: readonly PackBytes[]): string => {
    const hash = createHash('sha256').update(FORMAT).update(schemaFingerprint());
    for (const { file, bytes } of files) {
      hash.update(`\0${file}\0${bytes.length}\0`).update(bytes);
    }
    return hash.digest('hex').slice(0, 32);
  };
  const pathOf = (key: string) => join(dir, `packs-${key}.json`);

  return {
    async read(files) {
      try {
        const kept = keptSchema.parse(JSON.parse(await readFile(pathOf(keyOf(files)), 'utf8')));
        return { ok: true, packs: kept.packs, warnings: kept.warnings };
      } catch {
        return undefined;
      }
    },
    async write(files, result) {
      if (!result.ok) return;
      try {
        await mkdir(dir, { recursive: true });
        const path = pathOf(keyOf(files));
        const partial = `${path}.${process.pid}.tmp`;
        const entry = { format: FORMAT, packs: result.packs, warnings: result.warnings };
        await writeFile(partial, JSON.stringify(entry));
        await rename(partial, path);
        const names = (await readdir(dir)).filter((n) => /^packs-[0-9a-f]+\.json$/.test(n));
        if (names.length > KEEP) {
          const kept = await Promise.all(
            names.map(async (name) => ({ name, at: (await stat(join(dir, name))).mtimeMs })),
          );
          kept.sort((a, b) => b.at - a.at);
          for (const old of kept.slice(KEEP)) await rm(join(dir, old.name), { force: true });
        }
      } catch {
        // A folder that cannot be written only means the next start parses the files again.
      }
    },
  };
}
