import type { Logger } from './logger.js';

/**
 * The process around Almanac: what stops it (SIGINT and SIGTERM alike, or a crash), what is
 * closed exactly once on the way out, and the exit itself.
 *
 * The process exits explicitly, with its code, once the shutdown is done, rather than when the
 * event loop empties: discord.js's REST client sleeps out a rate limit on a plain timer (30 s
 * and more), and @discordjs/ws 1.2 reconnects a shard destroyed during its 500 ms pause between
 * reconnection attempts (`WebSocketShard.destroy()` returns early on a shard it finds idle, and
 * the pending `internalConnect()` then runs), so a client destroyed while reconnecting keeps the
 * event loop busy for ever.
 */

/** Where an error nothing else caught came from: the process's handlers, or `main` itself. */
export type CrashOrigin = 'uncaughtException' | 'unhandledRejection' | 'main';

/** Why the process is stopping. */
export type StopReason =
  | { readonly kind: 'signal'; readonly signal: ShutdownSignal }
  | { readonly kind: 'crash'; readonly origin: CrashOrigin; readonly error: unknown };

export const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
export type ShutdownSignal = (typeof SHUTDOWN_SIGNALS)[number];

/** Where the lifecycle's own lines go: the bot's logger once there is one, standard error before. */
export interface LifecycleLog {
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
  fatal(fields: Record<string, unknown>, message: string): void;
  /** Resolves once every line written so far has reached its destination. */
  flush(): Promise<void>;
}

