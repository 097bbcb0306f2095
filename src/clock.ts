/**
 * Time as the shells read it: the present and timers. Handlers get a `Clock` through their
 * context instead of calling `Date.now` and `setTimeout`, so tests drive time explicitly (a
 * manual clock fires the timers that are due when it is advanced) and never sleep.
 */

/** A timer a clock has armed. */
export interface Timer {
  /** Stops the timer; harmless after it fired or when called twice. */
  cancel(): void;
}

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Calls `callback` once, `ms` milliseconds from now (at once for 0 or less). */
  setTimeout(callback: () => void, ms: number): Timer;
}

/** The real clock: `Date.now` and Node's timers. */
export const systemClock: Clock = Object.freeze({
  now: () => Date.now(),
  setTimeout(callback: () => void, ms: number): Timer {
    const handle = setTimeout(callback, Math.max(0, ms));
    return { cancel: () => clearTimeout(handle) };
  },
});
