import { linkSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import * as z from '../zod.js';
import { STORE_ERROR_MESSAGES } from './errorMessages.js';
import { schemaVersionOf } from './migrate.js';
import { BUSY_TIMEOUT_MS } from './sqlite.js';
import { StoreError } from './storeError.js';

/** A backup that was written. */
export interface Backup {
  /** The backup file, resolved. */
  readonly path: string;
  /** Its size in bytes. */
  readonly bytes: number;
  /** The schema version it holds (`PRAGMA user_version`). */
  readonly schemaVersion: number;
}

export type BackupResult =
  | { readonly ok: true; readonly backup: Backup }
  | { readonly ok: false; readonly error: StoreError };

/**
 * Where a backup goes when no path is given: beside the database, named after it and the time
 * in UTC, `almanac.sqlite` → `almanac-backup-20260302T150405Z.sqlite`.
 */
export function defaultBackupPath(databasePath: string, at: Date): string {
  const path = resolve(databasePath);
  const extension = extname(path);
  const stem = basename(path, extension);
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return join(dirname(path), `${stem}-backup-${stamp}${extension || '.sqlite'}`);
}

const codeOf = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

const integrityRow = z.object({ quick_check: z.string() });

/**
 * Takes an online backup of the database at `databasePath` into `target` with SQLite's backup
 * API (better-sqlite3's `db.backup`): the bot may keep running and writing meanwhile, and the
 * backup is one consistent database, checked (`PRAGMA quick_check`) before it is kept. The
 * source is opened read-only; nothing about it changes.
 *
 * The backup is written beside the target under a temporary name, then linked to the target,
 * which fails if anything is there: an existing file is never overwritten, and the target never
 * holds half a backup. Expected failures come back as a `StoreError` (`missing-database`,
 * `backup-exists`, `backup-failed`).
 */
export async function backupDatabase(databasePath: string, target: string): Promise<BackupResult> {
  const source = resolve(databasePath);
  const destination = resolve(target);
  const partial = `${destination}.partial-${process.pid}`;
  let db: Database.Database | undefined;
  try {
    try {
      statSync(source);
    } catch (error) {
      if (codeOf(error) === 'ENOENT') {
        throw new StoreError('missing-database', STORE_ERROR_MESSAGES.missingDatabase(source));
      }
      throw error;
    }
    if (exists(destination)) {
      throw new StoreError('backup-exists', STORE_ERROR_MESSAGES.backupExists(destination));
    }
    db = new Database(source, { readonly: true, fileMustExist: true });
    // The number is our own constant; PRAGMA takes no bound parameter.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    await db.backup(partial);
    const schemaVersion = checkBackup(partial);
    try {
      linkSync(partial, destination);
    } catch (error) {
      if (codeOf(error) === 'EEXIST') {
        throw new StoreError('backup-exists', STORE_ERROR_MESSAGES.backupExists(destination), {
          cause: error,
        });
      }
      throw error;
    }
    return {
      ok: true,
      backup: { path: destination, bytes: statSync(destination).size, schemaVersion },
    };
  } catch (error) {
    if (error instanceof StoreError) return { ok: false, error };
    const detail = codeOf(error) ?? (error instanceof Error ? error.message : String(error));
    return {
      ok: false,
      error: new StoreError(
        'backup-failed',
        STORE_ERROR_MESSAGES.backupFailed(destination, detail),
        {
          cause: error,
        },
      ),
    };
  } finally {
    db?.close();
    rmSync(partial, { force: true });
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return false;
    throw error;
  }
}

/** Opens the written backup on its own, checks it, and returns its schema version. */
function checkBackup(path: string): number {
  const copy = new Database(path, { fileMustExist: true });
  try {
    const check = integrityRow.parse(copy.prepare('PRAGMA quick_check').get());
    if (check.quick_check !== 'ok')
      throw new Error(`the copy fails its check: ${check.quick_check}`);
    return schemaVersionOf(copy);
  } finally {
    copy.close();
  }
}
