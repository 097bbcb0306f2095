import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { botHealth, type BotPhase } from '../monitoring/health.js';
import { startHealthServer, type HealthReport } from '../monitoring/healthServer.js';
import { createMetrics, type Metrics } from '../monitoring/metrics.js';
import { parseShardRequest, type ShardReply } from '../sharding/messages.js';
import type { Store } from '../store/types.js';
import type { RunningBot } from './bot.js';
import { gatewayStateOf } from './clientWatch.js';

/**
 * How a bot process is watched from outside: its metrics, and its health as `/healthz` (or its
 * sharding manager) reads it.
 */
export interface BotWatch {
  /** The process's metrics, when something reads them: `undefined` otherwise, and nothing counted. */
  readonly metrics: Metrics | undefined;
  /** The bot is logged in: health reads its gateway from now on, the gauges its packs. */
  serving(bot: RunningBot): void;
  /** The bot is shutting down: health says so from now on. */
  stopping(): void;
  /** Stops the server, or stops answering the manager. Safe to repeat. */
  close(): Promise<void>;
}

/** The part of `process` a shard answers its manager through, so tests can pass their own. */
export interface ShardChannel {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'disconnect', listener: () => void): unknown;
  send?(message: ShardReply): unknown;
}

export interface BotWatchOptions {
  readonly config: Config;
  readonly store: Store;
  readonly logger: Logger;
  /** The IPC channel to a sharding manager; `process` by default. */
  readonly channel?: ShardChannel;
  /**
   * How a shard stops itself when its manager is gone (the channel closed): SIGTERM to itself
   * by default, which the lifecycle answers as it answers any stop.
   */
  readonly stopSelf?: () => void;
}

/**
 * Starts watching a bot process before it logs in, so `/healthz` answers 503 "starting" while
 * the packs load and the gateway connects. Three cases:
 * - a shard started by `npm run start:sharded` (`config.sharding.ids` is set): metrics are kept,
 *   and the manager's requests for health and metrics are answered over IPC; the manager
 *   serves `HEALTH_PORT` for every shard, so the shard listens on nothing;
 * - `HEALTH_PORT` set: metrics are kept and `/healthz` and `/metrics` served on `HEALTH_HOST`;
 * - neither: nothing is counted and nothing listens.
 * Rejects with a `HealthServerError` when the port cannot be listened on.
 */
export async function startBotWatch(options: BotWatchOptions): Promise<BotWatch> {
  const { config, store, logger } = options;
  const { port, host } = config.health;
  if (config.sharding.ids !== undefined) {
    const stopSelf = options.stopSelf ?? (() => process.kill(process.pid, 'SIGTERM'));
    return answerManager(watchState(store), options.channel ?? process, logger, stopSelf);
  }
  if (port === undefined) return UNWATCHED;

  const state = watchState(store);
  const server = await startHealthServer({
    host,
    port,
    health: state.health,
    metrics: () => state.metrics.text(),
    onError: (error, path) => logger.warn({ err: error, path }, 'the health server failed'),
  });
  logger.info({ address: server.address }, 'serving /healthz and /metrics');
  return { ...state, close: () => server.close() };
}

/** A process nothing reads the metrics or health of. */
const UNWATCHED: BotWatch = Object.freeze({
  metrics: undefined,
  serving: () => undefined,
  stopping: () => undefined,
  close: () => Promise.resolve(),
});

/** The metrics and the health of a bot process, however they are served. */
function watchState(store: Store): Omit<BotWatch, 'close'> & {
  readonly metrics: Metrics;
  health(): HealthReport;
} {
  const metrics = createMetrics();
  let phase: BotPhase = 'starting';
  let bot: RunningBot | undefined;
  const sizeOf = (running: RunningBot) => {
    const engine = running.knowledge.engine();
    return { packs: engine.packs.length, facts: engine.size };
  };
  return {
    metrics,
    health: () =>
      botHealth({
        phase,
        gateway: bot ? gatewayStateOf(bot.client) : undefined,
        store: store.health(),
        guilds: bot?.client.guilds.cache.size,
        knowledge: bot ? sizeOf(bot) : undefined,
      }),
    serving(running) {
      bot = running;
      phase = 'serving';
      metrics.watchKnowledge(() => sizeOf(running));
    },
    stopping() {
      phase = 'stopping';
    },
  };
}

/**
 * A shard's side of the IPC: answers its manager's requests for health and metrics, and stops
 * the shard when the manager is gone, so a manager killed outright (SIGKILL, an out-of-memory
 * kill) leaves no shard answering on its own beside the next one started.
 */
function answerManager(
  state: ReturnType<typeof watchState>,
  channel: ShardChannel,
  logger: Logger,
  stopSelf: () => void,
): BotWatch {
  const answer = async (message: unknown) => {
    const request = parseShardRequest(message);
    if (!request) return;
    const reply: ShardReply =
      request.almanacAsk === 'health'
        ? { almanacAnswer: request.nonce, health: state.health() }
        : { almanacAnswer: request.nonce, metrics: await state.metrics.snapshot() };
    channel.send?.(reply);
  };
  const listener = (message: unknown) => {
    answer(message).catch((error: unknown) =>
      logger.warn({ err: error }, 'could not answer the sharding manager'),
    );
  };
  const orphaned = () => {
    logger.warn('the sharding manager is gone: stopping this shard');
    stopSelf();
  };
  channel.on('message', listener);
  channel.on('disconnect', orphaned);
  return {
    ...state,
    close() {
      channel.off('message', listener);
      channel.off('disconnect', orphaned);
      return Promise.resolve();
    },
  };
}
