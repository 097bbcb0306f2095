import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_ERROR_MESSAGES } from '../../src/store/errorMessages.js';
import { loadMigrations } from '../../src/store/migrate.js';
import { TOKEN } from '../discord/harness.js';

/**
 * Root may write anywhere, so when the tests run as root the bot is started as `nobody`, as the
 * deploy files start it as an unprivileged user: a folder it may not write is then one.
 */
const AS_ROOT = process.getuid?.() === 0;
const NOBODY = 65_534;

/** Runs an entry point as `npm start` runs it (`node --import tsx`), as `nobody` under root. */
function runEntry(
  entry: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      ...(AS_ROOT ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end();
  });
}

// Nothing may reach Discord: the refusal comes before any request.
const BOT_ENV = { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: 'http://127.0.0.1:9/api' };

describe.each([
  ['npm start', 'src/main.ts'],
  ['npm run start:sharded', 'src/shard.ts'],
])('%s with a database it may not use', (_name, entry) => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'almanac-refusals-'));
    // Readable to the unprivileged user the bot runs as.
    chmodSync(root, 0o755);
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses, in one line and before logging in, a data folder it may not write', async () => {
    const folder = join(root, 'read-only');
    mkdirSync(folder);
    chmodSync(folder, 0o555);
    try {
      const run = await runEntry(entry, {
        ...BOT_ENV,
        DATABASE_PATH: join(folder, 'almanac.sqlite'),
      });
      expect(run).toEqual({
        code: 1,
        stdout: '',
        stderr: `${STORE_ERROR_MESSAGES.unwritable(folder, 'permission denied')}\n`,
      });
    } finally {
      chmodSync(folder, 0o755);
    }
  });

  it('refuses, in one line and before logging in, a database a newer Almanac wrote', async () => {
    const folder = join(root, 'newer');
    mkdirSync(folder);
    const path = join(folder, 'almanac.sqlite');
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    // Writable by the unprivileged user, so the refusal is about the schema alone.
    chmodSync(folder, 0o777);
    chmodSync(path, 0o666);
    const run = await runEntry(entry, { ...BOT_ENV, DATABASE_PATH: path });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `${STORE_ERROR_MESSAGES.newerSchema(path, 99, loadMigrations().length)}\n`,
    });
  });
});
