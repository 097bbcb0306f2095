import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  DefaultRestOptions,
  RESTEvents,
  type REST,
  type RESTOptions,
  type RateLimitData,
} from 'discord.js';

/** A Discord request a shutdown did not wait for. */
export interface PendingRequest {
  readonly method: string;
  /** The path, with interaction and webhook tokens replaced by `:token`. */
  readonly route: string;
  /** For a request waiting out a rate limit: how long it still had to wait. */
  readonly retryInMs?: number;
}

/** What was left when a shutdown stopped waiting for Discord requests. */
export interface RestLeftovers {
  /** Sent, with no answer yet when the wait ran out. */
  readonly inFlight: readonly PendingRequest[];
  /** Waiting out a rate limit before being sent again. */
  readonly waiting: readonly PendingRequest[];
}

/**
 * Sees every request the discord.js client sends, so a shutdown can let replies being written
 * finish without waiting out a rate limit. discord.js's REST client sleeps through a 429's
 * `retry_after` (30 s and more) and offers no way to cancel a queued retry; the tracker knows
 * which requests are on the wire and which are waiting, and once `abandon()` is called refuses to
 * send anything more, so nothing reaches Discord after the shutdown said it was disconnected.
 */
export interface RestTracker {
  /** For the client's `rest: { makeRequest }` option: sends through discord.js's own default. */
  readonly makeRequest: RESTOptions['makeRequest'];
  /** Also hears of the waits the client makes before sending (an exhausted bucket, a global limit). */
  observe(rest: REST): void;
  /**
   * Resolves once no request is on the wire (a request a handler sends right after another is
   * waited for too), or when `ms` have passed, with what is left. Requests waiting out a rate
   * limit are never waited for.
   */
  settle(ms: number): Promise<RestLeftovers>;
  /** From now on every request is refused before it is sent. */
  abandon(): void;
}

/** The error a request gets when it would be sent after the shutdown abandoned it. */
export class RequestAbandonedError extends Error {
  override readonly name = 'RequestAbandonedError';

  constructor(method: string, route: string) {
    super(`${method} ${route} was not sent: Almanac is shutting down`);
  }
}

/**
 * A request's path without the API prefix, and without the tokens interaction callbacks and
 * webhooks carry in their paths (an interaction token lets anyone answer for the bot for 15 min).
 */
export function routeOf(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  return path
    .replace(/^.*?\/v\d+(?=\/)/, '')
    .replace(/^(\/(?:interactions|webhooks)\/[^/]+\/)[^/]+/, '$1:token');
}

interface Wait {
  readonly method: string;
  readonly route: string;
  readonly until: number;
}

export interface RestTrackerOptions {
  /** What actually sends a request; discord.js's own default (undici) unless a test says. */
  readonly send?: RESTOptions['makeRequest'];
  /** The clock rate-limit deadlines are read on. */
  readonly now?: () => number;
}

/** Creates a tracker, to pass as the client's `rest.makeRequest` before it logs in. */
export function createRestTracker(options: RestTrackerOptions = {}): RestTracker {
  const send = options.send ?? DefaultRestOptions.makeRequest;
  const now = options.now ?? Date.now;
  const onWire = new Map<number, { method: string; route: string }>();
  // Keyed by method and route: the retry of a request is the same method on the same route.
  const waits = new Map<string, Wait>();
  let nextId = 0;
  let abandoned = false;
  let changed: (() => void) | undefined;

  const waitFor = (method: string, route: string, ms: number) => {
    if (ms > 0) waits.set(`${method} ${route}`, { method, route, until: now() + ms });
  };

  const makeRequest: RESTOptions['makeRequest'] = async (url, init) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const route = routeOf(url);
    if (abandoned) throw new RequestAbandonedError(method, route);
    waits.delete(`${method} ${route}`);
    const id = nextId++;
    onWire.set(id, { method, route });
    try {
      const response = await send(url, init);
      if (response.status === 429) {
        // discord.js waits `Retry-After` seconds (or the bucket's reset) and sends it again.
        const retryAfter = Number(response.headers.get('retry-after') ?? '0');
        const resetAfter = Number(response.headers.get('x-ratelimit-reset-after') ?? '0');
        waitFor(method, route, Math.max(retryAfter, resetAfter) * 1000);
      }
      return response;
    } finally {
      onWire.delete(id);
      changed?.();
    }
  };

  const leftovers = (): RestLeftovers => {
    const at = now();
    return {
      inFlight: [...onWire.values()],
      waiting: [...waits.values()]
        .filter((wait) => wait.until > at)
        .map((wait) => ({ method: wait.method, route: wait.route, retryInMs: wait.until - at })),
    };
  };

  return {
    makeRequest,
    observe(rest) {
      rest.on(RESTEvents.RateLimited, (info: RateLimitData) =>
        waitFor(info.method.toUpperCase(), routeOf(info.url), info.timeToReset),
      );
    },
    async settle(ms) {
      const deadline = now() + ms;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<void>((done) => {
        timer = setTimeout(done, ms);
      });
      try {
        for (;;) {
          // Two quiet turns of the event loop: a handler that just got an answer may send next.
          await nextTurn();
          await nextTurn();
          if (onWire.size === 0 || now() >= deadline) break;
          await Promise.race([new Promise<void>((done) => (changed = done)), timedOut]);
          changed = undefined;
        }
      } finally {
        clearTimeout(timer);
        changed = undefined;
      }
      return leftovers();
    },
    abandon() {
      abandoned = true;
    },
  };
}