/** The part of `process` the lifecycle uses, so tests can pass their own. */
export interface LifecycleProcess {
  on(event: ShutdownSignal, listener: (signal: NodeJS.Signals) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  exit(code: number): void;
}

export interface LifecycleOptions {
  readonly process: LifecycleProcess;
  /** Where lines go until `useLog` is called. */
  readonly log: LifecycleLog;
  /**
   * How long a shutdown may take once asked for before the process exits anyway, with code 1
   * and a line saying so. Every step of the bot's shutdown is bounded well within it; this is
   * the guard against a step nobody foresaw.
   */
  readonly watchdogMs?: number;
  /** The most time `exit` gives the log to flush. */
  readonly flushMs?: number;
}

/** The process's lifecycle, created once by `app.ts`. */
export interface Lifecycle {
  /** Aborted when the process is asked to stop; its `reason` is the {@link StopReason}. */
  readonly stopping: AbortSignal;
  /** Why the process is stopping, once it is. */
  reason(): StopReason | undefined;
  /** Sends the lifecycle's own lines (a second signal, a crash, the watchdog) to `log`. */
  useLog(log: LifecycleLog): void;
  /** Reports an error nothing else caught as a crash: a fatal line, a stop, exit code 1. */
  crash(origin: CrashOrigin, error: unknown): void;
  /**
   * Registers something to close on the way out (the database): `exit` runs each exactly once,
   * in the order registered, and so does the watchdog.
   */
  onExit(close: () => void): void;
  /**
   * Closes what was registered, flushes the log and exits with `code` (at least 1 after a crash).
   * The caller has already stopped everything else.
   */
  exit(code: number): Promise<void>;
}

const DEFAULT_WATCHDOG_MS = 5_000;
const DEFAULT_FLUSH_MS = 1_000;

/** A plain-text log on standard error, for before the bot's logger exists (and the console). */
export const stderrLog: LifecycleLog = {
  warn: (_fields, message) => process.stderr.write(`${message}\n`),
  error: (_fields, message) => process.stderr.write(`${message}\n`),
  fatal: (fields, message) => {
    const error = fields['err'];
    // A crash is a bug: its stack is what the report needs.
    const detail = error instanceof Error ? `\n${error.stack ?? error.message}` : '';
    process.stderr.write(`${message}${detail}\n`);
  },
  flush: () => Promise.resolve(),
};

/**
 * Installs the handlers for SIGINT, SIGTERM, uncaught exceptions and unhandled rejections on
 * `options.process`. The first signal asks the process to stop (`stopping` is aborted); a later
 * one is logged and changes nothing, so a Ctrl+C that reaches the bot twice (from the terminal
 * and again through npm) cannot cut its shutdown short. A crash is logged as fatal and asks the
 * process to stop too, with exit code 1, so a supervisor restarts it with its back-off.
 */
export function createLifecycle(options: LifecycleOptions): Lifecycle {
  const proc = options.process;
  const watchdogMs = options.watchdogMs ?? DEFAULT_WATCHDOG_MS;
  const flushMs = options.flushMs ?? DEFAULT_FLUSH_MS;
  const controller = new AbortController();
  let log = options.log;
  let reason: StopReason | undefined;
  let crashed = false;
  const closers: (() => void)[] = [];
  let closed = false;
  let exiting = false;

  const closeAll = () => {
    if (closed) return;
    closed = true;
    for (const close of closers) {
      try {
        close();
      } catch (error) {
        log.error({ err: error }, 'could not close cleanly on the way out');
      }
    }
  };

  const flushWithin = async (ms: number) => {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      log.flush().catch(() => undefined),
      new Promise<void>((done) => {
        timer = setTimeout(done, ms);
      }),
    ]);
    clearTimeout(timer);
  };

  const requestStop = (why: StopReason) => {
    if (controller.signal.aborted) return;
    reason = why;
    controller.abort(why);
    const watchdog = setTimeout(() => {
      log.error(
        { limitMs: watchdogMs },
        `shutdown did not finish within ${watchdogMs} ms; exiting`,
      );
      closeAll();
      void flushWithin(flushMs).then(() => proc.exit(1));
    }, watchdogMs);
    // The watchdog only guards a shutdown; it must not be what keeps the process alive.
    watchdog.unref();
  };

  for (const name of SHUTDOWN_SIGNALS) {
    proc.on(name, () => {
      if (controller.signal.aborted) {
        log.warn({ signal: name }, 'already shutting down');
        return;
      }
      requestStop({ kind: 'signal', signal: name });
    });
  }

  const crash = (origin: CrashOrigin, error: unknown) => {
    crashed = true;
    log.fatal(
      { err: error, origin },
      `Almanac stopped on an unexpected error (${origin}): ${error instanceof Error ? error.message : String(error)}`,
    );
    requestStop({ kind: 'crash', origin, error });
  };
  proc.on('uncaughtException', (error) => crash('uncaughtException', error));
  proc.on('unhandledRejection', (error) => crash('unhandledRejection', error));

  return {
    stopping: controller.signal,
    reason: () => reason,
    useLog(next) {
      log = next;
    },
    crash,
    onExit(close) {
      closers.push(close);
    },
    async exit(code) {
      if (exiting) return;
      exiting = true;
      closeAll();
      await flushWithin(flushMs);
      proc.exit(crashed ? Math.max(code, 1) : code);
    },
  };
}

/** The bot's pino logger as the lifecycle's log. */
export function logOf(logger: Logger): LifecycleLog {
  return {
    warn: (fields, message) => logger.warn(fields, message),
    error: (fields, message) => logger.error(fields, message),
    fatal: (fields, message) => logger.fatal(fields, message),
    flush: () =>
      new Promise<void>((done) => {
        logger.flush(() => done());
      }),
  };
}

/**
 * Runs an entry point's `main` under its lifecycle and exits with its code: a throw out of
 * `main` is a bug, not a start-up problem (those `main` answers itself), and is reported as the
 * crash it is.
 */
export async function runMain(
  lifecycle: Lifecycle,
  main: (lifecycle: Lifecycle) => Promise<number>,
): Promise<void> {
  let code: number;
  try {
    code = await main(lifecycle);
  } catch (error) {
    lifecycle.crash('main', error);
    code = 1;
  }
  await lifecycle.exit(code);
}
