import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_ERROR_MESSAGES } from '../../src/store/errorMessages.js';
import { loadMigrations } from '../../src/store/migrate.js';
import { TOKEN } from '../discord/harness.js';
import { runTs } from '../support/spawn.js';

/** Root ignores file permissions, so a read-only folder proves nothing when tests run as root. */
const RUNNING_AS_ROOT = process.getuid?.() === 0;

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'almanac-startup-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('npm start with a database it cannot use', () => {
  it('stops at once when the database was written by a newer Almanac, with one line saying what to do', async () => {
    const path = join(root, 'newer.sqlite');
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    const run = await runTs('src/main.ts', [], { env: { DATABASE_PATH: path } });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `${STORE_ERROR_MESSAGES.newerSchema(path, 99, loadMigrations().length)}\n`,
    );
  });

  it('stops the bot too, before it logs in, when the data folder cannot be made', async () => {
    const file = join(root, 'not-a-folder');
    writeFileSync(file, 'a file where the data folder should be');
    const run = await runTs('src/main.ts', [], {
      env: {
        DATABASE_PATH: join(file, 'almanac.sqlite'),
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: 'http://127.0.0.1:9/api',
      },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${STORE_ERROR_MESSAGES.folderIsAFile(file)}\n`);
  });

  it.skipIf(RUNNING_AS_ROOT)('stops when the data folder is not writable', async () => {
    const folder = join(root, 'read-only');
    mkdirSync(folder);
    chmodSync(folder, 0o500);
    try {
      const run = await runTs('src/main.ts', [], {
        env: { DATABASE_PATH: join(folder, 'almanac.sqlite') },
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`${STORE_ERROR_MESSAGES.unwritable(folder, 'permission denied')}\n`);
    } finally {
      chmodSync(folder, 0o700);
    }
  });

  it('creates the data folder on first run and plays trivia on the database there', async () => {
    const path = join(root, 'fresh', 'data', 'almanac.sqlite');
    const run = await runTs('src/main.ts', [], {
      env: { DATABASE_PATH: path },
      input: '/trivia 1\n/stop\n/trivia leaderboard\n',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Trivia: 1 question');
    expect(run.stdout).toContain('Trivia stopped.');
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT status FROM games').pluck().all()).toEqual(['stopped']);
    db.close();
  });
});
