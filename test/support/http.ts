import { request } from 'node:http';
import { createServer } from 'node:net';

/** An HTTP answer as a test reads it. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** One request to 127.0.0.1 (never any other address), whatever its method and target. */
export function httpRequest(port: number, method: string, path: string): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    // No pooled connection: each request opens its own, as a scraper's first request would.
    const req = request({ host: '127.0.0.1', port, method, path, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A TCP port on 127.0.0.1 that was free a moment ago (the system picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (typeof address !== 'object' || address === null) throw new Error('no port was given');
  return address.port;
}

/**
 * Asks `GET path` until `accept` takes the answer (the bot gets there on its own time: logging
 * in, noticing the gateway is gone), or rejects after `timeoutMs` with the last answer.
 */
export async function pollUntil(
  port: number,
  path: string,
  accept: (answer: HttpAnswer) => boolean,
  timeoutMs = 15_000,
): Promise<HttpAnswer> {
  const deadline = Date.now() + timeoutMs;
  let last: HttpAnswer | Error | undefined;
  while (Date.now() < deadline) {
    try {
      last = await httpRequest(port, 'GET', path);
      if (accept(last)) return last;
    } catch (error) {
      last = error instanceof Error ? error : new Error(String(error));
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  const seen = last instanceof Error ? last.message : JSON.stringify(last);
  throw new Error(`GET ${path} never gave the answer expected; the last was ${seen}`);
}
