import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { runBot } from '../../src/discord/run.js';
import { createEngine } from '../../src/engine/engine.js';
import { english } from '../../src/knowledge/languages.js';
import { normalizeText } from '../../src/engine/normalize.js';
import { createLogger } from '../../src/logger.js';
import { openStore, type SqliteStore } from '../../src/store/sqlite.js';
import {
  DEFAULT_IDS,
  startDiscordStandIn,
  type DiscordStandIn,
} from '../support/discord/standIn.js';
import { freePort, httpRequest, pollUntil, type HttpAnswer } from '../support/http.js';
import {
  TOKEN,
  callbackData,
  click,
  customIds,
  isRecord,
  loadAll,
  mention,
  originalMessageId,
  slash,
} from './harness.js';

const PACKS = 'test/fixtures/discord';
const ANSWERED = 'How far is Mars from the Sun?';
const DECLINED = 'what is the boiling point of tungsten';
const AMBIGUOUS = 'how many moons does it have?';

/** The value of one sample line of a Prometheus text, or `undefined` when there is none. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const json = (answer: HttpAnswer): unknown => JSON.parse(answer.body);

describe('/healthz and /metrics of the bot, through the real discord.js client and the stand-in', () => {
  let standIn: DiscordStandIn;
  let store: SqliteStore;
  let folder: string;
  let port: number;
  let running: Promise<number>;
  const stop = new AbortController();
  const logs: string[] = [];

  beforeAll(async () => {
    standIn = await startDiscordStandIn({ token: TOKEN });
    folder = mkdtempSync(join(tmpdir(), 'almanac-monitoring-'));
    port = await freePort();
    const parsed = parseConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: standIn.apiUrl,
      DISCORD_GUILD_ID: DEFAULT_IDS.guild,
      KNOWLEDGE_DIR: PACKS,
      DATABASE_PATH: join(folder, 'almanac.sqlite'),
      COOLDOWN_QUESTIONS: '1000',
      LOG_LEVEL: 'info',
      HEALTH_PORT: String(port),
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const opened = openStore({ path: parsed.config.databasePath });
    if (!opened.ok) throw opened.error;
    store = opened.store;
    const destination = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        logs.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ level: 'info', secrets: [TOKEN], destination });
    running = runBot(parsed.config, store, { logger, stop: stop.signal });
  });

  afterAll(async () => {
    stop.abort();
    await running;
    store?.close();
    await standIn?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('/healthz answers 200 once the bot is ready, with the gateway, the store, the servers and the packs', async () => {
    const ready = await pollUntil(port, '/healthz', (answer) => answer.status === 200);
    expect(json(ready)).toEqual({
      status: 'ok',
      gateway: 'ready',
      store: 'ok',
      guilds: 1,
      packs: 1,
      facts: createEngine(await loadAll([PACKS]), { language: english }).size,
    });
  });

  it('counts an answered, a declined and a "did you mean" question by status in /metrics', async () => {
    await pollUntil(port, '/healthz', (answer) => answer.status === 200);
    const h = { standIn };
    await mention(h, ANSWERED);
    await slash(h, 'ask', { question: DECLINED });
    const ambiguous = await slash(h, 'ask', { question: AMBIGUOUS });
    const pick = customIds(callbackData(ambiguous.response)).find((id) =>
      id.startsWith('ask:pick:'),
    );
    if (!pick) throw new Error('the "did you mean" reply has no button to pick from');
    await click(h, pick, originalMessageId(h, ambiguous.id));

    const metrics = await httpRequest(port, 'GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    const text = metrics.body;
    expect(sample(text, 'almanac_questions_total{status="answered"}')).toBe(1);
    expect(sample(text, 'almanac_questions_total{status="did-you-mean"}')).toBe(1);
    expect(sample(text, 'almanac_questions_total{status="declined"}')).toBe(1);
    expect(sample(text, 'almanac_answer_seconds_count')).toBe(3);
    expect(sample(text, 'almanac_packs_loaded')).toBe(1);
    expect(sample(text, 'almanac_facts_loaded')).toBeGreaterThan(1);
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('logs every question with its id, command, server, status, fact and latency, and never its text at info', () => {
    const lines = logs.map((line): unknown => JSON.parse(line)).filter(isRecord);
    const questions = lines.filter((line) => line['msg'] === 'question asked');
    expect(questions.map((line) => [line['command'], line['status']])).toEqual([
      ['mention', 'answered'],
      ['/ask', 'declined'],
      ['/ask', 'did-you-mean'],
    ]);
    for (const line of questions) {
      expect(line['level']).toBe(30);
      expect(line['guildId']).toBe(DEFAULT_IDS.guild);
      expect(typeof line['latencyMs']).toBe('number');
      expect(line['messageId'] ?? line['interactionId']).toMatch(/^\d{17,20}$/);
    }
    expect(questions[0]?.['factId']).toEqual(expect.any(String));
    expect(questions[1]?.['factId']).toBeNull();
    const infoAndAbove = logs.filter((line) => !line.includes('"level":10,'));
    for (const question of [ANSWERED, DECLINED, AMBIGUOUS]) {
      for (const line of infoAndAbove) {
        expect(line).not.toContain(question);
        expect(line).not.toContain(normalizeText(question));
      }
    }
    expect(logs.join('')).not.toContain(TOKEN);
  });

  it('counts a reply Discord rate limited, by scope, and still answers', async () => {
    standIn.rateLimitNext({
      method: 'POST',
      pathPattern: /^\/channels\/\d+\/messages$/,
      retryAfterSeconds: 0.2,
    });
    const { reply } = await mention({ standIn }, ANSWERED);
    expect(reply.status).toBe(200);
    const metrics = await httpRequest(port, 'GET', '/metrics');
    expect(sample(metrics.body, 'almanac_discord_rate_limits_total{scope="user"}')).toBe(1);
    expect(sample(metrics.body, 'almanac_questions_total{status="answered"}')).toBe(2);
  });

  it('/healthz answers 503 with the reason while the gateway is down, and 200 once it is back', async () => {
    standIn.setGatewayAvailability('refuse');
    standIn.dropConnections();
    const down = await pollUntil(port, '/healthz', (answer) => answer.status === 503);
    expect(json(down)).toMatchObject({
      status: 'unavailable',
      store: 'ok',
      reasons: [expect.stringMatching(/^the gateway is not ready \(/)],
    });
    standIn.setGatewayAvailability('open');
    await pollUntil(port, '/healthz', (answer) => answer.status === 200, 30_000);
    const metrics = await httpRequest(port, 'GET', '/metrics');
    expect(sample(metrics.body, 'almanac_gateway_reconnects_total')).toBeGreaterThanOrEqual(1);
  }, 40_000);

  it('answers HEAD like GET without a body, and 404 for anything else', async () => {
    const head = await httpRequest(port, 'HEAD', '/healthz');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await httpRequest(port, 'GET', '/')).status).toBe(404);
  });

  it('is gone once the bot has shut down', async () => {
    stop.abort();
    expect(await running).toBe(0);
    await expect(httpRequest(port, 'GET', '/healthz')).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });
});
