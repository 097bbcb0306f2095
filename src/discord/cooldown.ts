export interface CooldownOptions {
  /** How many questions a user may ask… */
  readonly questions: number;
  /** …within this many seconds (a sliding window). */
  readonly seconds: number;
  /** Milliseconds since the epoch; injected so tests control time. */
  readonly clock: () => number;
}

export type CooldownVerdict =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      /**
       * True for the first refusal in a window only: the user is told once, and a burst of
       * messages does not turn into a burst of notices.
       */
      readonly notify: boolean;
      /** Until the oldest counted question leaves the window. */
      readonly retryAfterMs: number;
    };

export interface Cooldown {
  /** Counts a question by this user if the window has room. */
  take(userId: string): CooldownVerdict;
  /** Forgets users with nothing left in their window (called from a timer). */
  sweep(): void;
}

interface UserWindow {
  /** Times of the questions still in the window, oldest first. */
  readonly times: number[];
  /** No further notice before this time. */
  notifiedUntil: number;
}

/** A per-user limit of `questions` per `seconds`, kept in memory. */
export function createCooldown(options: CooldownOptions): Cooldown {
  const windowMs = options.seconds * 1000;
  const users = new Map<string, UserWindow>();

  const expire = (entry: UserWindow, now: number) => {
    for (let first = entry.times[0]; first !== undefined && first <= now - windowMs;) {
      entry.times.shift();
      first = entry.times[0];
    }
  };

  return {
    take(userId) {
      const now = options.clock();
      let entry = users.get(userId);
      if (!entry) {
        entry = { times: [], notifiedUntil: -Infinity };
        users.set(userId, entry);
      }
      expire(entry, now);
      if (entry.times.length < options.questions) {
        entry.times.push(now);
        return { allowed: true };
      }
      const freeAt = (entry.times[0] ?? now) + windowMs;
      const notify = now >= entry.notifiedUntil;
      if (notify) entry.notifiedUntil = freeAt;
      return { allowed: false, notify, retryAfterMs: Math.max(0, freeAt - now) };
    },
    sweep() {
      const now = options.clock();
      for (const [userId, entry] of users) {
        expire(entry, now);
        if (entry.times.length === 0 && entry.notifiedUntil <= now) users.delete(userId);
      }
    },
  };
}
