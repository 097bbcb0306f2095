import type { Clock, Timer } from '../../src/clock.js';

/** A clock that moves only when told, firing the timers that fall due on the way. */
export interface ManualClock extends Clock {
  /** Moves time on by `ms`, firing each due timer at its own time, in time order. */
  advance(ms: number): void;
  /** Timers armed and not yet fired or cancelled. */
  readonly pending: number;
}

interface Armed {
  readonly at: number;
  readonly order: number;
  readonly callback: () => void;
  cancelled: boolean;
}

/** A manual clock starting at `start` (ms since the epoch). */
export function manualClock(start: number): ManualClock {
  let now = start;
  let order = 0;
  const timers: Armed[] = [];
  const next = (until: number): Armed | undefined =>
    timers
      .filter((t) => !t.cancelled && t.at <= until)
      .sort((a, b) => a.at - b.at || a.order - b.order)[0];
  return {
    now: () => now,
    setTimeout(callback, ms): Timer {
      const armed: Armed = {
        at: now + Math.max(0, ms),
        order: order++,
        callback,
        cancelled: false,
      };
      timers.push(armed);
      return { cancel: () => (armed.cancelled = true) };
    },
    advance(ms) {
      const until = now + ms;
      for (let due = next(until); due; due = next(until)) {
        due.cancelled = true;
        now = Math.max(now, due.at);
        due.callback();
      }
      now = until;
    },
    get pending() {
      return timers.filter((t) => !t.cancelled).length;
    },
  };
}
