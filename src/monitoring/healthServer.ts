import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What `GET /healthz` reports: 200 with the body when `ok`, 503 with it otherwise. */
export interface HealthReport {
  readonly ok: boolean;
  /** A JSON object that says what was checked and, when not `ok`, why. */
  readonly body: Readonly<Record<string, unknown>>;
}

/** The limits of the server: it answers two small requests and holds nothing open for long. */
export const HEALTH_SERVER_LIMITS = Object.freeze({
  /** The whole request, headers included, must arrive within this. */
  requestMs: 5_000,
  /** The headers must arrive within this. */
  headersMs: 5_000,
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: 5_000,
  /** A scrape is answered 503 (health) or 500 (metrics) when it takes longer than this. */
  answerMs: 4_000,
});

export interface HealthServerOptions {
  readonly host: string;
  readonly port: number;
  /** Checks health; a throw or a timeout is reported as unhealthy. */
  health(): Promise<HealthReport> | HealthReport;
  /** The Prometheus text of the metrics, with its content type. */
  metrics(): Promise<{ readonly contentType: string; readonly body: string }>;
  /** Where a failure to collect the metrics is reported (the scraper sees only a 500). */
  onError?(error: unknown, path: string): void;
}

/** A listening health and metrics server. */
export interface HealthServer {
  /** The address it listens on, as `host:port`. */
  readonly address: string;
  readonly port: number;
  /** Stops listening and closes every connection; resolves once it has. Safe to repeat. */
  close(): Promise<void>;
}

/** Why the server could not listen, in one line fit for an operator. */
export class HealthServerError extends Error {
  override readonly name = 'HealthServerError';
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** `work`, or a rejection once `ms` have passed. */
async function within<T>(work: Promise<T> | T, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      Promise.resolve(work),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function send(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  // HEAD gets the status and headers a GET would, and no body.
  response.end(request.method === 'HEAD' ? undefined : body);
}

const sendJson = (
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  body: Readonly<Record<string, unknown>>,
  headers?: Readonly<Record<string, string>>,
) => send(request, response, status, JSON_TYPE, `${JSON.stringify(body)}\n`, headers);

const ROUTES = ['/healthz', '/metrics'] as const;
type Route = (typeof ROUTES)[number];

/** The route a request's target names, ignoring any query; never the target itself. */
function routeOf(target: string | undefined): Route | undefined {
  const path = (target ?? '').split('?', 1)[0];
  return ROUTES.find((route) => route === path);
}

async function answer(
  options: HealthServerOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const route = routeOf(request.url);
  // Nothing of the request is echoed back: not the path, not the method, not a header.
  if (route === undefined) {
    sendJson(request, response, 404, { error: 'not found' });
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendJson(request, response, 405, { error: 'method not allowed' }, { Allow: 'GET, HEAD' });
    return;
  }
  if (route === '/healthz') {
    let report: HealthReport;
    try {
      report = await within(options.health(), HEALTH_SERVER_LIMITS.answerMs);
    } catch (error) {
      options.onError?.(error, route);
      report = { ok: false, body: { status: 'unavailable', reasons: ['the health check failed'] } };
    }
    sendJson(request, response, report.ok ? 200 : 503, report.body);
    return;
  }
  try {
    const metrics = await within(options.metrics(), HEALTH_SERVER_LIMITS.answerMs);
    send(request, response, 200, metrics.contentType, metrics.body);
  } catch (error) {
    options.onError?.(error, route);
    sendJson(request, response, 500, { error: 'could not collect the metrics' });
  }
}

/**
 * Serves `GET /healthz` and `GET /metrics` (and `HEAD` of both) on plain `node:http`, bound to
 * `options.host`: 404 for any other path, 405 for any other method, and nothing of the request
 * ever echoed. Requests and idle connections are cut after a few seconds. Rejects with a
 * `HealthServerError` when it cannot listen (the port taken, the address not this machine's).
 */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const server = createServer((request, response) => {
    answer(options, request, response).catch((error: unknown) => {
      options.onError?.(error, 'request');
      if (!response.headersSent) sendJson(request, response, 500, { error: 'internal error' });
      else response.destroy();
    });
  });
  server.requestTimeout = HEALTH_SERVER_LIMITS.requestMs;
  server.headersTimeout = HEALTH_SERVER_LIMITS.headersMs;
  server.keepAliveTimeout = HEALTH_SERVER_LIMITS.keepAliveMs;
  server.setTimeout(HEALTH_SERVER_LIMITS.requestMs);

  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'EADDRINUSE'
          ? 'the port is in use'
          : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
            ? 'the address is not one of this machine'
            : error.code === 'EACCES'
              ? 'permission denied'
              : (error.code ?? error.message);
      reject(
        new HealthServerError(
          `The health server cannot listen on ${options.host}:${options.port} (${reason}): set HEALTH_PORT to a free port, or HEALTH_HOST to an address of this machine.`,
          { cause: error },
        ),
      );
    };
    server.once('error', failed);
    server.listen(options.port, options.host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  // listen() on a host and port always yields an AddressInfo (a string only for pipes).
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closing: Promise<void> | undefined;
  return {
    address: `${shown}:${address.port}`,
    port: address.port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
