import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import type { Pack } from '../knowledge/schema.js';
import { median } from './measure.js';
import type { Availability, BotMemory, ProcessReport, ProcessTiming } from './report.js';

/**
 * Whole-process measurements: start-up times of fresh processes and the resident memory of the
 * bot once logged in to the Discord stand-in. Every process is started here, timed with the
 * monotonic clock, and stopped by its own id. Nothing connects anywhere but 127.0.0.1.
 */

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TSX_CLI = join(PROJECT_ROOT, 'node_modules/.bin/tsx');
const TSX_LOADER = pathToFileURL(join(PROJECT_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const STAND_IN = join(PROJECT_ROOT, 'test/support/discord/standIn.ts');
/** A token the stand-in is told to accept; the bot never sees any other. */
const STAND_IN_TOKEN = 'bench.stand-in.token.0000000000000000';
/** Where the console is pointed, so that nothing it does can reach a real server. */
const NOWHERE = 'http://127.0.0.1:9/api';

interface RunOutcome {
  /** Milliseconds from spawn to the awaited output, or to exit. */
  readonly ms: number;
  /** True when the awaited output appeared (or, without one, the process exited with 0). */
  readonly ok: boolean;
  readonly output: string;
  readonly code: number | null;
  /** Resident memory read right after the awaited output, when asked for. */
  readonly rssBytes?: number;
}

interface RunOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Stop timing when the output so far passes this test; without it, wait for the exit. */
  readonly until?: (output: string) => boolean;
  readonly timeoutMs: number;
  /** Wait this long after `until` and read the process's resident memory. */
  readonly rssAfterMs?: number;
}

/** Resident set size of a process, from /proc (Linux) or `ps`. */
async function residentBytes(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    if (match) return Number(match[1]) * 1024;
  } catch {
    // Not Linux: ask ps below.
  }
  return new Promise((done) => {
    const ps = spawn('ps', ['-o', 'rss=', '-p', String(pid)]);
    let out = '';
    ps.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    ps.on('error', () => done(undefined));
    ps.on('close', () => {
      const kb = Number(out.trim());
      done(Number.isFinite(kb) && kb > 0 ? kb * 1024 : undefined);
    });
  });
}

/** Starts a process in its own group, times it, and stops the group it made. */
function runProcess(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunOutcome> {
  return new Promise((done) => {
    const start = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - start) / 1e6;
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    let settled = false;
    let reachedAt: number | undefined;
    let rss: number | undefined;
    const pid = child.pid;

    const stopGroup = (signal: NodeJS.Signals) => {
      if (pid === undefined) return;
      try {
        process.kill(-pid, signal);
      } catch {
        // Already gone.
      }
    };
    const finish = (ok: boolean, ms: number, code: number | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      done({ ms, ok, output, code, ...(rss === undefined ? {} : { rssBytes: rss }) });
    };
    const timer = setTimeout(() => {
      stopGroup('SIGKILL');
      finish(false, elapsed(), null);
    }, options.timeoutMs);

    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.length > 200_000) output = output.slice(-100_000);
      if (reachedAt !== undefined || !options.until?.(output)) return;
      reachedAt = elapsed();
      const at = reachedAt;
      const stop = () => {
        stopGroup('SIGTERM');
        // A process that ignores SIGTERM is killed; either way the figure is already taken.
        setTimeout(() => stopGroup('SIGKILL'), 5_000).unref();
        finish(true, at, null);
      };
      if (options.rssAfterMs !== undefined && pid !== undefined) {
        setTimeout(() => {
          void residentBytes(pid).then((bytes) => {
            rss = bytes;
            stop();
          });
        }, options.rssAfterMs);
      } else stop();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => {
      output += String(error);
      finish(false, elapsed(), null);
    });
    child.on('exit', (code) => {
      if (reachedAt !== undefined) return;
      finish(options.until === undefined && code === 0, elapsed(), code);
    });
  });
}

/** The environment for a child: no Discord settings of ours leak in; these are set instead. */
function childEnv(extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('DISCORD_') && key !== 'NODE_OPTIONS') env[key] = value;
  }
  return { ...env, ...extra };
}

const lastLines = (text: string, n = 3) =>
  text
    .trim()
    .split('\n')
    .slice(-n)
    .map((l) => l.slice(0, 200))
    .join(' / ');

