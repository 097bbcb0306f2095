import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase, defaultBackupPath } from '../../src/store/backup.js';
import { STORE_ERROR_MESSAGES } from '../../src/store/errorMessages.js';
import { loadMigrations } from '../../src/store/migrate.js';
import { openStore, type SqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { GUILD, T0, askedQuestion, storeScript } from '../support/storeBuilders.js';

/** Everything a server's members and curator read: the leaderboards and the question log. */
function whatItAnswers(store: Store) {
  return {
    points: store.leaderboard({ guildId: GUILD, by: 'points', limit: 10 }),
    games: store.leaderboard({ guildId: GUILD, by: 'games', limit: 10 }),
    player: store.playerStats({ guildId: GUILD, userId: 'ada' }),
    misses: store.missReport({ guildId: GUILD, since: T0, groups: 10, questionsPerGroup: 5 }),
    stats: store.questionStats({ guildId: GUILD, since: T0 }),
  };
}

function open(path: string): SqliteStore {
  const opened = openStore({ path });
  if (!opened.ok) throw opened.error;
  return opened.store;
}

describe('an online backup of the database', () => {
  let folder: string;
  let store: SqliteStore;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'almanac-backup-'));
    store = open(join(folder, 'almanac.sqlite'));
    const script = storeScript(store);
    script.play([
      {
        answers: [
          ['ada', true],
          ['bo', false],
        ],
      },
      {
        answers: [
          ['ada', true],
          ['bo', true],
        ],
      },
    ]);
    script.play([{ answers: [['cy', true]] }], {}, null);
    const missed = store.recordQuestion(askedQuestion({ askedAt: T0 + 1 }));
    store.recordPick({ id: missed, factId: 'leaders-met', guildId: GUILD, at: T0 + 2 });
    store.recordQuestion(
      askedQuestion({
        askedAt: T0 + 3,
        status: 'answered',
        factId: 'visit-dates',
        question: 'when was the visit',
      }),
    );
  });

  afterEach(() => {
    store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('restored into a new place, answers the same leaderboards and question log', async () => {
    // Taken while the store is open, as the bot would have it, its last writes still in the WAL.
    const result = await backupDatabase(store.path, join(folder, 'backup.sqlite'));
    if (!result.ok) throw result.error;
    expect(result.backup).toEqual({
      path: join(folder, 'backup.sqlite'),
      bytes: expect.any(Number),
      schemaVersion: loadMigrations().length,
    });

    // Restoring is copying the file to DATABASE_PATH while the bot is stopped.
    const restoredPath = join(mkdtempSync(join(tmpdir(), 'almanac-restored-')), 'almanac.sqlite');
    copyFileSync(result.backup.path, restoredPath);
    const restored = open(restoredPath);
    try {
      expect(whatItAnswers(restored)).toEqual(whatItAnswers(store));
      expect(whatItAnswers(restored).points.entries.map((e) => e.userId)).toEqual([
        'ada',
        'bo',
        'cy',
      ]);
      expect(whatItAnswers(restored).stats.questions).toBe(2);
    } finally {
      restored.close();
      rmSync(dirname(restoredPath), { recursive: true, force: true });
    }
  });

  it('leaves one self-contained file, and nothing else, beside the database', async () => {
    const target = defaultBackupPath(store.path, new Date(Date.UTC(2026, 2, 2, 15, 4, 5)));
    expect(target).toBe(join(folder, 'almanac-backup-20260302T150405Z.sqlite'));
    const result = await backupDatabase(store.path, target);
    expect(result.ok).toBe(true);
    expect(readdirSync(folder).filter((name) => name.includes('backup'))).toEqual([
      'almanac-backup-20260302T150405Z.sqlite',
    ]);
  });

  it('never overwrites a file, and says so in one line', async () => {
    const target = join(folder, 'precious.sqlite');
    writeFileSync(target, 'not to be lost');
    const result = await backupDatabase(store.path, target);
    expect(result.ok ? undefined : result.error.code).toBe('backup-exists');
    expect(result.ok ? '' : result.error.message).toBe(STORE_ERROR_MESSAGES.backupExists(target));
    expect(readFileSync(target, 'utf8')).toBe('not to be lost');
  });

  it('says there is nothing to back up when the database is missing', async () => {
    const missing = join(folder, 'missing.sqlite');
    const result = await backupDatabase(missing, join(folder, 'b.sqlite'));
    expect(result.ok ? undefined : result.error.message).toBe(
      STORE_ERROR_MESSAGES.missingDatabase(missing),
    );
  });

  it('leaves nothing behind when it cannot write', async () => {
    const target = join(folder, 'no-such-folder', 'b.sqlite');
    const result = await backupDatabase(store.path, target);
    expect(result.ok ? undefined : result.error.code).toBe('backup-failed');
    expect(existsSync(join(folder, 'no-such-folder'))).toBe(false);
    expect(readdirSync(folder).filter((name) => name.includes('partial'))).toEqual([]);
  });
});
