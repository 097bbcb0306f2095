import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/discord/commands/index.js';
import {
  DEFAULT_IDS,
  startDiscordStandIn,
  type DiscordStandIn,
} from '../support/discord/standIn.js';
import { TOKEN } from './harness.js';

const run = promisify(execFile);
// What `npm run deploy-commands` runs: the build test/support/buildDist.ts made.
const SCRIPT = resolve('dist/deployCommands.js');
const NAMES = COMMANDS.map((c) => c.data.name).sort();

describe('npm run deploy-commands, against the stand-in', () => {
  let standIn: DiscordStandIn;
  let cwd: string;

  beforeAll(async () => {
    standIn = await startDiscordStandIn({ token: TOKEN });
    // A folder without a .env, so only the variables given here count.
    cwd = await mkdtemp(join(tmpdir(), 'almanac-deploy-'));
  });

  afterAll(async () => {
    await standIn?.close();
    await rm(cwd, { recursive: true, force: true });
  });

  async function deploy(env: Record<string, string>): Promise<string> {
    const { stdout } = await run(process.execPath, [SCRIPT], {
      cwd,
      env: {
        PATH: process.env['PATH'] ?? '',
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: standIn.apiUrl,
        ...env,
      },
    });
    return stdout;
  }

  it('registers every command to the development server and prints what it added', async () => {
    const out = await deploy({ DISCORD_GUILD_ID: DEFAULT_IDS.guild });
    expect(out).toContain(`Registered ${NAMES.length} commands to server ${DEFAULT_IDS.guild}:`);
    expect(out).toContain(`added: ${[...NAMES].sort().join(', ')}`);
    expect(
      standIn
        .commands(DEFAULT_IDS.guild)
        .map((c) => c.name)
        .sort(),
    ).toEqual(NAMES);
  });

  it('sends nothing the second time, when Discord already has the same definitions', async () => {
    const since = standIn.mark();
    const out = await deploy({ DISCORD_GUILD_ID: DEFAULT_IDS.guild });
    expect(out).toBe(
      `Commands to server ${DEFAULT_IDS.guild} are up to date (${NAMES.length} unchanged).\n`,
    );
    expect(standIn.findRequests((r) => r.method === 'PUT', since)).toEqual([]);
  });

  it('registers globally when no server is set', async () => {
    const out = await deploy({});
    expect(out).toContain(`Registered ${NAMES.length} commands globally:`);
    expect(
      standIn
        .commands()
        .map((c) => c.name)
        .sort(),
    ).toEqual(NAMES);
  });
});
