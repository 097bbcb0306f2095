import { describe, expect, it } from 'vitest';
import {
  IDENTIFY_INTERVAL_MS,
  botEntryBeside,
  NODE_FLAGS,
  parseGatewayBot,
  planShards,
  spawnDelayMs,
} from '../../src/sharding/plan.js';

const GATEWAY = { shards: 2, remaining: 998, resetAfterMs: 3_600_000, maxConcurrency: 1 };

describe('where a shard process starts from', () => {
  it('runs src/main.ts through tsx when the manager runs from the TypeScript sources', () => {
    expect(botEntryBeside('file:///srv/almanac/src/shard.ts')).toEqual({
      file: '/srv/almanac/src/main.ts',
      execArgv: ['--import', 'tsx'],
    });
  });

  it('runs main.js beside it with the flags npm start gives it, when the manager runs from a build', () => {
    expect(botEntryBeside('file:///srv/almanac/dist/shard.js')).toEqual({
      file: '/srv/almanac/dist/main.js',
      execArgv: [...NODE_FLAGS],
    });
  });
});

describe('how far apart shards start', () => {
  it('waits 5.5 s between shards when only one may identify at a time', () => {
    expect(spawnDelayMs(2, 1)).toBe(IDENTIFY_INTERVAL_MS);
  });

  it('does not wait when every shard has an identify bucket of its own', () => {
    expect(spawnDelayMs(2, 2)).toBe(0);
    expect(spawnDelayMs(16, 16)).toBe(0);
  });

  it('waits so that two shards of one bucket start at least 5.5 s apart', () => {
    const delay = spawnDelayMs(32, 16);
    expect(delay * 16).toBeGreaterThanOrEqual(IDENTIFY_INTERVAL_MS);
    expect(delay).toBeLessThan(IDENTIFY_INTERVAL_MS);
  });
});

describe('how many shards to start', () => {
  it("takes Discord's recommendation unless SHARD_COUNT says", () => {
    expect(planShards(GATEWAY, undefined)).toEqual({ ok: true, count: 2, delayMs: 5_500 });
    expect(planShards(GATEWAY, 3)).toEqual({ ok: true, count: 3, delayMs: 5_500 });
  });

  it('refuses to start more shards than Discord has logins left for today', () => {
    expect(planShards({ ...GATEWAY, remaining: 1, resetAfterMs: 5_400_000 }, 2)).toEqual({
      ok: false,
      message:
        'Discord allows 1 more login(s) today, and 2 shard(s) need one each: not starting, to stay under the daily limit (it resets in about 2 h).',
    });
  });

  it("reads Discord's GET /gateway/bot, and nothing else", () => {
    expect(
      parseGatewayBot({
        url: 'wss://gateway.discord.gg',
        shards: 3,
        session_start_limit: { total: 1000, remaining: 990, reset_after: 1000, max_concurrency: 1 },
      }),
    ).toEqual({ shards: 3, remaining: 990, resetAfterMs: 1000, maxConcurrency: 1 });
    expect(parseGatewayBot({ url: 'wss://gateway.discord.gg' })).toBeUndefined();
    expect(parseGatewayBot({ shards: 0, session_start_limit: {} })).toBeUndefined();
  });
});
