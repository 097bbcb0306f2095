import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_ERROR_MESSAGES } from '../../src/store/errorMessages.js';
import { MIGRATIONS_FOLDER, loadMigrations, migrate } from '../../src/store/migrate.js';
import {
  BUSY_TIMEOUT_MS,
  openReportStore,
  openStore,
  type SqliteStore,
} from '../../src/store/sqlite.js';
import type { StoreError } from '../../src/store/storeError.js';
import { GUILD, T0, answer, askedQuestion, newGame, reveal } from '../support/storeBuilders.js';
import { describeStoreContract } from './contract.js';
import { describeQuestionLogContract } from './questionLogContract.js';

/** Root ignores file permissions, so a read-only folder proves nothing when tests run as root. */
const RUNNING_AS_ROOT = process.getuid?.() === 0;
const KNOWN_VERSION = loadMigrations().length;

let root: string;
let serial = 0;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'almanac-store-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A fresh folder under the test root. */
function freshFolder(): string {
  const folder = join(root, `case-${++serial}`);
  mkdirSync(folder, { recursive: true });
  return folder;
}

function openOk(path: string, migrationsFolder?: string): SqliteStore {
  const result = openStore({ path, ...(migrationsFolder ? { migrationsFolder } : {}) });
  if (!result.ok) throw result.error;
  return result.store;
}

function openError(path: string, migrationsFolder?: string): StoreError {
  const result = openStore({ path, ...(migrationsFolder ? { migrationsFolder } : {}) });
  if (result.ok) {
    result.store.close();
    throw new Error(`expected ${path} to be refused`);
  }
  return result.error;
}

/** Reads the file directly, as SQLite sees it, beside the store. */
function inspect<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Every table of the current schema: trivia (001), then the question log (002). */
const TABLES = ['answers', 'asked_candidates', 'asked_questions', 'games', 'questions'];

const tablesOf = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();

/** A copy of the shipped migrations, plus `extra` files, to test upgrades and failures. */
function migrationsWith(extra: Record<string, string>): string {
  const folder = join(freshFolder(), 'migrations');
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  for (const [file, sql] of Object.entries(extra)) writeFileSync(join(folder, file), sql);
  return folder;
}

const NEXT = String(KNOWN_VERSION + 1).padStart(3, '0');

/**
 * A database as Almanac at schema `version` left it: an empty file at 0; from 1 on, the shipped
 * migrations up to that version, applied as that Almanac did, and a game with one answer written
 * the way the trivia schema (001) stores it.
 */
function databaseAt(version: number): { path: string; gameId: number | undefined } {
  const path = join(freshFolder(), 'almanac.sqlite');
  const db = new Database(path);
  try {
    if (version === 0) return { path, gameId: undefined };
    migrate(
      db,
      loadMigrations().filter((m) => m.version <= version),
      path,
    );
    const gameId = Number(
      db
        .prepare(
          `INSERT INTO games (guild_id, channel_id, starter_user_id, scope, mode, question_count,
            seconds_per_question, started_at) VALUES (?, '200', 'starter', 'history', 'open', 1, 20, ?)`,
        )
        .run(GUILD, T0).lastInsertRowid,
    );
    db.prepare(
      `INSERT INTO questions (game_id, question_index, fact_id, prompt, answer, revealed_at)
        VALUES (?, 0, 'fact-0', 'Question?', 'Answer', ?)`,
    ).run(gameId, T0);
    db.prepare(
      `INSERT INTO answers (game_id, question_index, user_id, display_name, given, correct, points,
        answered_at) VALUES (?, 0, 'ada', 'Ada', 'Answer', 1, 10, ?)`,
    ).run(gameId, T0);
    return { path, gameId };
  } finally {
    db.close();
  }
}

describeStoreContract('the SQLite store', () => openOk(join(freshFolder(), 'almanac.sqlite')));
describeQuestionLogContract('the SQLite store', () =>
  openOk(join(freshFolder(), 'almanac.sqlite')),
);

