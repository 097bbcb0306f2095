import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { STORE_ERROR_MESSAGES } from './errorMessages.js';
import { StoreError } from './storeError.js';

/**
 * The migrations folder beside this module. They are `.sql` files rather than TypeScript
 * strings so they read (and diff) as SQL and can be tried in the `sqlite3` shell; the price is
 * that a compiled build must copy `src/store/migrations/*.sql` next to its `store` folder, and a
 * missing folder is reported as `migrations-missing` rather than as an `ENOENT` stack trace.
 */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations/', import.meta.url));

/** One schema step: `NNN_snake_name.sql` takes the database from version NNN - 1 to NNN. */
export interface Migration {
  readonly version: number;
  readonly file: string;
  readonly sql: string;
}

/** Three digits, an underscore, a lower-case snake-case name: `001_trivia.sql`. */
const MIGRATION_FILE = /^(\d{3})_[a-z\d]+(?:_[a-z\d]+)*\.sql$/;

/**
 * Reads every migration of `folder` as text, in version order. Versions must run 1, 2, 3… with
 * no gap or repeat, and every `.sql` file must be named as a migration: a misnamed file skipped
 * silently would leave databases a step behind.
 * @throws StoreError `migrations-missing` or `migrations-invalid`
 */
export function loadMigrations(folder: string = MIGRATIONS_FOLDER): Migration[] {
  let files: string[];
  try {
    files = readdirSync(folder).filter((name) => name.endsWith('.sql'));
  } catch (error) {
    throw new StoreError('migrations-missing', STORE_ERROR_MESSAGES.migrationsMissing(folder), {
      cause: error,
    });
  }
  if (files.length === 0) {
    throw new StoreError('migrations-missing', STORE_ERROR_MESSAGES.migrationsMissing(folder));
  }
  const migrations = files
    .map((file) => {
      const match = MIGRATION_FILE.exec(file);
      if (!match) {
        throw new StoreError(
          'migrations-invalid',
          STORE_ERROR_MESSAGES.migrationsInvalid(folder, `${file} is not named NNN_snake_name.sql`),
        );
      }
      return { version: Number(match[1]), file };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach(({ version, file }, i) => {
    if (version !== i + 1) {
      throw new StoreError(
        'migrations-invalid',
        STORE_ERROR_MESSAGES.migrationsInvalid(folder, `${file} should be version ${i + 1}`),
      );
    }
  });
  return migrations.map(({ version, file }) => ({
    version,
    file,
    sql: readFileSync(join(folder, file), 'utf8'),
  }));
}

/** The database's schema version (`PRAGMA user_version`). */
export function schemaVersionOf(db: Database): number {
  const version = db.pragma('user_version', { simple: true });
  if (typeof version !== 'number') throw new TypeError('PRAGMA user_version is not a number');
  return version;
}

/**
 * Applies the migrations the database has not had yet, each in its own immediate transaction
 * together with its `user_version` bump, so a failed migration leaves the previous version
 * whole. The version is read again inside each transaction: two processes starting at once do
 * not both apply a step.
 * @throws StoreError `migration-failed`, naming the file and SQLite's complaint
 */
export function migrate(db: Database, migrations: readonly Migration[], path: string): void {
  for (const migration of migrations) {
    if (schemaVersionOf(db) >= migration.version) continue;
    const apply = db.transaction(() => {
      if (schemaVersionOf(db) >= migration.version) return;
      db.exec(migration.sql);
      // PRAGMA takes no bound parameter; the version is an integer parsed from our own file
      // name (three digits), never input.
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      apply.immediate();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new StoreError(
        'migration-failed',
        STORE_ERROR_MESSAGES.migrationFailed(migration.file, path, detail),
        { cause: error },
      );
    }
  }
}
