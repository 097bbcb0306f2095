import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NODE_FLAGS } from '../../src/sharding/plan.js';

const UNIT = readFileSync('deploy/almanac.service', 'utf8');
const DOCKERFILE = readFileSync('Dockerfile', 'utf8');

/** The values of a key in a systemd unit (comments and continuation lines aside). */
function unitValues(key: string): string[] {
  return UNIT.split('\n')
    .filter((line) => line.startsWith(`${key}=`))
    .map((line) => line.slice(key.length + 1).trim());
}

/** A systemd time span as seconds: `60s`, `1h`, `15min`, or a bare number of seconds. */
function seconds(span: string): number {
  const match = /^(\d+)\s*(sec|min|[hms])?$/.exec(span);
  if (!match) throw new Error(`not a time span this test reads: ${span}`);
  const unit = match[2] ?? 's';
  const factor = unit === 'h' ? 3600 : unit === 'min' || unit === 'm' ? 60 : 1;
  return Number(match[1]) * factor;
}

const DAY = 86_400;

/** The words of a package.json script, its leading `exec` dropped. */
function scriptWords(name: string): string[] {
  const manifest: unknown = JSON.parse(readFileSync('package.json', 'utf8'));
  const scripts = z.object({ scripts: z.record(z.string(), z.string()) }).parse(manifest).scripts;
  return (scripts[name] ?? '').replace(/^exec\s+/, '').split(/\s+/);
}

describe('the command the bot runs with', () => {
  it('is the same, flags and all, under npm start, systemd, Docker and the shard manager', () => {
    const npmStart = scriptWords('start');
    expect(npmStart).toEqual(['node', ...NODE_FLAGS, 'dist/main.js']);
    expect(unitValues('ExecStart')).toEqual([['/usr/bin/node', ...npmStart.slice(1)].join(' ')]);
    const cmd = /^CMD (\[.*\])$/m.exec(DOCKERFILE)?.[1];
    expect(cmd && JSON.parse(cmd)).toEqual(npmStart);
    expect(scriptWords('start:sharded')).toEqual(['node', ...NODE_FLAGS, 'dist/shard.js']);
  });
});
const SYSTEMD_ANALYZE = spawnSync('systemd-analyze', ['--version']).status === 0;

describe('the systemd unit', () => {
  it('restarts on failure, never so often that a crash loop nears 1,000 logins a day', () => {
    expect(unitValues('Restart')).toEqual(['on-failure']);
    const [restartSec] = unitValues('RestartSec').map(seconds);
    const [interval] = unitValues('StartLimitIntervalSec').map(seconds);
    const [burst] = unitValues('StartLimitBurst').map(Number);
    if (restartSec === undefined || interval === undefined || burst === undefined) {
      throw new Error('RestartSec, StartLimitIntervalSec and StartLimitBurst must all be set');
    }
    // Starts a day, even if the failed unit were reset at every interval; one login per start.
    const startsPerDay = Math.min(DAY / restartSec, (burst * DAY) / interval);
    expect(startsPerDay).toBeLessThanOrEqual(250);
    // The interval must hold more than a burst of restarts, or the limit would never trip.
    expect(restartSec * burst).toBeLessThan(interval);
  });

  it('runs as its own user, with its settings in a file and only its data folder writable', () => {
    expect(unitValues('User')).toEqual(['almanac']);
    expect(unitValues('EnvironmentFile')).toEqual(['/etc/almanac/almanac.env']);
    expect(unitValues('StateDirectory')).toEqual(['almanac']);
    expect(unitValues('ReadWritePaths')).toEqual(['/var/lib/almanac']);
    expect(unitValues('Environment')).toContain('DATABASE_PATH=/var/lib/almanac/almanac.sqlite');
    for (const [key, value] of [
      ['NoNewPrivileges', 'yes'],
      ['ProtectSystem', 'strict'],
      ['PrivateTmp', 'yes'],
    ]) {
      expect(unitValues(key ?? '')).toEqual([value]);
    }
  });

  it.runIf(SYSTEMD_ANALYZE)('passes systemd-analyze verify without a warning', () => {
    const run = spawnSync('systemd-analyze', ['verify', 'deploy/almanac.service'], {
      encoding: 'utf8',
    });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });
});

describe('the Dockerfile', () => {
  const instructions = DOCKERFILE.split('\n').filter((line) => /^[A-Z]+\s/.test(line));

  it('builds in one stage and runs from another, on Node 20 slim', () => {
    expect(instructions.filter((line) => line.startsWith('FROM '))).toEqual([
      'FROM node:20-bookworm-slim AS build',
      'FROM node:20-bookworm-slim',
    ]);
    expect(DOCKERFILE).toContain('npm prune --omit=dev');
    expect(DOCKERFILE).toContain('COPY --from=build /app /app');
  });

  it('runs as the unprivileged node user, with the database on a volume', () => {
    const runtime = instructions.slice(instructions.indexOf('FROM node:20-bookworm-slim'));
    expect(runtime).toContain('USER node');
    expect(runtime).toContain('VOLUME /data');
    expect(DOCKERFILE).toContain('DATABASE_PATH=/data/almanac.sqlite');
  });

  it('checks health by asking /healthz with Node, as the slim image has no curl', () => {
    const check = DOCKERFILE.slice(DOCKERFILE.indexOf('HEALTHCHECK'));
    expect(check).toMatch(
      /CMD \["node", "-e", "fetch\(`http:\/\/127\.0\.0\.1:\$\{process\.env\.HEALTH_PORT\}\/healthz`\)/,
    );
  });

  it('keeps secrets and local data out of the build context', () => {
    const ignored = readFileSync('.dockerignore', 'utf8').split('\n');
    for (const entry of ['.env', 'node_modules', 'data', '*.sqlite']) {
      expect(ignored).toContain(entry);
    }
  });
});
