import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';

describe('the question log settings', () => {
  it('record questions without their askers for 90 days when nothing is set', () => {
    const parsed = parseConfig({});
    expect(parsed.ok && parsed.config.questionLog).toEqual({
      record: true,
      askers: false,
      retentionDays: 90,
    });
  });

  it('read RECORD_MISSES, RECORD_ASKERS and MISSES_RETENTION_DAYS', () => {
    const parsed = parseConfig({
      RECORD_MISSES: 'false',
      RECORD_ASKERS: 'yes',
      MISSES_RETENTION_DAYS: '30',
    });
    expect(parsed.ok && parsed.config.questionLog).toEqual({
      record: false,
      askers: true,
      retentionDays: 30,
    });
  });

  it('name each variable that is wrong, and why', () => {
    const parsed = parseConfig({
      RECORD_MISSES: 'sometimes',
      MISSES_RETENTION_DAYS: '0',
    });
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      'RECORD_MISSES must be true or false',
      'MISSES_RETENTION_DAYS must be at least 1',
    ]);
  });
});

describe('the health server and sharding settings', () => {
  it('serve no health endpoint, on this machine only, and leave the shard count to Discord when nothing is set', () => {
    const parsed = parseConfig({});
    expect(parsed.ok && { health: parsed.config.health, sharding: parsed.config.sharding }).toEqual(
      {
        health: { port: undefined, host: '127.0.0.1' },
        sharding: { count: undefined, ids: undefined },
      },
    );
  });

  it('read HEALTH_PORT, HEALTH_HOST and SHARD_COUNT, and the shard ids the sharding manager sets', () => {
    const parsed = parseConfig({
      HEALTH_PORT: '9464',
      HEALTH_HOST: '0.0.0.0',
      SHARD_COUNT: '4',
      SHARDS: '[1,3]',
    });
    expect(parsed.ok && { health: parsed.config.health, sharding: parsed.config.sharding }).toEqual(
      { health: { port: 9464, host: '0.0.0.0' }, sharding: { count: 4, ids: [1, 3] } },
    );
  });

  it('take an IPv6 address or a host name to listen on, and one shard id alone', () => {
    for (const host of ['::1', '::', 'localhost', 'metrics.internal']) {
      const parsed = parseConfig({ HEALTH_HOST: host });
      expect(parsed.ok && parsed.config.health.host).toBe(host);
    }
    const parsed = parseConfig({ SHARD_COUNT: '2', SHARDS: '1' });
    expect(parsed.ok && parsed.config.sharding.ids).toEqual([1]);
  });

  it('refuse a port out of range, a host with a scheme or a port, and a shard count below one, saying which', () => {
    const parsed = parseConfig({
      HEALTH_PORT: '70000',
      HEALTH_HOST: 'http://127.0.0.1:9464',
      SHARD_COUNT: '0',
    });
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      'HEALTH_PORT must be a port from 1 to 65535',
      'HEALTH_HOST must be an IP address or a host name to listen on, such as 127.0.0.1 or 0.0.0.0',
      'SHARD_COUNT must be at least 1',
    ]);
    for (const port of ['0', 'abc', '80.5']) {
      const again = parseConfig({ HEALTH_PORT: port });
      expect(again.ok ? [] : again.errors).toHaveLength(1);
    }
  });

  it('refuse shard ids without a shard count, or past it', () => {
    const alone = parseConfig({ SHARDS: '0' });
    expect(alone.ok ? [] : alone.errors).toEqual([
      'SHARDS needs SHARD_COUNT: SHARDS is set by npm run start:sharded for each shard it starts: a shard id, or a list such as [0,1]',
    ]);
    const past = parseConfig({ SHARDS: '[0,2]', SHARD_COUNT: '2' });
    expect(past.ok ? [] : past.errors).toEqual([
      'SHARDS names shard 2, but SHARD_COUNT is 2 (ids run from 0)',
    ]);
  });
});
