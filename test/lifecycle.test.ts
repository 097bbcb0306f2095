import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createLifecycle,
  type LifecycleLog,
  type LifecycleProcess,
  type StopReason,
} from '../src/lifecycle.js';

/** A process stand-in: signals and errors are emitted by the test, `exit` is recorded. */
function fakeProcess(): LifecycleProcess & EventEmitter & { exits: number[] } {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  return Object.assign(emitter, {
    exits,
    exit: (code: number) => {
      exits.push(code);
    },
  });
}

/** A log that keeps its lines as `level: message`. */
function recordingLog(): LifecycleLog & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    warn: (_fields, message) => lines.push(`warn: ${message}`),
    error: (_fields, message) => lines.push(`error: ${message}`),
    fatal: (_fields, message) => lines.push(`fatal: ${message}`),
    flush: () => Promise.resolve(),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the process lifecycle', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('asks the process to stop on %s', (signal) => {
    const proc = fakeProcess();
    const lifecycle = createLifecycle({ process: proc, log: recordingLog() });
    expect(lifecycle.stopping.aborted).toBe(false);
    proc.emit(signal, signal);
    expect(lifecycle.stopping.aborted).toBe(true);
    expect(lifecycle.reason()).toEqual({ kind: 'signal', signal });
    expect(lifecycle.stopping.reason).toEqual({ kind: 'signal', signal } satisfies StopReason);
  });

  it('logs a second signal during the shutdown and changes nothing else', () => {
    const proc = fakeProcess();
    const log = recordingLog();
    const lifecycle = createLifecycle({ process: proc, log });
    proc.emit('SIGTERM', 'SIGTERM');
    proc.emit('SIGTERM', 'SIGTERM');
    proc.emit('SIGINT', 'SIGINT');
    expect(lifecycle.reason()).toEqual({ kind: 'signal', signal: 'SIGTERM' });
    expect(log.lines).toEqual(['warn: already shutting down', 'warn: already shutting down']);
    expect(proc.exits).toEqual([]);
  });

  it('closes what was registered exactly once, in order, then exits with the code given', async () => {
    const proc = fakeProcess();
    const lifecycle = createLifecycle({ process: proc, log: recordingLog() });
    const closed: string[] = [];
    lifecycle.onExit(() => closed.push('store'));
    lifecycle.onExit(() => closed.push('other'));
    await lifecycle.exit(0);
    await lifecycle.exit(0);
    expect(closed).toEqual(['store', 'other']);
    expect(proc.exits).toEqual([0]);
  });

  it.each(['uncaughtException', 'unhandledRejection'] as const)(
    'logs %s as fatal, asks the process to stop, and exits with 1 whatever the code given',
    async (origin) => {
      const proc = fakeProcess();
      const log = recordingLog();
      const lifecycle = createLifecycle({ process: proc, log });
      proc.emit(origin, new Error('boom'));
      expect(log.lines).toEqual([
        `fatal: Almanac stopped on an unexpected error (${origin}): boom`,
      ]);
      expect(lifecycle.reason()).toMatchObject({ kind: 'crash', origin });
      await lifecycle.exit(0);
      expect(proc.exits).toEqual([1]);
    },
  );

  it('sends its lines to the log it is given once there is one', () => {
    const proc = fakeProcess();
    const first = recordingLog();
    const second = recordingLog();
    const lifecycle = createLifecycle({ process: proc, log: first });
    lifecycle.useLog(second);
    lifecycle.crash('main', new Error('bug'));
    expect(first.lines).toEqual([]);
    expect(second.lines).toEqual(['fatal: Almanac stopped on an unexpected error (main): bug']);
  });

  it('exits with 1 when a shutdown outlasts the watchdog, closing what was registered once', async () => {
    vi.useFakeTimers();
    const proc = fakeProcess();
    const log = recordingLog();
    const lifecycle = createLifecycle({ process: proc, log, watchdogMs: 5_000 });
    let closes = 0;
    lifecycle.onExit(() => (closes += 1));
    proc.emit('SIGTERM', 'SIGTERM');
    await vi.advanceTimersByTimeAsync(4_999);
    expect(proc.exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(proc.exits).toEqual([1]);
    expect(log.lines).toEqual(['error: shutdown did not finish within 5000 ms; exiting']);
    await lifecycle.exit(0);
    expect(closes).toBe(1);
  });

  it('keeps a log that fails to flush from holding up the exit', async () => {
    vi.useFakeTimers();
    const proc = fakeProcess();
    const log = { ...recordingLog(), flush: () => new Promise<void>(() => undefined) };
    const lifecycle = createLifecycle({ process: proc, log, flushMs: 100 });
    const exited = lifecycle.exit(0);
    await vi.advanceTimersByTimeAsync(100);
    await exited;
    expect(proc.exits).toEqual([0]);
  });
});
