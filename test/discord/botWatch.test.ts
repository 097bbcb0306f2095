import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../../src/config.js';
import { startBotWatch, type ShardChannel } from '../../src/discord/botWatch.js';
import { createLogger } from '../../src/logger.js';
import { parseShardReply, type ShardReply } from '../../src/sharding/messages.js';
import { createMemoryStore } from '../support/memoryStore.js';

function configWith(env: Record<string, string>): Config {
  const parsed = parseConfig(env);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.config;
}

const quietLogger = () =>
  createLogger({
    level: 'silent',
    destination: new Writable({ write: (_chunk, _encoding, done) => done() }),
  });

/** A stand-in for the IPC channel to the sharding manager. */
function fakeChannel() {
  const sent: unknown[] = [];
  // What crosses the channel is JSON, as over a real IPC channel (NaN arrives as null).
  const events = Object.assign(new EventEmitter(), {
    send(message: ShardReply) {
      const copy: unknown = JSON.parse(JSON.stringify(message));
      sent.push(copy);
    },
  });
  const channel: ShardChannel = events;
  return { events, sent, channel };
}

/** Resolves once `sent` holds `count` replies. */
async function replies(sent: readonly unknown[], count: number): Promise<readonly unknown[]> {
  while (sent.length < count) await new Promise((done) => setImmediate(done));
  return sent;
}

describe('how a bot process is watched', () => {
  it('counts nothing and listens on nothing without HEALTH_PORT or a sharding manager', async () => {
    const watch = await startBotWatch({
      config: configWith({}),
      store: createMemoryStore(),
      logger: quietLogger(),
    });
    expect(watch.metrics).toBeUndefined();
    await watch.close();
  });

  it("as a shard, answers its manager's requests for health and metrics by their number", async () => {
    const { events, sent, channel } = fakeChannel();
    const watch = await startBotWatch({
      config: configWith({ SHARD_COUNT: '2', SHARDS: '1', HEALTH_PORT: '9464' }),
      store: createMemoryStore(),
      logger: quietLogger(),
      channel,
      stopSelf: () => undefined,
    });
    expect(watch.metrics).toBeDefined();
    events.emit('message', { almanacAsk: 'health', nonce: 7 });
    events.emit('message', { almanacAsk: 'metrics', nonce: 8 });
    events.emit('message', { _eval: 'this.guilds.cache.size' });
    const [health, metrics] = await replies(sent, 2);
    expect(health).toEqual({
      almanacAnswer: 7,
      health: {
        ok: false,
        body: {
          status: 'unavailable',
          gateway: 'starting',
          store: 'ok',
          reasons: ['the bot is starting (loading the packs, logging in to Discord)'],
        },
      },
    });
    const parsed = parseShardReply(metrics);
    expect(parsed).toMatchObject({ almanacAnswer: 8 });
    expect(parsed && 'metrics' in parsed && parsed.metrics.map((m) => m.name)).toContain(
      'almanac_questions_total',
    );
    await watch.close();
  });

  it('as a shard, stops itself when the manager is gone, and no longer once closed', async () => {
    const { events, channel } = fakeChannel();
    let stops = 0;
    const watch = await startBotWatch({
      config: configWith({ SHARD_COUNT: '2', SHARDS: '0' }),
      store: createMemoryStore(),
      logger: quietLogger(),
      channel,
      stopSelf: () => (stops += 1),
    });
    events.emit('disconnect');
    expect(stops).toBe(1);
    await watch.close();
    events.emit('disconnect');
    expect(stops).toBe(1);
  });
});
