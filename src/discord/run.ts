import { resolve } from 'node:path';
import { Events } from 'discord.js';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { readCachedPacks } from '../knowledge/load.js';
import { packCacheDirBeside, packCacheIn } from '../knowledge/packCache.js';
import { formatProblem } from '../knowledge/problem.js';
import type { ValidationResult } from '../knowledge/validate.js';
import type { StopReason } from '../lifecycle.js';
import { HealthServerError } from '../monitoring/healthServer.js';
import { countTrivia } from '../monitoring/triviaCounts.js';
import type { Store } from '../store/types.js';
import { startBot, type RunningBot } from './bot.js';
import { startBotWatch, type BotWatch } from './botWatch.js';
import { GatewayRefusedError, watchGatewayRefusal } from './gatewayClose.js';
import { describeLoginFailure } from './loginFailure.js';
import { loadPacksInWorker } from './packLoader.js';
import { createRestTracker, type RestTracker } from './restTracker.js';

/**
 * How long each step of a shutdown may take. Together they stay under two seconds, whatever
 * state the gateway and Discord's REST API are in; the lifecycle's watchdog is the backstop.
 */
export const SHUTDOWN_LIMITS = Object.freeze({
  /** For replies already on the wire to get their answer. */
  replyMs: 750,
  /** For trivia to send what it has in flight and the gateway to close. */
  stopMs: 750,
  /** For the gateway to close when trivia did not let go in time. */
  closeMs: 250,
});

export interface RunBotOptions {
  /** The process's logger (the token scrubbed from every line). */
  readonly logger: Logger;
  /** Aborted when the process should stop; its `reason` is the {@link StopReason}. */
  readonly stop: AbortSignal;
}

