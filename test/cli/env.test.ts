import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Run } from '../support/spawn.js';

const TSX = resolve('node_modules/tsx/dist/cli.mjs');
const VALID = resolve('test/fixtures/knowledge/valid');
const BUNDLED = resolve('knowledge');

/**
 * Runs an entry point from `cwd`, where a `.env` may be, with `KNOWLEDGE_DIR` only as `env` sets
 * it: the tests' own environment must not decide what `.env` is tested for.
 */
function runIn(
  cwd: string,
  entry: string,
  args: readonly string[],
  env: Record<string, string> = {},
  input = '',
): Promise<Run> {
  return new Promise((done, fail) => {
    const childEnv: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: '0' };
    delete childEnv.KNOWLEDGE_DIR;
    delete childEnv.DISCORD_TOKEN;
    const child = spawn(process.execPath, [TSX, resolve(entry), ...args], {
      cwd,
      env: { ...childEnv, DATABASE_PATH: join(cwd, 'almanac.sqlite'), ...env },
      stdio: 'pipe',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** A working folder whose `.env` points KNOWLEDGE_DIR at the two-pack test folder. */
let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'almanac-env-'));
  await writeFile(join(cwd, '.env'), `KNOWLEDGE_DIR=${VALID}\n`);
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

describe('KNOWLEDGE_DIR in .env', () => {
  it('is read by npm run validate', async () => {
    const run = await runIn(cwd, 'src/cli/validate.ts', []);
    expect(run.stdout).toMatch(/^ok: 2 pack\(s\), 6 facts,/m);
    expect(run.code).toBe(0);
  });

  it('is read by ask', async () => {
    const run = await runIn(cwd, 'src/cli/ask.ts', ['--json', 'how far away is the moon']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ factId: 'moon-distance' });
  });

  it('is read by npm start, as before', async () => {
    const run = await runIn(cwd, 'src/main.ts', [], {}, 'how far away is the moon\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/384,000 kilometres/);
  });

  it('gives way to KNOWLEDGE_DIR in the environment, for validate and ask alike', async () => {
    const validate = await runIn(cwd, 'src/cli/validate.ts', [], { KNOWLEDGE_DIR: BUNDLED });
    expect(validate.stdout).toMatch(/^ok: 1 pack\(s\),/m);
    const ask = await runIn(cwd, 'src/cli/ask.ts', ['--pack', 'earth-moon', 'moon distance'], {
      KNOWLEDGE_DIR: BUNDLED,
    });
    expect(ask.code).toBe(2);
    expect(ask.stderr).toMatch(/No pack has the id "earth-moon"\. Packs: bhutto-soviet-visit-1972/);
  });
});
