import { ChildProcess } from 'node:child_process';
import { DiscordAPIError, REST, Routes, ShardingManager, type Shard } from 'discord.js';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { TOKEN_REFUSED, describeLoginFailure } from '../discord/loginFailure.js';
import { shardedHealth, type ShardHealth } from '../monitoring/health.js';
import {
  HealthServerError,
  startHealthServer,
  type HealthServer,
} from '../monitoring/healthServer.js';
import { combineSnapshots, createMetrics } from '../monitoring/metrics.js';
import { parseShardReply, type ShardQuestion, type ShardReply } from './messages.js';
import { parseGatewayBot, planShards, type BotEntry } from './plan.js';

/** The bounds of the manager's own waits. */
export const MANAGER_LIMITS = Object.freeze({
  /** For a shard to log in and be ready (discord.js's default is 30 s). */
  readyMs: 60_000,
  /** For a shard to answer a request for its health or metrics. */
  askMs: 1_500,
  /** For the shards to exit after SIGTERM, before they are killed. */
  stopMs: 4_000,
});

export interface RunShardedOptions {
  readonly config: Config;
  readonly logger: Logger;
  /** Aborted when the process should stop (SIGINT, SIGTERM or a crash). */
  readonly stop: AbortSignal;
  /** What each shard runs: the bot's own entry point. */
  readonly entry: BotEntry;
}

/** Resolves once `signal` is aborted. */
const aborted = (signal: AbortSignal): Promise<'stop'> =>
  new Promise((done) => {
    if (signal.aborted) done('stop');
    else signal.addEventListener('abort', () => done('stop'), { once: true });
  });

/** Resolves once the child has exited, or at once when it already has. */
const exited = (child: ChildProcess): Promise<void> =>
  new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once('exit', () => done());
  });

let nonce = 0;

/** Asks a shard for its health or metrics; `undefined` when it does not answer in time. */
function ask(shard: Shard, question: ShardQuestion): Promise<ShardReply | undefined> {
  if (!shard.process) return Promise.resolve(undefined);
  const id = (nonce += 1);
  return new Promise((resolve) => {
    const finish = (reply: ShardReply | undefined) => {
      clearTimeout(timer);
      shard.off('message', listener);
      resolve(reply);
    };
    const listener = (message: unknown) => {
      const reply = parseShardReply(message);
      if (reply?.almanacAnswer === id) finish(reply);
    };
    const timer = setTimeout(() => finish(undefined), MANAGER_LIMITS.askMs);
    shard.on('message', listener);
    shard.send({ almanacAsk: question, nonce: id }).catch(() => finish(undefined));
  });
}

/** Asks Discord how many shards it recommends and how many logins are left today. */
async function fetchGatewayBot(config: Config, token: string): Promise<unknown> {
  const rest = new REST({ api: config.discordApiUrl }).setToken(token);
  return rest.get(Routes.gatewayBot());
}

/** Why `GET /gateway/bot` failed, in one line. */
function describeGatewayFailure(error: unknown, apiUrl: string): string {
  if (error instanceof DiscordAPIError && error.status === 401) return TOKEN_REFUSED;
  return describeLoginFailure(error, apiUrl).message;
}

/**
 * Runs the bot as several processes under discord.js's `ShardingManager`, one per shard, each
 * the whole bot (every command, trivia, the question log) on the one shared database, and this
 * process their manager:
 * - it asks Discord (through `DISCORD_API_URL`) for the recommended shard count, unless
 *   `SHARD_COUNT` says, and refuses to start more shards than Discord has logins left today;
 * - it starts the shards in order, as far apart as `max_concurrency` requires;
 * - with `HEALTH_PORT`, it serves `/healthz` (healthy when every shard says it is) and
 *   `/metrics` (every shard's, labelled `shard`, and its own as `shard="manager"`), asking the
 *   shards over IPC; the shards listen on nothing;
 * - a shard that exits unasked stops the whole bot, exit code 1: shards are not restarted here,
 *   so restarts, with their back-off, are the supervisor's alone (systemd, Docker), and a crash
 *   loop is bounded by its limits, not by a second loop in here;
 * - SIGINT or SIGTERM stops every shard (each shuts down as `npm start` does), then itself.
 * Resolves with the exit code.
 */
