import { describe, expect, it } from 'vitest';
import { shardOf, shardScope } from '../../src/discord/shards.js';

// 200000000000000001 >> 22 is even; 200000000002883584 >> 22 is the next number, odd.
const EVEN_GUILD = '200000000000000001';
const ODD_GUILD = '200000000002883584';

describe('which shard a server belongs to', () => {
  it("is Discord's (guild_id >> 22) % shard_count", () => {
    expect(shardOf(EVEN_GUILD, 2)).toBe(0);
    expect(shardOf(ODD_GUILD, 2)).toBe(1);
    expect(shardOf(ODD_GUILD, 1)).toBe(0);
    expect(shardOf('81384788765712384', 4)).toBe(Number((81384788765712384n >> 22n) % 4n));
  });

  it('puts an id that is not a snowflake on shard 0, with direct messages', () => {
    expect(shardOf('not-a-guild', 2)).toBe(0);
  });
});

describe("a process's share of the shared database", () => {
  it('is everything, prune included, for a process that is the whole bot', () => {
    const scope = shardScope({ count: undefined, ids: undefined });
    expect([scope.serves(EVEN_GUILD), scope.serves(ODD_GUILD), scope.serves(null)]).toEqual([
      true,
      true,
      true,
    ]);
    expect(scope.prunes).toBe(true);
  });

  it("is its own servers' games for a shard, and the daily prune only for shard 0", () => {
    const first = shardScope({ count: 2, ids: [0] });
    const second = shardScope({ count: 2, ids: [1] });
    expect([first.serves(EVEN_GUILD), first.serves(ODD_GUILD), first.serves(null)]).toEqual([
      true,
      false,
      true,
    ]);
    expect([second.serves(EVEN_GUILD), second.serves(ODD_GUILD), second.serves(null)]).toEqual([
      false,
      true,
      false,
    ]);
    expect([first.prunes, second.prunes]).toEqual([true, false]);
  });
});
