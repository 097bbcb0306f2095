import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_USAGE, runBackup } from '../../src/cli/backupCommand.js';
import { STORE_ERROR_MESSAGES } from '../../src/store/errorMessages.js';
import { openStore } from '../../src/store/sqlite.js';
import { newGame } from '../support/storeBuilders.js';
import { runTs } from '../support/spawn.js';

const NOW = new Date(Date.UTC(2026, 2, 2, 15, 4, 5));

describe('npm run backup', () => {
  let folder: string;
  let database: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'almanac-backup-cli-'));
    database = join(folder, 'data', 'almanac.sqlite');
    const opened = openStore({ path: database });
    if (!opened.ok) throw opened.error;
    opened.store.createGame(newGame());
    opened.store.close();
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  async function run(args: string[]) {
    let out = '';
    let err = '';
    const code = await runBackup(args, {
      env: { DATABASE_PATH: 'data/almanac.sqlite' },
      cwd: folder,
      now: NOW,
      out: (text) => (out += text),
      err: (text) => (err += text),
    });
    return { code, out, err };
  }

  it('writes a timestamped file beside the database and prints its path alone', async () => {
    const result = await run([]);
    const expected = join(folder, 'data', 'almanac-backup-20260302T150405Z.sqlite');
    expect(result).toEqual({ code: 0, out: `${expected}\n`, err: '' });
    expect(existsSync(expected)).toBe(true);
  });

  it('writes to the path given, relative to the working folder', async () => {
    const result = await run(['nightly.sqlite']);
    expect(result).toEqual({ code: 0, out: `${join(folder, 'nightly.sqlite')}\n`, err: '' });
  });

  it('refuses to overwrite a file, in one line, with exit status 1', async () => {
    const target = join(folder, 'kept.sqlite');
    writeFileSync(target, 'keep me');
    const result = await run([target]);
    expect(result).toEqual({
      code: 1,
      out: '',
      err: `${STORE_ERROR_MESSAGES.backupExists(target)}\n`,
    });
  });

  it('answers a usage error with the usage and exit status 2', async () => {
    expect(await run(['a.sqlite', 'b.sqlite'])).toMatchObject({ code: 2, out: '' });
    const unknown = await run(['--overwrite']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain(BACKUP_USAGE);
    expect(await run(['--help'])).toEqual({ code: 0, out: `${BACKUP_USAGE}\n`, err: '' });
  });

  it('runs as its own program, reading DATABASE_PATH from the environment', async () => {
    const target = join(folder, 'from-the-shell.sqlite');
    const run = await runTs('src/cli/backup.ts', [target], { env: { DATABASE_PATH: database } });
    expect(run).toEqual({ code: 0, stdout: `${target}\n`, stderr: '' });
  });
});
