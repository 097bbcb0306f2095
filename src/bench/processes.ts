import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import type { Pack } from '../knowledge/schema.js';
import { median } from './measure.js';
import type { Availability, BotMemory, ProcessReport, ProcessTiming, StartUp } from './report.js';

/**
 * Whole-process measurements: start-up times of fresh processes and the resident memory of the
 * bot once logged in to the Discord stand-in. Every process is started here, timed with the
 * monotonic clock, and stopped by its own id. Nothing connects anywhere but 127.0.0.1.
 */

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
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
  /** What went wrong in `whileRunning`, when it threw. */
  readonly failure?: string;
}

interface RunOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Stop timing when the output so far passes this test; without it, wait for the exit. */
  readonly until?: (output: string) => boolean;
  readonly timeoutMs: number;
  /** Wait this long after `until` and read the process's resident memory. */
  readonly rssAfterMs?: number;
  /** Runs after that reading, before the process is stopped (its time is not in `ms`). */
  readonly whileRunning?: (pid: number) => Promise<void>;
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
    let failure: string | undefined;
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
      done({
        ms,
        ok: ok && failure === undefined,
        output,
        code,
        ...(rss === undefined ? {} : { rssBytes: rss }),
        ...(failure === undefined ? {} : { failure }),
      });
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
        const { whileRunning } = options;
        setTimeout(() => {
          void residentBytes(pid)
            .then(async (bytes) => {
              rss = bytes;
              await whileRunning?.(pid);
            })
            .catch((error: unknown) => {
              failure = error instanceof Error ? error.message : String(error);
            })
            .finally(stop);
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
  const resident: number[] = [];
  for (let i = 0; i < runs; i++) {
    const outcome = await run();
    if (!outcome.ok) return { available: false, reason: `${what} failed on run ${i + 2}` };
    times.push(outcome.ms);
    if (outcome.rssBytes !== undefined) resident.push(outcome.rssBytes);
  }
  return {
    available: true,
    runs: times,
    medianMs: median(times),
    ...(resident.length > 0 ? { rssBytes: median(resident) } : {}),
  };
}

/** What `npm run <script>` runs, made runnable from any folder: `node` as this Node, paths absolute. */
export interface ScriptCommand {
  readonly command: string;
  readonly args: readonly string[];
  /** The script line as package.json has it, for the report. */
  readonly line: string;
}

/**
 * The command of a package.json script, as `spawn` arguments (npm's own start-up is not timed:
 * it is npm's, not Almanac's). The leading `exec` of the shell is dropped, `node` becomes this
 * Node, `--import tsx` the tsx loader by path, and the files the command names absolute paths;
 * a script that is missing, or whose file is (a `dist/` not built yet), is a reason instead.
 */
export function scriptCommand(script: string, manifest: unknown): ScriptCommand | string {
  const scripts =
    typeof manifest === 'object' && manifest !== null && 'scripts' in manifest
      ? manifest.scripts
      : undefined;
  const line =
    typeof scripts === 'object' && scripts !== null && script in scripts
      ? Object.entries(scripts).find(([name]) => name === script)?.[1]
      : undefined;
  if (typeof line !== 'string') return `package.json has no ${script} script`;
  const words = line
    .replace(/^exec\s+/, '')
    .split(/\s+/)
    .filter(Boolean);
  const [first, ...rest] = words;
  if (first !== 'node') return `the ${script} script does not run node: ${line}`;
  const args: string[] = [];
  for (const [i, word] of rest.entries()) {
    if (word === 'tsx' && rest[i - 1] === '--import') args.push(TSX_LOADER);
    else if (word.startsWith('-')) args.push(word);
    else {
      const path = join(PROJECT_ROOT, word);
      if (!existsSync(path)) {
        return `${word} does not exist${word.startsWith('dist/') ? ' (run npm run build)' : ''}`;
      }
      args.push(path);
    }
  }
  return { command: process.execPath, args, line };
}

async function readManifest(): Promise<unknown> {
  return JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8'));
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
 * Resident memory of an idle node process that has run `code` (which prints `idle` when done):
 * bare node, and node with discord.js loaded, the floors under the console and the bot.
 */
async function measureIdle(
  code: string,
  what: string,
  scratch: string,
): Promise<Availability<{ rssBytes: number }>> {
  const outcome = await runProcess(
    process.execPath,
    ['-e', `${code}; setInterval(() => {}, 1000);`],
    {
      cwd: scratch,
      env: childEnv({ NODE_PATH: join(PROJECT_ROOT, 'node_modules') }),
      until: (out) => out.includes('idle'),
      timeoutMs: 30_000,
      rssAfterMs: 1_000,
    },
  );
  return outcome.ok && outcome.rssBytes !== undefined
    ? { available: true, rssBytes: outcome.rssBytes }
    : { available: false, reason: `${what} did not start: ${lastLines(outcome.output)}` };
}

/**
 * The console chat's banner or prompt: what it prints once it can take a question. (Its output
 * is a pipe here, so it paints no colours.)
 */
const CONSOLE_READY = /(?:^|\n)(?:> |Almanac: \d+ facts)/;

/** The settings every console and `ask` child runs with: no token, nothing reachable. */
function consoleEnv(knowledgeDir: string, databasePath: string): NodeJS.ProcessEnv {
  return childEnv({
    DISCORD_TOKEN: '',
    DISCORD_API_URL: NOWHERE,
    KNOWLEDGE_DIR: knowledgeDir,
    DATABASE_PATH: databasePath,
    LOG_LEVEL: 'silent',
  });
}

/**
 * How long after its first prompt the console's resident memory is read: as the idle floors and
 * the logged-in bot are, once what the start left to the collector's background threads is done.
 * At the very instant of the prompt they are often still returning pages: about 3 MB more in two
 * starts of three, gone within 10 ms.
 */
const CONSOLE_SETTLE_MS = 1_000;

/**
 * Cold start of the console chat to its first prompt, as `npm run <script>` runs it (`start`,
 * or `dev` for the sources through tsx), with its resident memory read at that prompt, settled
 * ({@link CONSOLE_SETTLE_MS}). Started from a scratch folder, so no .env file can hand the child
 * a real token.
 */
export async function measureConsole(
  runs: number,
  scratch: string,
  knowledgeDir: string,
  script = 'start',
): Promise<Availability<StartUp>> {
  const command = scriptCommand(script, await readManifest());
  if (typeof command === 'string') return { available: false, reason: command };
  const env = consoleEnv(knowledgeDir, join(scratch, `console-${script}.db`));
  const result = await timeRuns(
    runs,
    () =>
      runProcess(command.command, command.args, {
        cwd: scratch,
        env,
        until: (out) => CONSOLE_READY.test(out),
        timeoutMs: 60_000,
        rssAfterMs: CONSOLE_SETTLE_MS,
      }),
    command.line,
  );
  return result.available ? { ...result, entry: command.line } : result;
}

/** The question `ask` is timed on: one the bundled pack answers, and any pack reads as a question. */
const ASK_QUESTION = 'who did bhutto meet in moscow';

/** `npm run ask -- "question"`: from process start to its exit with the answer printed. */
export async function measureAsk(
  runs: number,
  scratch: string,
  knowledgeDir: string,
): Promise<Availability<StartUp>> {
  const command = scriptCommand('ask', await readManifest());
  if (typeof command === 'string') return { available: false, reason: command };
  const env = consoleEnv(knowledgeDir, join(scratch, 'ask.db'));
  const result = await timeRuns(
    runs,
    () =>
      runProcess(command.command, [...command.args, ASK_QUESTION], {
        cwd: scratch,
        env,
        timeoutMs: 60_000,
      }),
    command.line,
  );
  return result.available ? { ...result, entry: `${command.line} "${ASK_QUESTION}"` } : result;
}

interface RecordedReply {
  readonly method: string;
  readonly route: string | null;
  readonly body: unknown;
}

interface StandIn {
  readonly apiUrl: string;
  readonly botUser: { readonly id: string };
  mark(): number;
  sendMessage(input: {
    content: string;
    mentionsBot: boolean;
    authorId: string;
    channelId?: string;
  }): { id: string };
  waitForRequest(
    predicate: (request: RecordedReply) => boolean,
    options: { since: number; timeoutMs: number },
  ): Promise<unknown>;
  clearRequests(): void;
  close(): Promise<void>;
}

function isStandIn(value: unknown): value is StandIn {
  return (
    typeof value === 'object' &&
    value !== null &&
    'apiUrl' in value &&
    typeof value.apiUrl === 'string' &&
    'botUser' in value &&
    'sendMessage' in value &&
    typeof value.sendMessage === 'function' &&
    'waitForRequest' in value &&
    typeof value.waitForRequest === 'function' &&
    'clearRequests' in value &&
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
  if (!isStandIn(standIn)) return 'startDiscordStandIn() returned no stand-in this bench can use';
  const host = new URL(standIn.apiUrl).hostname;
  if (host !== '127.0.0.1') {
    await standIn.close();
    return `the stand-in listens on ${host}, not 127.0.0.1`;
  }
  return standIn;
}

/** The bot's log line once it is logged in and ready. */
const BOT_READY = /logged in to Discord|"msg":"logged in/;

/** Questions for the long run: the bundled pack's, asked in turn; the last one it declines. */
const BOT_QUESTIONS = [
  'who did bhutto meet in moscow',
  'when did the visit take place',
  'why did bhutto go to the soviet union',
  'what did the soviets agree to',
  'wat was the outcome of the talks',
  'what is the capital of france',
];

/** How many questions are in flight at once, and how many distinct members ask them. */
const IN_FLIGHT = 25;
const ASKERS = 2_000;

/**
 * Asks the bot `count` questions through the stand-in, as mentions from {@link ASKERS} different
 * members (so the caches that grow per user are exercised), {@link IN_FLIGHT} at a time, waiting
 * for every reply.
 */
async function askBot(standIn: StandIn, from: number, count: number): Promise<void> {
  const mention = `<@${standIn.botUser.id}>`;
  for (let next = from; next < from + count; next += IN_FLIGHT) {
    const since = standIn.mark();
    const batch: Promise<unknown>[] = [];
    for (let i = next; i < Math.min(next + IN_FLIGHT, from + count); i++) {
      const question = standIn.sendMessage({
        content: `${mention} ${BOT_QUESTIONS[i % BOT_QUESTIONS.length] ?? ''}`,
        mentionsBot: true,
        // Member ids: snowflake-shaped, distinct for every asker.
        authorId: String(700000000000000000n + BigInt(i % ASKERS)),
      });
      batch.push(
        standIn.waitForRequest(
          (request) =>
            request.method === 'POST' &&
            typeof request.body === 'object' &&
            request.body !== null &&
            'message_reference' in request.body &&
            typeof request.body.message_reference === 'object' &&
            request.body.message_reference !== null &&
            'message_id' in request.body.message_reference &&
            request.body.message_reference.message_id === question.id,
          { since, timeoutMs: 30_000 },
        ),
      );
    }
    await Promise.all(batch);
    // The log of requests is the bench's memory, not the bot's; it is not kept.
    standIn.clearRequests();
  }
}

/** Resident memory of the bot as questions come in, sampled at these counts. */
export const QUESTION_SAMPLES = [0, 1_000, 10_000] as const;

/**
 * The bot as `npm start` runs it, with `DISCORD_TOKEN` set and `DISCORD_API_URL` at the
 * stand-in, loading the packs in `knowledgeDir`: its resident memory once logged in and, with
 * `questions`, after each count of {@link QUESTION_SAMPLES} (a second apart to settle).
 */
export async function measureBot(
  knowledgeDir: string,
  facts: number | undefined,
  scratch: string,
  timeoutMs: number,
  questions = false,
): Promise<Availability<BotMemory>> {
  const command = scriptCommand('start', await readManifest());
  if (typeof command === 'string') return { available: false, reason: command };
  let standIn: StandIn | string;
  try {
    standIn = await startStandIn();
  } catch (error) {
    standIn = `the stand-in did not start: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (typeof standIn === 'string') return { available: false, reason: standIn };
  const bot = standIn;
  try {
    const samples: { questions: number; rssBytes: number }[] = [];
    const outcome = await runProcess(command.command, command.args, {
      cwd: scratch,
      env: childEnv({
        DISCORD_TOKEN: STAND_IN_TOKEN,
        DISCORD_API_URL: bot.apiUrl,
        KNOWLEDGE_DIR: knowledgeDir,
        DATABASE_PATH: join(
          scratch,
          `bot-${facts ?? 'bundled'}-${questions ? 'asked' : 'idle'}.db`,
        ),
        LOG_LEVEL: 'info',
        SYNC_COMMANDS_ON_START: 'false',
        // The long run asks from many members at once; the per-member limit is not measured.
        COOLDOWN_QUESTIONS: '1000',
        COOLDOWN_SECONDS: '1',
      }),
      until: (out) => BOT_READY.test(out),
      timeoutMs: questions ? timeoutMs * 20 : timeoutMs,
      rssAfterMs: 1_000,
      ...(questions
        ? {
            whileRunning: async (pid: number) => {
              let asked = 0;
              for (const count of QUESTION_SAMPLES) {
                await askBot(bot, asked, count - asked);
                asked = count;
                await new Promise((settle) => setTimeout(settle, 1_000));
                const bytes = await residentBytes(pid);
                if (bytes !== undefined) samples.push({ questions: count, rssBytes: bytes });
              }
            },
          }
        : {}),
    });
    if (!outcome.ok || outcome.rssBytes === undefined) {
      const why =
        outcome.code === null
          ? `no login within ${Math.round(timeoutMs / 1000)} s`
          : `the bot exited with code ${outcome.code}`;
      return {
        available: false,
        reason: `${why}${outcome.output ? `: ${lastLines(outcome.output)}` : ''}${outcome.failure ? ` (${outcome.failure})` : ''}`,
      };
    }
    // The bot logs how many facts it loaded; that count is the one reported.
    const logged = /"facts":(\d+)/.exec(outcome.output);
    const loaded = logged ? Number(logged[1]) : (facts ?? Number.NaN);
    return {
      available: true,
      facts: loaded,
      rssBytes: outcome.rssBytes,
      readyMs: outcome.ms,
      entry: command.line,
      ...(questions ? { afterQuestions: samples } : {}),
    };
  } finally {
    await bot.close();
  }
}

/**
 * {@link measureBot} `runs` times: the bot's resident memory after login moves by several
 * megabytes from one start to the next (when the collector last ran), so the figure is the
 * median run's, with how many runs it is the median of.
 */
export async function measureBotRuns(
  runs: number,
  knowledgeDir: string,
  facts: number | undefined,
  scratch: string,
  timeoutMs: number,
): Promise<Availability<BotMemory>> {
  const done: BotMemory[] = [];
  for (let run = 0; run < runs; run++) {
    const result = await measureBot(knowledgeDir, facts, scratch, timeoutMs);
    if (!result.available) return result;
    done.push(result);
  }
  // Sorted by memory; the ready time is the median of its own.
  done.sort((a, b) => a.rssBytes - b.rssBytes);
  const middle = done[Math.floor((done.length - 1) / 2)];
  if (!middle) return { available: false, reason: 'no runs' };
  return {
    ...middle,
    available: true,
    runs: done.length,
    readyMs: median(done.map((d) => d.readyMs)),
  };
}

/** Writes packs as YAML files, one per pack, into `dir`. */
export async function writePacks(dir: string, packs: readonly Pack[]): Promise<void> {
  await Promise.all(packs.map((pack) => writeFile(join(dir, `${pack.id}.yaml`), stringify(pack))));
}

export interface ProcessOptions {
  readonly runs: number;
  /** Packs of 10,000 facts for the measurements at that size. */
  readonly tenThousand: () => readonly Pack[];
  readonly botTimeoutMs: number;
  readonly log: (line: string) => void;
}

/** Every whole-process measurement; parts that cannot run say why instead of failing. */
export async function measureProcesses(options: ProcessOptions): Promise<ProcessReport> {
  const scratch = await mkdtemp(join(tmpdir(), 'almanac-bench-'));
  const { runs, log } = options;
  const bundled = join(PROJECT_ROOT, 'knowledge');
  try {
    log('processes: bare node');
    const bareNode = await measureBareNode(runs);
    const bareNodeIdle = await measureIdle("console.log('idle')", 'node', scratch);
    log('processes: discord.js import');
    const discordImport = await measureDiscordImport(runs);
    const discordIdle = await measureIdle(
      "import('discord.js').then(() => console.log('idle'))",
      'node with discord.js',
      scratch,
    );
    log('processes: console and ask, bundled pack');
    const consoleBundled = await measureConsole(runs, scratch, bundled);
    const consoleSources = await measureConsole(runs, scratch, bundled, 'dev');
    const askBundled = await measureAsk(runs, scratch, bundled);
    log('processes: bot with the bundled pack');
    const botBundled = await measureBotRuns(
      runs,
      bundled,
      undefined,
      scratch,
      options.botTimeoutMs,
    );

    log('processes: 10,000 facts');
    const tenThousand = join(scratch, 'knowledge-10000');
    await mkdir(tenThousand);
    await writePacks(tenThousand, options.tenThousand());
    // The first run of each (untimed) builds the pack cache beside its database, as a first
    // start does; the timed runs then start as every later one does.
    const consoleTenThousand = await measureConsole(runs, scratch, tenThousand);
    const askTenThousand = await measureAsk(runs, scratch, tenThousand);
    const botTenThousand = botBundled.available
      ? await measureBotRuns(runs, tenThousand, 10_000, scratch, options.botTimeoutMs)
      : botBundled;
    log(`processes: the bot through ${QUESTION_SAMPLES.at(-1)?.toLocaleString('en-US')} questions`);
    const botAsked = botBundled.available
      ? await measureBot(bundled, undefined, scratch, options.botTimeoutMs, true)
      : botBundled;
    return {
      bareNode,
      bareNodeIdle,
      discordImport,
      discordIdle,
      consoleBundled,
      consoleSources,
      askBundled,
      consoleTenThousand,
      askTenThousand,
      botBundled,
      botTenThousand,
      botAsked,
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
