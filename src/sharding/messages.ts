import type { HealthReport } from '../monitoring/healthServer.js';
import type { MetricSnapshot } from '../monitoring/metrics.js';
import * as z from '../zod.js';

/**
 * What a sharding manager and its shards say to each other over the IPC channel
 * `child_process.fork` opens, beside discord.js's own messages (`_ready`, `_eval`…), which these
 * never look like. The manager asks for a shard's health or metrics; the shard answers with the
 * request's number. Both sides parse what they receive: nothing is cast.
 */

/** What the manager may ask a shard. */
export const SHARD_QUESTIONS = ['health', 'metrics'] as const;
export type ShardQuestion = (typeof SHARD_QUESTIONS)[number];

/** A request from the manager to a shard. */
export interface ShardRequest {
  readonly almanacAsk: ShardQuestion;
  readonly nonce: number;
}

/** A shard's answer. */
export type ShardReply =
  | { readonly almanacAnswer: number; readonly health: HealthReport }
  | { readonly almanacAnswer: number; readonly metrics: readonly MetricSnapshot[] };

const wholeNumber = z.number().check(z.int());

const requestSchema = z.object({
  almanacAsk: z.enum(SHARD_QUESTIONS),
  nonce: wholeNumber,
});

const healthSchema = z.object({
  ok: z.boolean(),
  body: z.record(z.string(), z.unknown()),
});

const metricSchema = z.object({
  name: z.string(),
  help: z.string(),
  type: z.string(),
  aggregator: z.enum(['omit', 'sum', 'first', 'min', 'max', 'average']),
  values: z.array(
    z.object({
      // A gauge with nothing measured yet holds NaN, which the IPC channel's JSON sends as null.
      value: z.pipe(
        z.union([z.number(), z.nan(), z.null()]),
        z.transform((value) => value ?? Number.NaN),
      ),
      labels: z.record(z.string(), z.union([z.string(), z.number()])),
      metricName: z.optional(z.string()),
    }),
  ),
});

const replySchema = z.union([
  z.object({ almanacAnswer: wholeNumber, health: healthSchema }),
  z.object({ almanacAnswer: wholeNumber, metrics: z.array(metricSchema) }),
]);

/** A message as a request from the manager, or `undefined` for anything else. */
export function parseShardRequest(message: unknown): ShardRequest | undefined {
  const parsed = requestSchema.safeParse(message);
  return parsed.success ? parsed.data : undefined;
}

/** A message as a shard's answer, or `undefined` for anything else. */
export function parseShardReply(message: unknown): ShardReply | undefined {
  const parsed = replySchema.safeParse(message);
  return parsed.success ? parsed.data : undefined;
}
