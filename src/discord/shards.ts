import type { ShardingConfig } from '../config.js';

/**
 * The shard Discord sends a server's events to: `(guild_id >> 22) % shard_count`, from the
 * gateway documentation's sharding formula. Direct messages go to shard 0.
 */
export function shardOf(guildId: string, shardCount: number): number {
  // An id that is not a snowflake belongs to no server Discord knows: shard 0, as a DM.
  if (!/^\d{1,20}$/.test(guildId)) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** What one process of a sharded bot is responsible for in the shared database. */
export interface ShardScope {
  /**
   * Whether this process serves a server (`null`: direct messages and the console), so that a
   * shard starting up marks only its own servers' trivia games interrupted: another shard's
   * games are still being played.
   */
  serves(guildId: string | null): boolean;
  /**
   * Whether this process runs the question log's daily prune: the one running shard 0, so the
   * prune runs once a day however many shards there are.
   */
  readonly prunes: boolean;
}

/** The scope of a process: every server when it is the whole bot, else its shards' servers. */
export function shardScope(sharding: ShardingConfig): ShardScope {
  const { ids, count } = sharding;
  if (ids === undefined || count === undefined) return { serves: () => true, prunes: true };
  const mine = new Set(ids);
  return {
    serves: (guildId) => mine.has(guildId === null ? 0 : shardOf(guildId, count)),
    prunes: mine.has(0),
  };
}