/** Times `runs` runs (after one untimed run that warms the disk cache); the median is the figure. */
async function timeRuns(
  runs: number,
  run: () => Promise<RunOutcome>,
  what: string,
): Promise<Availability<ProcessTiming>> {
  const first = await run();
  if (!first.ok) {
    const why = first.code === null ? 'timed out' : `exited with code ${first.code}`;
    return {
      available: false,
      reason: `${what} ${why}${first.output ? `: ${lastLines(first.output)}` : ''}`,
    };
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const outcome = await run();
    if (!outcome.ok) return { available: false, reason: `${what} failed on run ${i + 2}` };
    times.push(outcome.ms);
  }
  return { available: true, runs: times, medianMs: median(times) };
}

/** A bare `node -e ''`: the floor under every other start-up figure. */
export function measureBareNode(runs: number): Promise<Availability<ProcessTiming>> {
  return timeRuns(
    runs,
    () =>
      runProcess(process.execPath, ['-e', ''], {
        cwd: PROJECT_ROOT,
        env: childEnv({}),
        timeoutMs: 30_000,
      }),
    'node -e ""',
  );
}

/** A process that only imports discord.js. */
export function measureDiscordImport(runs: number): Promise<Availability<ProcessTiming>> {
  return timeRuns(
    runs,
    () =>
      runProcess(process.execPath, ['-e', "import('discord.js')"], {
        cwd: PROJECT_ROOT,
        env: childEnv({}),
        timeoutMs: 60_000,
      }),
    'import("discord.js")',
  );
}

/**
 * The console chat's banner or prompt: what it prints once it can take a question. (Its output
 * is a pipe here, so it paints no colours.)
 */
const CONSOLE_READY = /(?:^|\n)(?:> |Almanac: \d+ facts)/;

/**
 * Cold start of the console chat with the bundled pack, to its first prompt: `tsx
 * src/cli/console.ts`, or `tsx src/main.ts` without a token (which starts the same console)
 * when console.ts is a module with no entry point of its own.
 */
export async function measureConsole(
  runs: number,
  scratch: string,
): Promise<Availability<ProcessTiming & { readonly entry: string }>> {
  const env = childEnv({
    DISCORD_TOKEN: '',
    DISCORD_API_URL: NOWHERE,
    KNOWLEDGE_DIR: join(PROJECT_ROOT, 'knowledge'),
    DATABASE_PATH: join(scratch, 'console.db'),
    LOG_LEVEL: 'silent',
  });
  const reasons: string[] = [];
  for (const entry of ['src/cli/console.ts', 'src/main.ts']) {
    const path = join(PROJECT_ROOT, entry);
    if (!existsSync(path)) {
      reasons.push(`${entry} does not exist`);
      continue;
    }
    // Started from a scratch folder, so no .env file can hand the child a real token.
    const run = () =>
      runProcess(TSX_CLI, [path], {
        cwd: scratch,
        env,
        until: (out) => CONSOLE_READY.test(out),
        timeoutMs: 60_000,
      });
    const result = await timeRuns(runs, run, `tsx ${entry}`);
    if (result.available) return { ...result, entry: `tsx ${entry}` };
    reasons.push(result.reason);
  }
  return { available: false, reason: reasons.join('; ') };
}

/** Resident memory of an idle node process with the tsx loader: what every tsx process starts from. */
export async function measureIdleTsx(scratch: string): Promise<Availability<{ rssBytes: number }>> {
  const outcome = await runProcess(
    process.execPath,
    ['--import', TSX_LOADER, '-e', "console.log('idle'); setInterval(() => {}, 1000);"],
    {
      cwd: scratch,
      env: childEnv({}),
      until: (out) => out.includes('idle'),
      timeoutMs: 30_000,
      rssAfterMs: 1_000,
    },
  );
  return outcome.ok && outcome.rssBytes !== undefined
    ? { available: true, rssBytes: outcome.rssBytes }
    : { available: false, reason: `node --import tsx did not start: ${lastLines(outcome.output)}` };
}

interface StandIn {
  readonly apiUrl: string;
  close(): Promise<void>;
}

function isStandIn(value: unknown): value is StandIn {
  return (
    typeof value === 'object' &&
    value !== null &&
    'apiUrl' in value &&
    typeof value.apiUrl === 'string' &&
    'close' in value &&
    typeof value.close === 'function'
  );
}

