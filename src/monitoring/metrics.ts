import {
  AggregatorRegistry,
  Counter,
  Gauge,
  Histogram,
  Registry,
  collectDefaultMetrics,
  type Aggregator,
} from 'prom-client';
import type { GameEnd, GameMode, GameStatus, QuestionStatus } from '../store/types.js';
import { GAME_MODES, QUESTION_STATUSES } from '../store/types.js';

/**
 * One metric with its values, as prom-client's `getMetricsAsJSON` gives it: what a shard sends
 * its manager, over IPC, to be served with the others'.
 */
export interface MetricSnapshot {
  readonly name: string;
  readonly help: string;
  /** `counter`, `gauge`, `histogram` or `summary`. */
  readonly type: string;
  /** How prom-client merges the same series from several processes. */
  readonly aggregator: Aggregator;
  readonly values: readonly {
    readonly value: number;
    readonly labels: Readonly<Record<string, string | number>>;
    /** A histogram's `_bucket`, `_sum` or `_count` series. */
    readonly metricName?: string | undefined;
  }[];
}

/**
 * The buckets of the answer latency, in seconds: fine below a second, where answers normally
 * are, and around Discord's 3 seconds, past which an interaction that was not answered fails.
 */
export const ANSWER_SECONDS_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10] as const;

/** How a trivia game ended, as counted: by the bot, or by a restart that cut it short. */
export type TriviaEnd = GameEnd | Extract<GameStatus, 'interrupted'>;

const TRIVIA_ENDS: readonly TriviaEnd[] = ['finished', 'stopped', 'interrupted'];

/** The number of packs and facts being served, read when the metrics are scraped. */
export interface KnowledgeSize {
  readonly packs: number;
  readonly facts: number;
}

/**
 * What Almanac counts, for `GET /metrics`. One per process, on a registry of its own (never
 * prom-client's global one), so a test can make several. The rest of Almanac calls these
 * methods and never sees prom-client.
 */
export interface Metrics {
  /** A question reached a verdict; `seconds` is how long after Discord created it, when known. */
  question(status: QuestionStatus, seconds: number | undefined): void;
  /** A trivia game started. */
  triviaStarted(mode: GameMode): void;
  /** A trivia game ended (or was found cut short at start-up). */
  triviaEnded(status: TriviaEnd, games?: number): void;
  /** The answers given to a revealed trivia question. */
  triviaAnswers(correct: number, wrong: number): void;
  /** A gateway connection was lost and is being made again. */
  gatewayReconnect(): void;
  /** Discord answered a REST request with 429; `scope` is Discord's (`user`, `global`, `shared`). */
  rateLimited(scope: string): void;
  /** Where the packs and facts gauges read from; until called, they read 0. */
  watchKnowledge(read: () => KnowledgeSize): void;
  /** The Prometheus text of every metric, with its content type. */
  text(): Promise<{ readonly contentType: string; readonly body: string }>;
  /** Every metric as data, for a sharding manager to serve beside the other shards'. */
  snapshot(): Promise<MetricSnapshot[]>;
}

export interface MetricsOptions {
  /** Also collect prom-client's default process metrics (CPU, memory, event loop, handles). */
  readonly processMetrics?: boolean;
}

/** A series' labels without the ones prom-client's types allow to be missing. */
function definedLabels(
  labels: Partial<Record<string, string | number>>,
): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(labels).filter(
      (entry): entry is [string, string | number] => entry[1] !== undefined,
    ),
  );
}

