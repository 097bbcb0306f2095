import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const TSX = resolve('node_modules/tsx/dist/cli.mjs');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A database file in a fresh temporary folder, so no test writes into the working copy. */
export function temporaryDatabasePath(): string {
  return join(mkdtempSync(join(tmpdir(), 'almanac-run-')), 'almanac.sqlite');
}

/**
 * Runs a TypeScript entry point with tsx, feeding `input` on standard input. `DATABASE_PATH`
 * points at a fresh temporary file unless the test gives one.
 */
export function runTs(
  entry: string,
  args: readonly string[] = [],
  options: { input?: string | Buffer; env?: Record<string, string | undefined> } = {},
): Promise<Run> {
  return new Promise((done, fail) => {
    const env: Record<string, string | undefined> = {
      ...process.env,
      FORCE_COLOR: '0',
      ...options.env,
    };
    const database = options.env?.DATABASE_PATH === undefined ? temporaryDatabasePath() : null;
    if (database !== null) env.DATABASE_PATH = database;
    delete env.DISCORD_TOKEN;
    if (options.env?.DISCORD_TOKEN) env.DISCORD_TOKEN = options.env.DISCORD_TOKEN;
    const child = spawn(process.execPath, [TSX, entry, ...args], { env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => {
      if (database !== null) rmSync(dirname(database), { recursive: true, force: true });
      done({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