export async function runShardedBot(options: RunShardedOptions): Promise<number> {
  const { config, logger, stop, entry } = options;
  const token = config.discordToken;
  if (token === undefined) {
    logger.fatal('npm run start:sharded needs DISCORD_TOKEN');
    return 1;
  }

  let gatewayBody: unknown;
  try {
    gatewayBody = await fetchGatewayBot(config, token);
  } catch (error) {
    logger.fatal(describeGatewayFailure(error, config.discordApiUrl));
    return 1;
  }
  const gateway = parseGatewayBot(gatewayBody);
  if (!gateway) {
    logger.fatal('Discord answered GET /gateway/bot with something that is not a gateway');
    return 1;
  }
  const plan = planShards(gateway, config.sharding.count);
  if (!plan.ok) {
    logger.fatal(plan.message);
    return 1;
  }

  const manager = new ShardingManager(entry.file, {
    totalShards: plan.count,
    token,
    mode: 'process',
    respawn: false,
    execArgv: [...entry.execArgv],
  });
  let stopping = false;
  let failed = false;
  const dead = new Promise<'dead'>((done) => {
    manager.on('shardCreate', (shard) => {
      shard.on('spawn', (child) => {
        // A shard started while the manager was being stopped is stopped with the others.
        if (stopping && child instanceof ChildProcess) child.kill('SIGTERM');
      });
      shard.on('ready', () => logger.info({ shard: shard.id }, 'shard ready'));
      shard.on('death', (child) => {
        if (stopping) return;
        // Shards run as processes (mode 'process'), never as worker threads.
        const how =
          child instanceof ChildProcess
            ? (child.signalCode ?? `exit code ${child.exitCode}`)
            : 'its thread ended';
        logger.fatal(
          { shard: shard.id, how },
          `shard ${shard.id} stopped (${how}): stopping every shard`,
        );
        failed = true;
        done('dead');
      });
    });
  });

  let server: HealthServer | undefined;
  if (config.health.port !== undefined) {
    const own = createMetrics();
    const shardIds = Array.from({ length: plan.count }, (_, id) => id);
    try {
      server = await startHealthServer({
        host: config.health.host,
        port: config.health.port,
        async health() {
          const reports = await Promise.all(
            shardIds.map(async (id): Promise<ShardHealth> => {
              const shard = manager.shards.get(id);
              const reply = shard ? await ask(shard, 'health') : undefined;
              return { id, report: reply && 'health' in reply ? reply.health : undefined };
            }),
          );
          return shardedHealth(reports);
        },
        async metrics() {
          const shards = await Promise.all(
            [...manager.shards.values()].map(async (shard) => {
              const reply = await ask(shard, 'metrics');
              return {
                label: String(shard.id),
                metrics: reply && 'metrics' in reply ? reply.metrics : [],
              };
            }),
          );
          return combineSnapshots([{ label: 'manager', metrics: await own.snapshot() }, ...shards]);
        },
        onError: (error, path) => logger.warn({ err: error, path }, 'the health server failed'),
      });
    } catch (error) {
      if (!(error instanceof HealthServerError)) throw error;
      logger.fatal(error.message);
      return 1;
    }
    logger.info({ address: server.address }, 'serving /healthz and /metrics for every shard');
  }

  logger.info(
    {
      shardCount: plan.count,
      recommended: gateway.shards,
      maxConcurrency: gateway.maxConcurrency,
      delayMs: plan.delayMs,
    },
    `starting ${plan.count} shard(s)`,
  );
  const spawning = manager
    .spawn({ amount: plan.count, delay: plan.delayMs, timeout: MANAGER_LIMITS.readyMs })
    .then(
      () => 'spawned' as const,
      (error: unknown) => error,
    );
  const first = await Promise.race([spawning, aborted(stop), dead]);
  if (first === 'spawned') {
    logger.info({ shardCount: plan.count }, 'every shard is ready');
    await Promise.race([aborted(stop), dead]);
  } else if (first !== 'stop' && first !== 'dead') {
    logger.fatal(
      { err: first },
      `a shard did not start: ${first instanceof Error ? first.message : String(first)}`,
    );
    failed = true;
  }

  stopping = true;
  logger.info({ shardCount: manager.shards.size }, 'stopping every shard');
  await stopShards(manager, logger);
  await server?.close();
  return failed ? 1 : 0;
}

/**
 * Sends SIGTERM to every shard still running, waits for them to exit (each shuts down in under
 * two seconds), and kills any that has not after {@link MANAGER_LIMITS.stopMs}.
 */
async function stopShards(manager: ShardingManager, logger: Logger): Promise<void> {
  const children = [...manager.shards.values()].flatMap((shard) =>
    shard.process ? [{ id: shard.id, child: shard.process }] : [],
  );
  for (const { child } of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  }
  let timer: NodeJS.Timeout | undefined;
  const allExited = Promise.all(children.map(({ child }) => exited(child)));
  const timedOut = new Promise<'late'>((done) => {
    timer = setTimeout(() => done('late'), MANAGER_LIMITS.stopMs);
  });
  const outcome = await Promise.race([allExited, timedOut]);
  clearTimeout(timer);
  if (outcome === 'late') {
    for (const { id, child } of children) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      logger.warn({ shard: id }, `shard ${id} did not stop in time: killing it`);
      child.kill('SIGKILL');
    }
    await allExited;
  }
}