/** Starts the Discord stand-in from the test support code, if it is there. */
async function startStandIn(): Promise<StandIn | string> {
  if (!existsSync(STAND_IN)) return 'test/support/discord/standIn.ts does not exist';
  let module: unknown;
  try {
    module = await import(pathToFileURL(STAND_IN).href);
  } catch (error) {
    return `the stand-in does not load: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (
    typeof module !== 'object' ||
    module === null ||
    !('startDiscordStandIn' in module) ||
    typeof module.startDiscordStandIn !== 'function'
  ) {
    return 'the stand-in module has no startDiscordStandIn()';
  }
  const standIn: unknown = await module.startDiscordStandIn({ token: STAND_IN_TOKEN });
  if (!isStandIn(standIn)) return 'startDiscordStandIn() returned no apiUrl';
  const host = new URL(standIn.apiUrl).hostname;
  if (host !== '127.0.0.1') {
    await standIn.close();
    return `the stand-in listens on ${host}, not 127.0.0.1`;
  }
  return standIn;
}

/** The bot's log line once it is logged in and ready. */
const BOT_READY = /logged in to Discord|"msg":"logged in/;

/**
 * Resident memory of the bot after login: `node --import tsx src/main.ts` with `DISCORD_TOKEN`
 * set and `DISCORD_API_URL` at the stand-in, loading the packs in `knowledgeDir`.
 */
export async function measureBot(
  knowledgeDir: string,
  facts: number | undefined,
  scratch: string,
  timeoutMs: number,
): Promise<Availability<BotMemory>> {
  const main = join(PROJECT_ROOT, 'src/main.ts');
  if (!existsSync(main)) return { available: false, reason: 'src/main.ts does not exist' };
  let standIn: StandIn | string;
  try {
    standIn = await startStandIn();
  } catch (error) {
    standIn = `the stand-in did not start: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (typeof standIn === 'string') return { available: false, reason: standIn };
  try {
    const outcome = await runProcess(process.execPath, ['--import', TSX_LOADER, main], {
      cwd: scratch,
      env: childEnv({
        DISCORD_TOKEN: STAND_IN_TOKEN,
        DISCORD_API_URL: standIn.apiUrl,
        KNOWLEDGE_DIR: knowledgeDir,
        DATABASE_PATH: join(scratch, `bot-${facts ?? 'bundled'}.db`),
        LOG_LEVEL: 'info',
        SYNC_COMMANDS_ON_START: 'false',
      }),
      until: (out) => BOT_READY.test(out),
      timeoutMs,
      rssAfterMs: 1_000,
    });
    if (!outcome.ok || outcome.rssBytes === undefined) {
      const why =
        outcome.code === null
          ? `no login within ${Math.round(timeoutMs / 1000)} s`
          : `the bot exited with code ${outcome.code}`;
      return {
        available: false,
        reason: `${why}${outcome.output ? `: ${lastLines(outcome.output)}` : ''}`,
      };
    }
    // The bot logs how many facts it loaded; that count is the one reported.
    const logged = /"facts":(\d+)/.exec(outcome.output);
    const loaded = logged ? Number(logged[1]) : (facts ?? Number.NaN);
    return { available: true, facts: loaded, rssBytes: outcome.rssBytes, readyMs: outcome.ms };
  } finally {
    await standIn.close();
  }
}

/** Writes packs as YAML files, one per pack, into `dir`. */
export async function writePacks(dir: string, packs: readonly Pack[]): Promise<void> {
  await Promise.all(packs.map((pack) => writeFile(join(dir, `${pack.id}.yaml`), stringify(pack))));
}

export interface ProcessOptions {
  readonly runs: number;
  /** Packs of 10,000 facts for the second bot measurement. */
  readonly tenThousand: () => readonly Pack[];
  readonly botTimeoutMs: number;
  readonly log: (line: string) => void;
}

/** Every whole-process measurement; parts that cannot run say why instead of failing. */
export async function measureProcesses(options: ProcessOptions): Promise<ProcessReport> {
  const scratch = await mkdtemp(join(tmpdir(), 'almanac-bench-'));
  try {
    options.log('processes: bare node');
    const bareNode = await measureBareNode(options.runs);
    options.log('processes: discord.js import');
    const discordImport = await measureDiscordImport(options.runs);
    options.log('processes: console cold start');
    const consoleColdStart = await measureConsole(options.runs, scratch);
    options.log('processes: idle node with tsx');
    const idleTsx = await measureIdleTsx(scratch);
    options.log('processes: bot with the bundled pack');
    const botBundled = await measureBot(
      join(PROJECT_ROOT, 'knowledge'),
      undefined,
      scratch,
      options.botTimeoutMs,
    );
    options.log('processes: bot with 10,000 facts');
    let botTenThousand: Availability<BotMemory>;
    if (!botBundled.available) {
      botTenThousand = { available: false, reason: botBundled.reason };
    } else {
      const dir = join(scratch, 'knowledge-10000');
      await mkdir(dir);
      await writePacks(dir, options.tenThousand());
      botTenThousand = await measureBot(dir, 10_000, scratch, options.botTimeoutMs);
    }
    return { bareNode, discordImport, consoleColdStart, idleTsx, botBundled, botTenThousand };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