/** Creates the process's metrics on a registry of their own. */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const questions = new Counter({
    name: 'almanac_questions_total',
    help: 'Questions that reached a verdict, by verdict: answered, did-you-mean or declined.',
    labelNames: ['status'] as const,
    registers,
  });
  const answerSeconds = new Histogram({
    name: 'almanac_answer_seconds',
    help: 'Seconds from Discord creating a question (message or interaction) to its verdict.',
    buckets: [...ANSWER_SECONDS_BUCKETS],
    registers,
  });
  const triviaStarted = new Counter({
    name: 'almanac_trivia_games_started_total',
    help: 'Trivia games started, by mode.',
    labelNames: ['mode'] as const,
    registers,
  });
  const triviaEnded = new Counter({
    name: 'almanac_trivia_games_ended_total',
    help: 'Trivia games ended, by how: finished, stopped, or interrupted by a restart.',
    labelNames: ['status'] as const,
    registers,
  });
  const triviaAnswers = new Counter({
    name: 'almanac_trivia_answers_total',
    help: 'Trivia answers recorded, right or wrong.',
    labelNames: ['result'] as const,
    registers,
  });
  const reconnects = new Counter({
    name: 'almanac_gateway_reconnects_total',
    help: 'Times a gateway connection was lost and made again (resumed or identified anew).',
    registers,
  });
  const rateLimits = new Counter({
    name: 'almanac_discord_rate_limits_total',
    help: 'REST requests Discord answered with 429, by scope (user, global, shared).',
    labelNames: ['scope'] as const,
    registers,
  });
  let knowledge: () => KnowledgeSize = () => ({ packs: 0, facts: 0 });
  new Gauge({
    name: 'almanac_packs_loaded',
    help: 'Knowledge packs being served.',
    registers,
    // A reload replaces the packs on another path: the gauge reads what is served at scrape time.
    aggregator: 'max',
    collect() {
      this.set(knowledge().packs);
    },
  });
  new Gauge({
    name: 'almanac_facts_loaded',
    help: 'Facts being served, across every pack.',
    registers,
    aggregator: 'max',
    collect() {
      this.set(knowledge().facts);
    },
  });

  // Every series at zero from the start, so a rate over a quiet period reads 0, not nothing.
  for (const status of QUESTION_STATUSES) questions.inc({ status }, 0);
  for (const mode of GAME_MODES) triviaStarted.inc({ mode }, 0);
  for (const status of TRIVIA_ENDS) triviaEnded.inc({ status }, 0);
  for (const result of ['correct', 'wrong']) triviaAnswers.inc({ result }, 0);
  reconnects.inc(0);

  return {
    question(status, seconds) {
      questions.inc({ status });
      if (seconds !== undefined) answerSeconds.observe(Math.max(0, seconds));
    },
    triviaStarted: (mode) => triviaStarted.inc({ mode }),
    triviaEnded: (status, games = 1) => triviaEnded.inc({ status }, games),
    triviaAnswers(correct, wrong) {
      if (correct > 0) triviaAnswers.inc({ result: 'correct' }, correct);
      if (wrong > 0) triviaAnswers.inc({ result: 'wrong' }, wrong);
    },
    gatewayReconnect: () => reconnects.inc(),
    rateLimited: (scope) => rateLimits.inc({ scope }),
    watchKnowledge(read) {
      knowledge = read;
    },
    async text() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
    async snapshot() {
      const metrics = await registry.getMetricsAsJSON();
      return metrics.map(({ name, help, type, aggregator, values }) => ({
        name,
        help,
        // Declared a numeric enum, prom-client's `MetricType` holds the strings themselves.
        type: String(type),
        aggregator,
        values: values.map((value) => ({
          value: value.value,
          labels: definedLabels(value.labels),
          // Histograms name each series (`_bucket`, `_sum`, `_count`); other metrics do not.
          ...('metricName' in value && typeof value.metricName === 'string'
            ? { metricName: value.metricName }
            : {}),
        })),
      }));
    },
  };
}

/**
 * The Prometheus text of several processes' metrics served as one (a sharding manager's own,
 * and each shard's), each series labelled with where it came from: `shard="0"`, or whatever
 * `source` the caller names. Series of the same name are listed under one `# HELP` and `# TYPE`.
 */
export async function combineSnapshots(
  sources: readonly { readonly label: string; readonly metrics: readonly MetricSnapshot[] }[],
): Promise<{ readonly contentType: string; readonly body: string }> {
  const labelled = sources.map(({ label, metrics }) =>
    metrics.map((metric) => ({
      ...metric,
      values: metric.values.map((value) => ({
        ...value,
        labels: { ...value.labels, shard: label },
      })),
    })),
  );
  const registry = AggregatorRegistry.aggregate(labelled);
  return { contentType: registry.contentType, body: await registry.metrics() };
}
