import { describe, expect, it } from 'vitest';
import { botHealth, shardedHealth } from '../../src/monitoring/health.js';

const STORE_OK = { ok: true } as const;

describe('the health of a bot process', () => {
  it('is ok while it serves with its gateway ready and its database answering', () => {
    expect(
      botHealth({
        phase: 'serving',
        gateway: { ready: true, state: 'ready' },
        store: STORE_OK,
        guilds: 3,
        knowledge: { packs: 1, facts: 26 },
      }),
    ).toEqual({
      ok: true,
      body: { status: 'ok', gateway: 'ready', store: 'ok', guilds: 3, packs: 1, facts: 26 },
    });
  });

  it('is unavailable, with every reason, when the gateway reconnects and the database fails', () => {
    expect(
      botHealth({
        phase: 'serving',
        gateway: { ready: false, state: 'connecting' },
        store: { ok: false, message: 'The database does not answer: disk I/O error.' },
      }),
    ).toEqual({
      ok: false,
      body: {
        status: 'unavailable',
        gateway: 'connecting',
        store: 'unavailable',
        reasons: [
          'the gateway is not ready (connecting)',
          'The database does not answer: disk I/O error.',
        ],
      },
    });
  });

  it('is unavailable while starting and while shutting down', () => {
    for (const phase of ['starting', 'stopping'] as const) {
      const report = botHealth({ phase, store: STORE_OK });
      expect(report.ok).toBe(false);
      expect(report.body['gateway']).toBe(phase);
    }
  });
});

describe('the health of a sharded bot', () => {
  const healthy = { ok: true, body: { status: 'ok', gateway: 'ready' } };

  it('is ok when every shard answers that it is', () => {
    expect(
      shardedHealth([
        { id: 0, report: healthy },
        { id: 1, report: healthy },
      ]),
    ).toEqual({
      ok: true,
      body: {
        status: 'ok',
        shards: [
          { id: 0, status: 'ok', gateway: 'ready' },
          { id: 1, status: 'ok', gateway: 'ready' },
        ],
      },
    });
  });

  it('names each shard that is unhealthy or silent', () => {
    const report = shardedHealth([
      { id: 0, report: { ok: false, body: { status: 'unavailable' } } },
      { id: 1, report: undefined },
    ]);
    expect(report.ok).toBe(false);
    expect(report.body['reasons']).toEqual(['shard 0 is not healthy', 'shard 1 did not answer']);
  });

  it('is unavailable with no shard running', () => {
    expect(shardedHealth([])).toEqual({
      ok: false,
      body: { status: 'unavailable', shards: [], reasons: ['no shard is running'] },
    });
  });
});
