import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { GatewayOpcodes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { spawnBot, type BotProcess, type LogLine } from '../support/botProcess.js';
import { DEFAULT_HUMAN_USERS } from '../support/discord/fixtures.js';
import {
  DEFAULT_IDS,
  defaultGuildSpec,
  startDiscordStandIn,
  type DiscordStandIn,
} from '../support/discord/standIn.js';
import { freePort, httpRequest } from '../support/http.js';
import { temporaryDatabasePath } from '../support/spawn.js';
import { BOT, TOKEN, isRecord, messageBody, replyTo } from './harness.js';

// 200000000000000001 >> 22 is even: shard 0 of 2. 200000000002883584 >> 22 is odd: shard 1.
const FIRST_GUILD = DEFAULT_IDS.guild;
const SECOND_GUILD = '200000000002883584';
const SECOND_CHANNEL = '300000000000000009';
const QUESTION = 'How far is Mars from the Sun?';

const askedRow = z.object({ guild_id: z.string().nullable(), status: z.string() });

/** A stand-in with a server on each of two shards, recommending two shards. */
function standInForTwoShards(): Promise<DiscordStandIn> {
  const [learner] = DEFAULT_HUMAN_USERS;
  if (!learner) throw new Error('the default users are missing');
  return startDiscordStandIn({
    token: TOKEN,
    guilds: [
      defaultGuildSpec(),
      {
        id: SECOND_GUILD,
        name: 'Second Group',
        channels: [{ id: SECOND_CHANNEL, name: 'general' }],
        members: [{ user: learner }],
      },
    ],
    gatewayBot: { shards: 2, maxConcurrency: 2 },
  });
}

/** `npm run start:sharded` against the stand-in, on `database`; resolves once every shard is ready. */
async function startSharded(
  standIn: DiscordStandIn,
  database: string,
  healthPort: number,
): Promise<BotProcess> {
  const bot = spawnBot(
    {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: standIn.apiUrl,
      DATABASE_PATH: database,
      KNOWLEDGE_DIR: 'test/fixtures/discord',
      COOLDOWN_QUESTIONS: '1000',
      LOG_LEVEL: 'info',
      HEALTH_PORT: String(healthPort),
    },
    { script: 'start:sharded' },
  );
  await bot.waitForLog('every shard is ready');
  return bot;
}

/** The processes whose parent is `pid` (Linux: read from /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        // /proc/<pid>/stat: "pid (name) state ppid …"; the name may hold spaces, not ")".
        const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ');
        return Number(fields?.[1]) === pid ? [Number(entry)] : [];
      } catch {
        return [];
      }
    });
}

async function stopAll(bot: BotProcess | undefined, standIn: DiscordStandIn | undefined) {
  if (bot && bot.child.exitCode === null && bot.child.signalCode === null) {
    bot.child.kill('SIGKILL');
    await bot.exited;
  }
  await standIn?.close();
}

describe('npm run start:sharded: two shards under the ShardingManager, through the stand-in', () => {
  let standIn: DiscordStandIn;
  let database: string;
  let port: number;
  let bot: BotProcess;

  beforeAll(async () => {
    standIn = await standInForTwoShards();
    database = temporaryDatabasePath();
    port = await freePort();
    bot = await startSharded(standIn, database, port);
  }, 60_000);

  /** The log line of the question asked in message `messageId`, once a shard has written it. */
  async function questionLine(messageId: string): Promise<LogLine> {
    for (;;) {
      const found = bot
        .lines()
        .find((line) => line['msg'] === 'question asked' && line['messageId'] === messageId);
      if (found) return found;
      await new Promise((done) => setTimeout(done, 50));
    }
  }

  afterAll(async () => {
    await stopAll(bot, standIn);
    if (database) rmSync(dirname(database), { recursive: true, force: true });
  });

  it('starts the two shards Discord recommends, each identifying as its own shard of two', () => {
    const shards = standIn.gatewayFrames
      .filter((frame) => frame.direction === 'in' && frame.op === GatewayOpcodes.Identify)
      .map((frame) => (isRecord(frame.d) ? frame.d['shard'] : undefined));
    expect(shards).toEqual(
      expect.arrayContaining([
        [0, 2],
        [1, 2],
      ]),
    );
    expect(shards).toHaveLength(2);
  });

  it('answers a question in a server of each shard, once, and records both in the one database', async () => {
    const since = standIn.mark();
    const first = standIn.sendMessage({ content: `<@${BOT}> ${QUESTION}`, mentionsBot: true });
    const second = standIn.sendMessage({
      content: `<@${BOT}> ${QUESTION}`,
      channelId: SECOND_CHANNEL,
      mentionsBot: true,
    });
    const replies = await Promise.all([
      standIn.waitForRequest(replyTo(first.id), { since }),
      standIn.waitForRequest(replyTo(second.id), { since }),
    ]);
    for (const reply of replies) expect(messageBody(reply).embeds?.[0]?.title).toBe(QUESTION);
    expect(replies.map((reply) => reply.path)).toEqual([
      `/channels/${DEFAULT_IDS.textChannel}/messages`,
      `/channels/${SECOND_CHANNEL}/messages`,
    ]);

    const answeredBy = await Promise.all([first.id, second.id].map((id) => questionLine(id)));
    expect(answeredBy.map((line) => line['shards'])).toEqual([[0], [1]]);

    const db = new Database(database, { readonly: true });
    try {
      const rows = db
        .prepare('SELECT guild_id, status FROM asked_questions ORDER BY id')
        .all()
        .map((row) => askedRow.parse(row));
      expect(rows).toEqual(
        expect.arrayContaining([
          { guild_id: FIRST_GUILD, status: 'answered' },
          { guild_id: SECOND_GUILD, status: 'answered' },
        ]),
      );
      expect(rows).toHaveLength(2);
    } finally {
      db.close();
    }
    const repliesToEach = [first.id, second.id].map(
      (id) => standIn.findRequests(replyTo(id), since).length,
    );
    expect(repliesToEach).toEqual([1, 1]);
  });

  it("serves /healthz and /metrics for every shard from the manager's HEALTH_PORT", async () => {
    const health = await httpRequest(port, 'GET', '/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({
      status: 'ok',
      shards: [
        { id: 0, status: 'ok', gateway: 'ready', store: 'ok' },
        { id: 1, status: 'ok', gateway: 'ready', store: 'ok' },
      ],
    });
    const metrics = (await httpRequest(port, 'GET', '/metrics')).body.split('\n');
    expect(metrics).toContain('almanac_questions_total{status="answered",shard="0"} 1');
    expect(metrics).toContain('almanac_questions_total{status="answered",shard="1"} 1');
    expect(metrics.some((line) => line.includes('shard="manager"'))).toBe(true);
  });

  it('stops every shard, and itself with exit code 0, on SIGTERM', async () => {
    bot.child.kill('SIGTERM');
    const { code } = await bot.exited;
    expect(code).toBe(0);
    const disconnected = bot.lines().filter((line) => line['msg'] === 'disconnected from Discord');
    expect(disconnected.map((line) => line['shards'])).toEqual(expect.arrayContaining([[0], [1]]));
    await expect(httpRequest(port, 'GET', '/healthz')).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });
});

describe('npm run start:sharded when a shard dies', () => {
  let standIn: DiscordStandIn;
  let database: string;
  let bot: BotProcess;

  beforeAll(async () => {
    standIn = await standInForTwoShards();
    database = temporaryDatabasePath();
    bot = await startSharded(standIn, database, await freePort());
  }, 60_000);

  afterAll(async () => {
    await stopAll(bot, standIn);
    if (database) rmSync(dirname(database), { recursive: true, force: true });
  });

  it('stops the other shard and exits 1, leaving the restart to the supervisor and its back-off', async () => {
    const shards = childrenOf(bot.child.pid ?? 0);
    expect(shards).toHaveLength(2);
    const [victim] = shards;
    if (victim === undefined) throw new Error('no shard process found');
    process.kill(victim, 'SIGKILL');
    const { code } = await bot.exited;
    expect(code).toBe(1);
    expect(bot.lines().find((line) => line['level'] === 60)?.['msg']).toMatch(
      /^shard [01] stopped \(SIGKILL\): stopping every shard$/,
    );
    expect(bot.lines().filter((line) => line['msg'] === 'disconnected from Discord')).toHaveLength(
      1,
    );
    expect(childrenOf(bot.child.pid ?? 0)).toEqual([]);
  });
});
