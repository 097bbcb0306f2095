import type { StoreHealth } from '../store/types.js';
import type { HealthReport } from './healthServer.js';

/** Where the bot process is in its life, as the health check tells it. */
export type BotPhase = 'starting' | 'serving' | 'stopping';

/** What the health check of one bot process reads. */
export interface BotHealthInput {
  readonly phase: BotPhase;
  /** The gateway, once the bot is serving: ready when every shard of the process is. */
  readonly gateway?: { readonly ready: boolean; readonly state: string } | undefined;
  readonly store: StoreHealth;
  /** Packs and facts being served, once the bot is serving. */
  readonly knowledge?: { readonly packs: number; readonly facts: number } | undefined;
  /** Servers this process serves, once it is serving (sharding is needed from 2,500). */
  readonly guilds?: number | undefined;
}

const PHASE_REASONS: Readonly<Record<Exclude<BotPhase, 'serving'>, string>> = {
  starting: 'the bot is starting (loading the packs, logging in to Discord)',
  stopping: 'the bot is shutting down',
};

/**
 * The health of one bot process: healthy only while it serves, its gateway is ready and its
 * database answers; otherwise unhealthy with every reason, in words an operator can act on.
 * Pure: the caller reads the gateway and the store.
 */
export function botHealth(input: BotHealthInput): HealthReport {
  const reasons: string[] = [];
  let gateway: string;
  if (input.phase !== 'serving') {
    reasons.push(PHASE_REASONS[input.phase]);
    gateway = input.phase;
  } else if (input.gateway === undefined) {
    reasons.push('the gateway is not connected');
    gateway = 'unknown';
  } else {
    gateway = input.gateway.state;
    if (!input.gateway.ready) reasons.push(`the gateway is not ready (${input.gateway.state})`);
  }
  if (!input.store.ok) reasons.push(input.store.message);
  const ok = reasons.length === 0;
  return {
    ok,
    body: {
      status: ok ? 'ok' : 'unavailable',
      gateway,
      store: input.store.ok ? 'ok' : 'unavailable',
      ...(input.guilds === undefined ? {} : { guilds: input.guilds }),
      ...(input.knowledge ?? {}),
      ...(ok ? {} : { reasons }),
    },
  };
}

/** One shard's health, as its sharding manager gathered it (`undefined`: it did not answer). */
export interface ShardHealth {
  readonly id: number;
  readonly report: HealthReport | undefined;
}

/**
 * The health of a sharded bot, for its manager's `/healthz`: healthy when every shard answered
 * and is healthy. Each shard's own report is listed under `shards`.
 */
export function shardedHealth(shards: readonly ShardHealth[]): HealthReport {
  const reasons = shards.flatMap(({ id, report }) => {
    if (report === undefined) return [`shard ${id} did not answer`];
    return report.ok ? [] : [`shard ${id} is not healthy`];
  });
  const ok = shards.length > 0 && reasons.length === 0;
  return {
    ok,
    body: {
      status: ok ? 'ok' : 'unavailable',
      shards: shards.map(({ id, report }) => ({
        id,
        ...(report?.body ?? { status: 'unavailable', reasons: ['no answer'] }),
      })),
      ...(ok ? {} : { reasons: shards.length === 0 ? ['no shard is running'] : reasons }),
    },
  };
}
