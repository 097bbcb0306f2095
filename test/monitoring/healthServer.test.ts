import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  HealthServerError,
  startHealthServer,
  type HealthReport,
  type HealthServer,
} from '../../src/monitoring/healthServer.js';
import { httpRequest as ask } from '../support/http.js';

const HEALTHY: HealthReport = { ok: true, body: { status: 'ok', gateway: 'ready', store: 'ok' } };
const METRICS = { contentType: 'text/plain; version=0.0.4; charset=utf-8', body: 'x_total 1\n' };

describe('the health and metrics server', () => {
  let server: HealthServer | undefined;
  let report: HealthReport = HEALTHY;

  afterEach(async () => {
    await server?.close();
    server = undefined;
    report = HEALTHY;
  });

  const start = async (overrides: Partial<Parameters<typeof startHealthServer>[0]> = {}) => {
    server = await startHealthServer({
      host: '127.0.0.1',
      port: 0,
      health: () => report,
      metrics: () => Promise.resolve(METRICS),
      ...overrides,
    });
    return server.port;
  };

  it('answers /healthz with 200 and the JSON report when healthy, 503 with the reasons when not', async () => {
    const port = await start();
    const healthy = await ask(port, 'GET', '/healthz');
    expect(healthy.status).toBe(200);
    expect(healthy.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(healthy.body)).toEqual(HEALTHY.body);

    report = {
      ok: false,
      body: { status: 'unavailable', reasons: ['the gateway is reconnecting'] },
    };
    const down = await ask(port, 'GET', '/healthz?verbose=1');
    expect(down.status).toBe(503);
    expect(JSON.parse(down.body)).toEqual(report.body);
  });

  it('serves the metrics text with its content type, and HEAD without a body', async () => {
    const port = await start();
    const metrics = await ask(port, 'GET', '/metrics');
    expect(metrics).toMatchObject({ status: 200, body: METRICS.body });
    expect(metrics.headers['content-type']).toBe(METRICS.contentType);
    const head = await ask(port, 'HEAD', '/metrics');
    expect(head).toMatchObject({ status: 200, body: '' });
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(METRICS.body)));
  });

  it('answers any other path 404 and any other method 405, echoing nothing of the request', async () => {
    const port = await start();
    const probe = '/<script>alert(1)</script>';
    const missing = await ask(port, 'GET', probe);
    expect(missing.status).toBe(404);
    expect(missing.body).not.toContain('script');
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const refused = await ask(port, method, '/healthz');
      expect(refused.status).toBe(405);
      expect(refused.headers['allow']).toBe('GET, HEAD');
      expect(refused.body).not.toContain(method);
    }
  });

  it('reports a health check that throws as unavailable, and a metrics failure as 500, telling the operator', async () => {
    const errors: string[] = [];
    const port = await start({
      health: () => Promise.reject(new Error('database is locked')),
      metrics: () => Promise.reject(new Error('collect failed')),
      onError: (error, path) => errors.push(`${path}: ${String(error)}`),
    });
    const health = await ask(port, 'GET', '/healthz');
    expect(health.status).toBe(503);
    expect(health.body).not.toContain('database is locked');
    const metrics = await ask(port, 'GET', '/metrics');
    expect(metrics.status).toBe(500);
    expect(errors).toEqual([
      '/healthz: Error: database is locked',
      '/metrics: Error: collect failed',
    ]);
  });

  it('is gone once closed: the port refuses connections', async () => {
    const port = await start();
    await server?.close();
    await expect(ask(port, 'GET', '/healthz')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('says in one line which port it could not listen on, and why', async () => {
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    const address = taken.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const failure = startHealthServer({
        host: '127.0.0.1',
        port,
        health: () => HEALTHY,
        metrics: () => Promise.resolve(METRICS),
      });
      await expect(failure).rejects.toBeInstanceOf(HealthServerError);
      await expect(failure).rejects.toThrow(
        `The health server cannot listen on 127.0.0.1:${port} (the port is in use): set HEALTH_PORT to a free port, or HEALTH_HOST to an address of this machine.`,
      );
    } finally {
      await new Promise<void>((done) => taken.close(() => done()));
    }
  });
});
