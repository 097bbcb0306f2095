import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { InteractionType } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writePacks } from '../../src/bench/processes.js';
import { benchVocabulary, generateWorld } from '../../src/bench/synthetic.js';
import { spawnBot, type BotProcess, type LogLine } from '../support/botProcess.js';
import { startDiscordStandIn, type DiscordStandIn } from '../support/discord/standIn.js';
import { temporaryDatabasePath } from '../support/spawn.js';
import { TEXT } from '../../src/discord/render/text.js';
import { BOT, CHANNEL, MESSAGE_ROUTE, TOKEN, TUTOR, messageBody } from './harness.js';

/**
 * The bot as its own process, signalled in each state it can be in. The test timeouts are the
 * only clocks here: each state below once kept the process alive for 30 s or for ever.
 */

const REPLY_PATH = new RegExp(`^/channels/${CHANNEL}/messages$`);
const SHUTDOWN_TIMEOUT_MS = 20_000;

// Each step of a shutdown has its own time limit (SHUTDOWN_LIMITS, under two seconds in all); on
// a machine starved by the rest of the suite running beside it, the gateway's close can outlast
// its 750 ms and the bot takes its slower, still clean, path out. A test that meets that is run
// again rather than read as a fault of the shutdown.
describe('the bot process, shut down by a signal in every state', { retry: 2 }, () => {
  let standIn: DiscordStandIn;
  const folders: string[] = [];
  const running: BotProcess[] = [];

  beforeAll(async () => {
    standIn = await startDiscordStandIn({ token: TOKEN });
  });

  afterEach(() => {
    for (const bot of running.splice(0)) {
      if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
    }
    standIn.setGatewayAvailability('open');
  });

  afterAll(async () => {
    await standIn?.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  function env(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
    const database = temporaryDatabasePath();
    folders.push(dirname(database));
    return {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: standIn.apiUrl,
      LOG_LEVEL: 'info',
      DATABASE_PATH: database,
      ...extra,
    };
  }

  /** Starts the bot and resolves once it has logged in. */
  async function start(
    extra: Readonly<Record<string, string>> = {},
    options: { viaNpm?: boolean } = {},
  ): Promise<BotProcess> {
    const bot = spawnBot(env(extra), options);
    running.push(bot);
    await bot.waitForLog('logged in to Discord');
    return bot;
  }

  const messages = (bot: BotProcess) => bot.lines().map((line) => line['msg']);

  /**
   * The lines of a clean shutdown, in the order the platform asks for. `gateway: false` when
   * the gateway connection cannot close cleanly (discord.js never finishes destroying a shard
   * that was waiting for HELLO): the process exits without waiting for it.
   */
  function expectCleanShutdown(bot: BotProcess, options: { gateway?: boolean } = {}): void {
    const said = messages(bot);
    const order = [
      'shutting down',
      ...(options.gateway === false ? [] : ['disconnected from Discord']),
      'database closed',
    ];
    const seen = said.filter((m) => typeof m === 'string' && order.includes(m));
    expect(seen, JSON.stringify(said)).toEqual(order);
    expect(bot.output()).not.toContain(TOKEN);
  }

  /** A user mentions the bot in the text channel. */
  function mention(text: string) {
    return standIn.sendMessage({ content: `<@${BOT}> ${text}`, mentionsBot: true });
  }

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'logs in, then on %s stops taking work, disconnects, closes the database and exits with 0',
    async (signal) => {
      const bot = await start();
      expect(bot.lines().find((l) => l['msg'] === 'logged in to Discord')).toMatchObject({
        user: 'Almanac',
        guilds: 1,
        packs: 1,
      });
      bot.child.kill(signal);
      expect(await bot.exited).toEqual({ code: 0, signal: null });
      expect(await bot.waitForLog('shutting down')).toMatchObject({ signal, pid: bot.child.pid });
      expectCleanShutdown(bot);
    },
  );

  it(
    'under npm start, the signal npm passes on reaches the bot, which finishes its shutdown',
    async () => {
      const bot = await start({}, { viaNpm: true });
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toEqual({ code: 0, signal: null });
      expectCleanShutdown(bot);
    },
    SHUTDOWN_TIMEOUT_MS,
  );

  it(
    'exits while the gateway is reconnecting to a gateway that accepts but never says hello',
    async () => {
      const bot = await start();
      const connections = standIn.connections.length;
      standIn.setGatewayAvailability('silent');
      standIn.dropConnections();
      await bot.waitForLog('gateway reconnecting');
      await waitUntil(() => standIn.connections.length > connections);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toEqual({ code: 0, signal: null });
      expectCleanShutdown(bot, { gateway: false });
    },
    SHUTDOWN_TIMEOUT_MS,
  );

  it(
    'exits while the gateway is down and every reconnection is refused',
    async () => {
      const bot = await start();
      standIn.setGatewayAvailability('refuse');
      standIn.dropConnections();
      await bot.waitForLog('gateway reconnecting');
      // Long enough for a few refused attempts and the pauses between them.
      await new Promise((done) => setTimeout(done, 1_500));
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toEqual({ code: 0, signal: null });
      expectCleanShutdown(bot);
      // Nothing connected again after the shutdown began.
      expect(standIn.connections.filter((c) => c.open)).toEqual([]);
    },
    SHUTDOWN_TIMEOUT_MS,
  );

  it(
    'finishes the reply it is writing when the signal arrives, then exits with 0',
    async () => {
      const bot = await start();
      const since = standIn.mark();
      const arrived = standIn.holdNext({ method: 'POST', pathPattern: REPLY_PATH, ms: 300 });
      const question = mention('when did bhutto go to moscow');
      await arrived;
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toEqual({ code: 0, signal: null });
      const replies = standIn.findRequests(
        (r) => r.method === 'POST' && r.route === MESSAGE_ROUTE && r.status < 300,
        since,
      );
      expect(replies).toHaveLength(1);
      expect(replies[0]?.body).toMatchObject({ message_reference: { message_id: question.id } });
      expectCleanShutdown(bot);
    },
    SHUTDOWN_TIMEOUT_MS,
  );

  it(
    'ignores a second signal during the shutdown',
    async () => {
      const bot = await start();
      const arrived = standIn.holdNext({ method: 'POST', pathPattern: REPLY_PATH, ms: 500 });
      mention('when did bhutto go to moscow');
      await arrived;
      bot.child.kill('SIGTERM');
      await bot.waitForLog('shutting down');
      bot.child.kill('SIGTERM');
      bot.child.kill('SIGINT');
      expect(await bot.exited).toEqual({ code: 0, signal: null });
      expect(messages(bot)).toContain('already shutting down');
      expectCleanShutdown(bot);
    },
    SHUTDOWN_TIMEOUT_MS,
  );

  it(
    'abandons a reply waiting out a 30-second rate limit, says so, and posts nothing after',
    async () => {
      const bot = await start();
      const since = standIn.mark();
      standIn.rateLimitNext({ method: 'POST', pathPattern: REPLY_PATH, retryAfterSeconds: 30 });
      mention('when did bhutto go to moscow');
      await standIn.waitForRequest((r) => r.fault === 'rate-limit', { since });
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toEqual({ code: 0, signal: null });
      const abandoned = await bot.waitForLog(/^abandoning \d+ Discord request/);
      expect(abandoned).toMatchObject({
        level: 40,
        requests: [{ method: 'POST', route: `/channels/${CHANNEL}/messages` }],
      });
      expectCleanShutdown(bot);
      const after = standIn.mark();
      await new Promise((done) => setTimeout(done, 300));
      expect(standIn.findRequests(() => true, after)).toEqual([]);
      expect(
        standIn.findRequests((r) => r.method === 'POST' && REPLY_PATH.test(r.path), since),
      ).toHaveLength(1);
    },
    SHUTDOWN_TIMEOUT_MS,
  );

  it('abandons a reload of a large knowledge folder in progress and exits with 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'almanac-shutdown-packs-'));
    folders.push(dir);
    const world = generateWorld(benchVocabulary(), { seed: 7, facts: 3_000, unseen: 30 });
    await writePacks(dir, world.packs);
    const bot = await start({ KNOWLEDGE_DIR: dir });
    const sent = standIn.sendInteraction({
      type: InteractionType.ApplicationCommand,
      name: 'almanac',
      subcommand: 'reload',
      userId: TUTOR,
    });
    await standIn.waitForInteractionResponse(sent.id);
    const since = standIn.mark();
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toEqual({ code: 0, signal: null });
    expect(messages(bot)).toContain('abandoning the pack reload in progress');
    // The deferred reply is not left thinking: it says why nothing was reloaded.
    const edits = standIn.findRequests(
      (r) => r.method === 'PATCH' && r.path.includes(sent.token) && r.status < 300,
      since,
    );
    expect(edits.map((r) => messageBody(r).embeds?.[0]?.title)).toEqual([
      TEXT.reloadAbandonedTitle,
    ]);
    expectCleanShutdown(bot);
  }, 60_000);
});

