import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { InteractionType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePacks } from '../../src/bench/processes.js';
import { benchVocabulary, generateWorld } from '../../src/bench/synthetic.js';
import { TEXT } from '../../src/discord/render/text.js';
import { spawnBot, type BotProcess } from '../support/botProcess.js';
import { startDiscordStandIn, type DiscordStandIn } from '../support/discord/standIn.js';
import { temporaryDatabasePath } from '../support/spawn.js';
import { CALLBACK_ROUTE, TOKEN, TUTOR, messageBody } from './harness.js';

const EDIT_ROUTE = '/webhooks/:applicationId/:token/messages/:messageId';

/**
 * The bot runs as its own process here: in the test's own process a stalled event loop would
 * stall the stand-in and the questions with it, and no question could ever be late. 20,000
 * facts: reloading them on the event loop held it for over 3 s, and questions failed.
 */
describe('/almanac reload of 20,000 facts while members keep asking, in the bot process', () => {
  let dir: string;
  let database: string;
  let standIn: DiscordStandIn;
  let bot: BotProcess;
  let factIds: string[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'almanac-reload-large-'));
    const world = generateWorld(benchVocabulary(), { seed: 11, facts: 20_000, unseen: 30 });
    await writePacks(dir, world.packs);
    factIds = world.packs.flatMap((pack) => pack.facts.map((fact) => fact.id));
    standIn = await startDiscordStandIn({ token: TOKEN });
    database = temporaryDatabasePath();
    bot = spawnBot({
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: standIn.apiUrl,
      KNOWLEDGE_DIR: dir,
      DATABASE_PATH: database,
      LOG_LEVEL: 'info',
    });
    await bot.waitForLog('logged in to Discord');
  }, 120_000);

  afterAll(async () => {
    if (bot && bot.child.exitCode === null) {
      bot.child.kill('SIGTERM');
      await bot.exited;
    }
    await standIn?.close();
    await rm(dir, { recursive: true, force: true });
    if (database) await rm(dirname(database), { recursive: true, force: true });
  });

  it('answers every question asked during the reload within Discord’s 3 seconds, then edits its reply with the outcome', async () => {
    const since = standIn.mark();
    const reload = standIn.sendInteraction({
      type: InteractionType.ApplicationCommand,
      name: 'almanac',
      subcommand: 'reload',
      userId: TUTOR,
    });
    const edited = standIn.waitForRequest(
      (r) => r.method === 'PATCH' && r.route === EDIT_ROUTE && r.path.includes(reload.token),
      { since, timeoutMs: 90_000 },
    );
    let done = false;
    void edited.then(() => (done = true));
    const asked: string[] = [];
    for (let i = 0; !done; i++) {
      const factId = factIds[(i * 997) % factIds.length] ?? '';
      asked.push(
        standIn.sendInteraction({
          type: InteractionType.ApplicationCommand,
          name: 'ask',
          options: { question: `fact:${factId}` },
        }).id,
      );
      await new Promise((wait) => setTimeout(wait, 100));
    }
    expect(messageBody(await edited).embeds?.[0]?.title).toBe(TEXT.reloadedTitle);
    expect(asked.length).toBeGreaterThan(5);
    // The stand-in answers a callback later than 3 s with 10062, as Discord does.
    await Promise.all(asked.map((id) => standIn.waitForInteractionResponse(id, 15_000)));
    expect(
      standIn.findRequests((r) => r.route === CALLBACK_ROUTE && r.status >= 300, since),
    ).toEqual([]);
  }, 120_000);
});