describe('opening the SQLite store', () => {
  it('finds its migrations beside its own module, numbered from 001', () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(
      Array.from({ length: migrations.length }, (_, i) => i + 1),
    );
    expect(migrations[0]?.file).toBe('001_trivia.sql');
  });

  it('creates the folder and the schema on first run, with WAL, foreign keys and a busy timeout', () => {
    const path = join(freshFolder(), 'data', 'nested', 'almanac.sqlite');
    const store = openOk(path);
    expect(store.settings()).toEqual({
      journalMode: 'wal',
      foreignKeys: true,
      synchronous: 1, // NORMAL
      busyTimeoutMs: BUSY_TIMEOUT_MS,
      schemaVersion: KNOWN_VERSION,
    });
    store.close();
    expect(inspect(path, tablesOf)).toEqual(TABLES);
  });

  it('keeps the data when reopened and runs no migration twice', () => {
    const path = join(freshFolder(), 'almanac.sqlite');
    const migrations = migrationsWith({
      [`${NEXT}_count_runs.sql`]:
        'CREATE TABLE migration_runs (n INTEGER); INSERT INTO migration_runs VALUES (1);',
    });
    const first = openOk(path, migrations);
    const id = first.createGame(newGame());
    first.recordReveal(reveal(id, 0, [answer('ada', true)]));
    first.close();

    const again = openOk(path, migrations);
    expect(again.getGame(id)?.questionsRevealed).toBe(1);
    expect(again.settings().schemaVersion).toBe(KNOWN_VERSION + 1);
    again.close();
    expect(
      inspect(path, (db) => db.prepare('SELECT COUNT(*) FROM migration_runs').pluck().get()),
    ).toBe(1);
  });

  it('brings a database made by an older version up to date, keeping its data', () => {
    const path = join(freshFolder(), 'almanac.sqlite');
    const older = openOk(path);
    const id = older.createGame(newGame());
    older.close();

    const newer = openOk(
      path,
      migrationsWith({ [`${NEXT}_notes.sql`]: 'CREATE TABLE notes (text TEXT NOT NULL);' }),
    );
    expect(newer.settings().schemaVersion).toBe(KNOWN_VERSION + 1);
    expect(newer.getGame(id)?.status).toBe('running');
    newer.close();
  });

  it('refuses a database written by a newer Almanac, and leaves it as it was', () => {
    const path = join(freshFolder(), 'almanac.sqlite');
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();

    const error = openError(path);
    expect(error.code).toBe('newer-schema');
    expect(error.message).toBe(STORE_ERROR_MESSAGES.newerSchema(path, 99, KNOWN_VERSION));
    expect(error.message).toContain('upgrade Almanac or point DATABASE_PATH elsewhere');
    expect(inspect(path, (d) => d.pragma('journal_mode', { simple: true }))).toBe('delete');
    expect(inspect(path, tablesOf)).toEqual([]);
  });

  it.skipIf(RUNNING_AS_ROOT)('refuses a folder it may not write to', () => {
    const folder = freshFolder();
    chmodSync(folder, 0o500);
    try {
      const inside = openError(join(folder, 'almanac.sqlite'));
      expect(inside.code).toBe('unwritable');
      expect(inside.message).toBe(STORE_ERROR_MESSAGES.unwritable(folder, 'permission denied'));
      const below = openError(join(folder, 'data', 'almanac.sqlite'));
      expect(below.code).toBe('unwritable');
      expect(below.message).toBe(
        STORE_ERROR_MESSAGES.unwritable(join(folder, 'data'), 'permission denied'),
      );
    } finally {
      chmodSync(folder, 0o700);
    }
  });

  it('refuses a path whose folder would have to be made inside a file', () => {
    const file = join(freshFolder(), 'notes.txt');
    writeFileSync(file, 'not a folder');
    const error = openError(join(file, 'almanac.sqlite'));
    expect(error.code).toBe('folder-is-a-file');
    expect(error.message).toBe(STORE_ERROR_MESSAGES.folderIsAFile(file));
    const deeper = openError(join(file, 'data', 'almanac.sqlite'));
    expect(deeper.code).toBe('folder-is-a-file');
  });

  it('refuses a path that is a folder', () => {
    const folder = freshFolder();
    const error = openError(folder);
    expect(error.code).toBe('path-is-directory');
    expect(error.message).toBe(STORE_ERROR_MESSAGES.pathIsDirectory(folder));
  });

  it('refuses a file that is not an SQLite database, and leaves it as it was', () => {
    const path = join(freshFolder(), 'almanac.sqlite');
    const text = 'These are my study notes, not a database.\n'.repeat(40);
    writeFileSync(path, text);
    const error = openError(path);
    expect(error.code).toBe('not-a-database');
    expect(error.message).toBe(STORE_ERROR_MESSAGES.notADatabase(path));
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('says the migrations are missing when their folder is', () => {
    const missing = join(freshFolder(), 'no-migrations-here');
    const error = openError(join(freshFolder(), 'almanac.sqlite'), missing);
    expect(error.code).toBe('migrations-missing');
    expect(error.message).toBe(STORE_ERROR_MESSAGES.migrationsMissing(missing));
  });

  it('refuses migrations with a gap in their numbers, or a misnamed one', () => {
    const gap = migrationsWith({ '009_later.sql': 'SELECT 1;' });
    expect(openError(join(freshFolder(), 'almanac.sqlite'), gap).code).toBe('migrations-invalid');
    const misnamed = migrationsWith({ [`${NEXT}-Bad Name.sql`]: 'SELECT 1;' });
    expect(openError(join(freshFolder(), 'almanac.sqlite'), misnamed).code).toBe(
      'migrations-invalid',
    );
  });

  it('rolls a failing migration back whole, leaving the previous version', () => {
    const path = join(freshFolder(), 'almanac.sqlite');
    openOk(path).close();
    const file = `${NEXT}_broken.sql`;
    const broken = migrationsWith({
      [file]: 'CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);',
    });
    const error = openError(path, broken);
    expect(error.code).toBe('migration-failed');
    expect(error.message).toBe(
      STORE_ERROR_MESSAGES.migrationFailed(file, path, 'no such table: no_such_table'),
    );
    expect(inspect(path, (db) => db.pragma('user_version', { simple: true }))).toBe(KNOWN_VERSION);
    expect(inspect(path, tablesOf)).toEqual(TABLES);
    openOk(path).close();
  });
});

describe('the SQLite store on disk', () => {
  it('leaves no question row behind when one of its answers breaks a constraint', () => {
    const path = join(freshFolder(), 'almanac.sqlite');
    const store = openOk(path);
    const id = store.createGame(newGame());
    const broken = reveal(id, 0, [
      answer('ada', true),
      answer('bo', false, { answeredAt: T0 + 1 }),
      answer('ada', false, { answeredAt: T0 + 2 }),
    ]);
    expect(() => store.recordReveal(broken)).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
    store.close();
    const rows = inspect(path, (db) => ({
      questions: db.prepare('SELECT COUNT(*) FROM questions').pluck().get(),
      answers: db.prepare('SELECT COUNT(*) FROM answers').pluck().get(),
    }));
    expect(rows).toEqual({ questions: 0, answers: 0 });
  });

  it("keeps a name written as SQL as the player's name, with every table intact", () => {
    const path = join(freshFolder(), 'almanac.sqlite');
    const store = openOk(path);
    const name = "'); DROP TABLE games; --";
    const id = store.createGame(newGame());
    store.recordReveal(reveal(id, 0, [answer('ada', true, { displayName: name, given: name })]));
    store.close();
    expect(inspect(path, tablesOf)).toEqual(TABLES);
    expect(
      inspect(path, (db) => db.prepare('SELECT display_name, given FROM answers').get()),
    ).toEqual({ display_name: name, given: name });
    const reopened = openOk(path);
    expect(
      reopened.leaderboard({ guildId: GUILD, by: 'points', limit: 1 }).entries[0],
    ).toMatchObject({ displayName: name });
    reopened.close();
  });

  it('lets another connection read what it committed while it stays open', () => {
    const path = join(freshFolder(), 'data', 'almanac.sqlite');
    const store = openOk(path);
    store.createGame(newGame());
    expect(store.path).toBe(path);
    expect(inspect(path, (db) => db.prepare('SELECT COUNT(*) FROM games').pluck().get())).toBe(1);
    store.close();
  });
});

describe('the question log on disk', () => {
  it.each(Array.from({ length: KNOWN_VERSION }, (_, version) => version))(
    'upgrades a database from schema %i, keeping its games, and then records questions',
    (version) => {
      const { path, gameId } = databaseAt(version);
      const store = openOk(path);
      expect(store.settings().schemaVersion).toBe(KNOWN_VERSION);
      if (gameId !== undefined) expect(store.getGame(gameId)?.questionsRevealed).toBe(1);
      const id = store.recordQuestion(askedQuestion());
      expect(store.getQuestion(id)?.question).toBe(askedQuestion().question);
      store.close();
      expect(inspect(path, tablesOf)).toEqual(TABLES);
    },
  );

  it('forgets the near misses of a pruned question with it', () => {
    const path = join(freshFolder(), 'almanac.sqlite');
    const store = openOk(path);
    store.recordQuestion(askedQuestion({ askedAt: T0 - 1 }));
    store.recordQuestion(askedQuestion({ askedAt: T0 }));
    store.pruneQuestions({ before: T0, answeredTextBefore: T0 });
    store.close();
    expect(
      inspect(path, (db) => db.prepare('SELECT COUNT(*) FROM asked_candidates').pluck().get()),
    ).toBe(1);
  });
});

describe('opening the database for reports only', () => {
  const query = { since: T0, groups: 10, questionsPerGroup: 10 } as const;

  it('reads what a running store has committed, while it stays open', () => {
    const path = join(freshFolder(), 'almanac.sqlite');
    const store = openOk(path);
    store.recordQuestion(askedQuestion());
    const opened = openReportStore({ path });
    if (!opened.ok) throw opened.error;
    expect(opened.store.missReport(query).misses).toBe(1);
    store.recordQuestion(askedQuestion({ question: 'and another' }));
    expect(opened.store.missReport(query).misses).toBe(2);
    expect(opened.store.questionStats({ since: T0 }).declined).toBe(2);
    opened.store.close();
    opened.store.close();
    store.close();
  });

  it('writes nothing: a database left by an older Almanac stays as it was, and is refused', () => {
    const { path } = databaseAt(1);
    const opened = openReportStore({ path });
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.error.code).toBe('older-schema');
    expect(opened.error.message).toBe(STORE_ERROR_MESSAGES.olderSchema(path, 1, 2));
    expect(inspect(path, (db) => db.pragma('user_version', { simple: true }))).toBe(1);
    expect(inspect(path, tablesOf)).toEqual(['answers', 'games', 'questions']);
  });

  it('says there is no database, and makes none, when the file is missing', () => {
    const path = join(freshFolder(), 'nothing-here.sqlite');
    const opened = openReportStore({ path });
    expect(opened.ok ? 'opened' : opened.error.code).toBe('missing-database');
    expect(opened.ok ? '' : opened.error.message).toBe(STORE_ERROR_MESSAGES.missingDatabase(path));
    expect(() => readFileSync(path)).toThrow();
  });

  it('refuses a database a newer Almanac wrote, and a file that is not a database', () => {
    const newer = join(freshFolder(), 'almanac.sqlite');
    openOk(newer).close();
    const db = new Database(newer);
    db.pragma(`user_version = ${KNOWN_VERSION + 1}`);
    db.close();
    const refused = openReportStore({ path: newer });
    expect(refused.ok ? 'opened' : refused.error.code).toBe('newer-schema');

    const text = join(freshFolder(), 'notes.sqlite');
    writeFileSync(text, 'not a database, just some notes that are long enough to have a header');
    const notADatabase = openReportStore({ path: text });
    expect(notADatabase.ok ? 'opened' : notADatabase.error.code).toBe('not-a-database');
  });
});