describe('the bot process, when Discord refuses it', () => {
  const folders: string[] = [];

  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  function env(standIn: DiscordStandIn, extra: Readonly<Record<string, string>> = {}) {
    const database = temporaryDatabasePath();
    folders.push(dirname(database));
    return {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: standIn.apiUrl,
      LOG_LEVEL: 'info',
      DATABASE_PATH: database,
      ...extra,
    };
  }

  /** The fatal lines, each checked to be one clear sentence with no stack trace. */
  function fatalLines(bot: BotProcess): LogLine[] {
    const fatal = bot.lines().filter((line) => line['level'] === 60);
    for (const line of fatal) expect(JSON.stringify(line)).not.toMatch(/\n\s+at /);
    return fatal;
  }

  it(
    'exits with 1 and one fatal line telling to check DISCORD_TOKEN when the gateway closes with 4004',
    async () => {
      const standIn = await startDiscordStandIn({ token: TOKEN });
      try {
        const bot = spawnBot(env(standIn));
        await bot.waitForLog('logged in to Discord');
        standIn.dropConnections(4004);
        expect(await bot.exited).toEqual({ code: 1, signal: null });
        const fatal = fatalLines(bot);
        expect(fatal).toHaveLength(1);
        expect(fatal[0]).toMatchObject({ closeCode: 4004 });
        expect(fatal[0]?.['msg']).toMatch(/DISCORD_TOKEN/);
        expect(bot.lines().map((l) => l['msg'])).toContain('database closed');
      } finally {
        await standIn.close();
      }
    },
    SHUTDOWN_TIMEOUT_MS,
  );

  it(
    'exits with 1 and says to enable Message Content when login is refused with 4014',
    async () => {
      const standIn = await startDiscordStandIn({
        token: TOKEN,
        privilegedIntents: { messageContent: false },
      });
      try {
        const bot = spawnBot(env(standIn, { PREFIX_MODE: 'true' }));
        expect(await bot.exited).toEqual({ code: 1, signal: null });
        const fatal = fatalLines(bot);
        expect(fatal).toHaveLength(1);
        expect(fatal[0]).toMatchObject({ closeCode: 4014 });
        expect(fatal[0]?.['msg']).toMatch(/Message Content/);
        expect(fatal[0]?.['msg']).toMatch(/PREFIX_MODE/);
      } finally {
        await standIn.close();
      }
    },
    SHUTDOWN_TIMEOUT_MS,
  );

  it(
    'exits with 1 and one clear line when Discord cannot be reached at start-up',
    async () => {
      const standIn = await startDiscordStandIn({ token: TOKEN });
      const apiUrl = standIn.apiUrl;
      await standIn.close();
      const bot = spawnBot({ ...env(standIn), DISCORD_API_URL: apiUrl });
      expect(await bot.exited).toEqual({ code: 1, signal: null });
      const fatal = fatalLines(bot);
      expect(fatal).toHaveLength(1);
      expect(fatal[0]?.['msg']).toContain(apiUrl);
    },
    SHUTDOWN_TIMEOUT_MS,
  );
});

/** Polls `condition` every 20 ms until it holds (the test's timeout bounds the wait). */
async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((done) => setTimeout(done, 20));
}
