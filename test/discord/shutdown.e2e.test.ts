import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordStandIn, type DiscordStandIn } from '../support/discord/standIn.js';
import { temporaryDatabasePath } from '../support/spawn.js';
import { TOKEN } from './harness.js';

const TSX = resolve('node_modules/.bin/tsx');

describe('npm start with DISCORD_TOKEN, against the stand-in', () => {
  let standIn: DiscordStandIn;
  const databases: string[] = [];

  beforeAll(async () => {
    standIn = await startDiscordStandIn({ token: TOKEN });
  });

  afterAll(async () => {
    await standIn?.close();
    for (const path of databases) rmSync(dirname(path), { recursive: true, force: true });
  });

  /** Starts the bot, waits for it to log in, sends the signal; resolves with exit code and output. */
  async function runUntil(
    signal: NodeJS.Signals,
  ): Promise<{ code: number | null; output: string }> {
    const database = temporaryDatabasePath();
    databases.push(database);
    const child = spawn(TSX, ['src/main.ts'], {
      env: {
        PATH: process.env['PATH'] ?? '',
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: standIn.apiUrl,
        LOG_LEVEL: 'debug',
        DATABASE_PATH: database,
      },
    });
    let output = '';
    const loggedIn = new Promise<void>((done, fail) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('"msg":"logged in to Discord"')) done();
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', () => fail(new Error(`the bot exited before logging in:\n${output}`)));
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    await loggedIn;
    child.kill(signal);
    return { code: await exited, output };
  }

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'logs in, then shuts down cleanly on %s with exit code 0',
    async (signal) => {
      const { code, output } = await runUntil(signal);
      expect(code).toBe(0);
      const lines = output
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.find((l) => l['msg'] === 'logged in to Discord')).toMatchObject({
        user: 'Almanac',
        guilds: 1,
        packs: 1,
      });
      expect(lines.map((l) => l['msg'])).toContain('disconnected from Discord');
      expect(output).not.toContain(TOKEN);
    },
  );
});
