import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from '../zod.js';

/**
 * How long Discord asks between two identifies of the same bucket (5 s), with discord.js's
 * margin: `ShardingManager` waits 5.5 s between shards by default.
 */
export const IDENTIFY_INTERVAL_MS = 5_500;

/** The program a shard runs, and the flags Node needs to run it. */
export interface BotEntry {
  readonly file: string;
  readonly execArgv: readonly string[];
}

/**
 * The Node flags the built bot runs with, as `npm start` gives them (package.json, the Dockerfile
 * and the systemd unit say the same): a young generation of at most 2 MB a half. V8 otherwise
 * grows it to 16 MB a half under a stream of questions, and a bot that has answered ten thousand
 * holds some 30 MB more for it than one that has answered a thousand, with no gain in speed
 * (docs/PERFORMANCE.md).
 */
export const NODE_FLAGS: readonly string[] = Object.freeze(['--max-semi-space-size=2']);

/**
 * The bot's entry point beside the sharding entry that is running (`moduleUrl`): from the
 * TypeScript sources, `src/main.ts` run through tsx (`node --import tsx`); from a build,
 * `main.js` beside it in the same folder, run with {@link NODE_FLAGS}.
 */
export function botEntryBeside(moduleUrl: string): BotEntry {
  const here = fileURLToPath(moduleUrl);
  const fromSources = here.endsWith('.ts');
  return {
    file: join(dirname(here), fromSources ? 'main.ts' : 'main.js'),
    execArgv: fromSources ? ['--import', 'tsx'] : [...NODE_FLAGS],
  };
}

/**
 * How long to wait between starting one shard and the next. Shards identify in buckets of
 * `maxConcurrency` (Discord's `max_concurrency`; a shard's bucket is its id modulo it), one
 * identify per bucket per 5 s, and shards start in id order: consecutive shards fall in
 * different buckets, and shard `i` shares its bucket with `i + maxConcurrency`, which starts
 * `maxConcurrency` waits later. No wait at all when every shard has a bucket of its own.
 */
export function spawnDelayMs(shardCount: number, maxConcurrency: number): number {
  if (shardCount <= maxConcurrency) return 0;
  return Math.ceil(IDENTIFY_INTERVAL_MS / Math.max(1, maxConcurrency));
}

/** What `GET /gateway/bot` says about starting shards. */
export interface GatewayBot {
  /** The shard count Discord recommends. */
  readonly shards: number;
  /** Logins (identifies) left before Discord's daily limit resets. */
  readonly remaining: number;
  /** Milliseconds until that limit resets. */
  readonly resetAfterMs: number;
  readonly maxConcurrency: number;
}

const gatewayBotSchema = z.pipe(
  z.object({
    shards: z.number().check(z.int(), z.minimum(1)),
    session_start_limit: z.object({
      remaining: z.number().check(z.int(), z.minimum(0)),
      reset_after: z.number().check(z.minimum(0)),
      max_concurrency: z.number().check(z.int(), z.minimum(1)),
    }),
  }),
  z.transform((body): GatewayBot => ({
    shards: body.shards,
    remaining: body.session_start_limit.remaining,
    resetAfterMs: body.session_start_limit.reset_after,
    maxConcurrency: body.session_start_limit.max_concurrency,
  })),
);

/** Discord's answer to `GET /gateway/bot`, parsed; `undefined` when it is not that shape. */
export function parseGatewayBot(body: unknown): GatewayBot | undefined {
  const parsed = gatewayBotSchema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

/** How many shards to start and how far apart, or why not to start at all. */
export type ShardPlan =
  | { readonly ok: true; readonly count: number; readonly delayMs: number }
  | { readonly ok: false; readonly message: string };

/**
 * Decides the shard count (`SHARD_COUNT`, else Discord's recommendation) and the wait between
 * shards, refusing to start more shards than Discord has logins left for today: going over the
 * daily limit drops every connection and resets the token.
 */
export function planShards(gateway: GatewayBot, requested: number | undefined): ShardPlan {
  const count = requested ?? gateway.shards;
  if (gateway.remaining < count) {
    const hours = Math.ceil(gateway.resetAfterMs / 3_600_000);
    return {
      ok: false,
      message: `Discord allows ${gateway.remaining} more login(s) today, and ${count} shard(s) need one each: not starting, to stay under the daily limit (it resets in about ${hours} h).`,
    };
  }
  return { ok: true, count, delayMs: spawnDelayMs(count, gateway.maxConcurrency) };
}