/** `work`, or `undefined` once `ms` have passed (the work goes on, unobserved). */
async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<undefined>((done) => {
        timer = setTimeout(() => done(undefined), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves with the stop's reason once `signal` is aborted. */
function stopped(signal: AbortSignal): Promise<StopReason | undefined> {
  return new Promise((done) => {
    const reason = (): StopReason | undefined =>
      // The lifecycle aborts with a StopReason; anything else is treated as a plain stop.
      isStopReason(signal.reason) ? signal.reason : undefined;
    if (signal.aborted) done(reason());
    else signal.addEventListener('abort', () => done(reason()), { once: true });
  });
}

function isStopReason(value: unknown): value is StopReason {
  return (
    typeof value === 'object' &&
    value !== null &&
    'kind' in value &&
    (value.kind === 'signal' || value.kind === 'crash')
  );
}

/**
 * Runs the bot until `options.stop` is aborted (SIGINT, SIGTERM or a crash) or Discord closes
 * the gateway for good, then shuts down in the platform's order: stop taking work (handlers and
 * a reload in progress), let replies on the wire finish while abandoning requests that wait out
 * a rate limit, persist trivia, close the gateway. The caller closes `store` after, then exits.
 * Resolves with the exit code: 0 after a shutdown asked for, 1 when the packs are invalid,
 * Discord refuses the bot (at login or later) or cannot be reached, `HEALTH_PORT` cannot be
 * listened on, or after a crash.
 *
 * With `HEALTH_PORT`, `/healthz` and `/metrics` are served from before the packs load until the
 * shutdown is done (`/healthz` says 503 while starting and stopping); a shard of
 * `npm run start:sharded` answers its manager instead, and logs with its shard ids.
 */
export async function runBot(
  config: Config,
  store: Store,
  options: RunBotOptions,
): Promise<number> {
  const shards = config.sharding.ids;
  const logger = shards === undefined ? options.logger : options.logger.child({ shards });
  let watch: BotWatch;
  try {
    watch = await startBotWatch({ config, store, logger });
  } catch (error) {
    if (!(error instanceof HealthServerError)) throw error;
    logger.fatal(error.message);
    return 1;
  }
  try {
    return await serve(config, store, { ...options, logger }, watch);
  } finally {
    await watch.close();
  }
}

/** {@link runBot} once its watch is in place. */
async function serve(
  config: Config,
  store: Store,
  options: RunBotOptions,
  watch: BotWatch,
): Promise<number> {
  const { logger, stop } = options;

  // Packs validated before come from the pack cache, a JSON read: cheaper here than starting a
  // worker (about 5 MB less resident on the bundled pack, 20 MB at 10,000 facts). Others are
  // parsed and validated on a worker thread, as a reload does, so the memory YAML parsing takes
  // goes with it (at 10,000 facts, 218 MB resident after login against about 400 MB).
  let loaded: ValidationResult;
  try {
    const dir = resolve(config.knowledgeDir);
    const cacheDir = packCacheDirBeside(config.databasePath);
    loaded =
      (await readCachedPacks(dir, process.cwd(), packCacheIn(cacheDir))) ??
      (await loadPacksInWorker(dir, { cacheDir }));
  } catch (error) {
    logger.fatal({ err: error }, 'the knowledge packs could not be loaded');
    return 1;
  }
  if (loaded.warnings.length > 0) {
    logger.warn(
      { warnings: loaded.warnings.map(formatProblem) },
      `the knowledge packs have ${loaded.warnings.length} warning(s)`,
    );
  }
  if (!loaded.ok) {
    for (const error of loaded.errors) logger.error(formatProblem(error));
    logger.fatal({ errors: loaded.errors.length }, 'the knowledge packs are invalid');
    return 1;
  }

  if (stop.aborted) return stoppedEarly(stop, logger);
  const rest = createRestTracker();
  const starting = startBot({
    config,
    packs: loaded.packs,
    logger,
    store: watch.metrics ? countTrivia(store, watch.metrics) : store,
    clientOptions: { rest: { makeRequest: rest.makeRequest } },
    metrics: watch.metrics,
  });
  let bot: RunningBot | StopReason | undefined;
  try {
    bot = await Promise.race([starting, stopped(stop)]);
  } catch (error) {
    const failure = describeLoginFailure(error, config.discordApiUrl);
    logger.debug({ err: error }, 'the login failure in full');
    logger.fatal(failure.fields, failure.message);
    return 1;
  }
  if (bot === undefined || !('client' in bot)) {
    // Stopped while logging in (the gateway may be down): nothing is serving yet, and the login
    // left behind ends with the process.
    starting.catch(() => undefined);
    rest.abandon();
    return stoppedEarly(stop, logger);
  }

  rest.observe(bot.client.rest);
  watch.serving(bot);
  const refusal = watchGatewayRefusal(bot.client);
  const why = await Promise.race([stopped(stop), refusal.refused.catch((error: unknown) => error)]);
  refusal.stop();
  watch.stopping();
  let code = 0;
  if (why instanceof GatewayRefusedError) {
    logger.fatal({ closeCode: why.closeCode }, why.message);
    code = 1;
  } else if (isStopReason(why)) {
    if (why.kind === 'crash') code = 1;
    logger.info(
      why.kind === 'signal'
        ? { signal: why.signal, pid: process.pid }
        : { reason: why.origin, pid: process.pid },
      'shutting down',
    );
  } else {
    logger.info({ pid: process.pid }, 'shutting down');
  }
  await shutDown(bot, rest, logger);
  return code;
}

/** Logs a stop that came before the bot was serving; resolves with its exit code. */
function stoppedEarly(stop: AbortSignal, logger: Logger): number {
  const why = isStopReason(stop.reason) ? stop.reason : undefined;
  logger.info(
    why?.kind === 'signal'
      ? { signal: why.signal, pid: process.pid }
      : { reason: why?.kind === 'crash' ? why.origin : 'stop', pid: process.pid },
    'shutting down before logging in',
  );
  return why?.kind === 'crash' ? 1 : 0;
}

/** The shutdown proper, each step bounded by {@link SHUTDOWN_LIMITS}. */
async function shutDown(bot: RunningBot, rest: RestTracker, logger: Logger): Promise<void> {
  // Stop taking work: no new interaction or message is handled (bot.stop() would remove these
  // listeners too, but only after the replies below), and a reload in progress is abandoned.
  bot.client.removeAllListeners(Events.InteractionCreate);
  bot.client.removeAllListeners(Events.MessageCreate);
  if (bot.knowledge.close()) logger.info('abandoning the pack reload in progress');

  const left = await rest.settle(SHUTDOWN_LIMITS.replyMs);
  const abandoned = [...left.inFlight, ...left.waiting];
  if (abandoned.length > 0) {
    logger.warn(
      { requests: abandoned },
      `abandoning ${abandoned.length} Discord request(s): ${left.waiting.length} waiting out a rate limit, ${left.inFlight.length} unanswered`,
    );
  }

  const done = await within(
    bot.stop().then(
      () => true,
      (error: unknown) => {
        logger.error({ err: error }, 'the bot did not stop cleanly');
        return true;
      },
    ),
    SHUTDOWN_LIMITS.stopMs,
  );
  if (done === undefined) {
    // Either trivia is still waiting on Discord, or the gateway connection would not close (a
    // shard destroyed while it waits for HELLO is destroyed twice, and the first never returns).
    logger.warn(
      { limitMs: SHUTDOWN_LIMITS.stopMs },
      'the bot did not stop in time (trivia messages waiting on Discord, or the gateway not closing): exiting without them',
    );
    await within(bot.client.destroy(), SHUTDOWN_LIMITS.closeMs);
  }
  // Nothing more goes to Discord, whatever wakes up before the process exits.
  rest.abandon();
}
