import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** One JSON log line the bot wrote. */
export type LogLine = Record<string, unknown>;

/** A bot started as its own process, as `npm start` starts it. */
export interface BotProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** The JSON log lines written so far (other lines, such as npm's banner, are skipped). */
  lines(): LogLine[];
  /** Resolves with the first log line whose `msg` is `msg` (already written, or to come). */
  waitForLog(msg: string | RegExp): Promise<LogLine>;
  /** Resolves when the process has exited, with its code (null when a signal killed it). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * The command `npm start` (or `npm run <script>`) runs, as arguments for `spawn`: the script of
 * package.json without a leading `exec` (the shell's, which npm's `sh -c` needs for the bot to
 * be npm's child), with `node` made this Node. Spawned directly, it is exactly one process.
 */
export function startCommand(script = 'start'): { command: string; args: string[] } {
  const manifest: unknown = JSON.parse(readFileSync('package.json', 'utf8'));
  const line =
    typeof manifest === 'object' &&
    manifest !== null &&
    'scripts' in manifest &&
    typeof manifest.scripts === 'object' &&
    manifest.scripts !== null &&
    script in manifest.scripts
      ? Object.entries(manifest.scripts).find(([name]) => name === script)?.[1]
      : undefined;
  if (typeof line !== 'string') throw new Error(`package.json has no ${script} script`);
  const [first, ...rest] = line.replace(/^exec\s+/, '').split(/\s+/);
  if (first === undefined) throw new Error(`the ${script} script is empty`);
  return { command: first === 'node' ? process.execPath : first, args: rest };
}

function parseLine(line: string): LogLine | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value))
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts the bot with `env` (and PATH), by `npm start`'s command or, with `viaNpm`, through
 * `npm start` itself.
 */
export function spawnBot(
  env: Readonly<Record<string, string>>,
  options: { readonly viaNpm?: boolean; readonly script?: string } = {},
): BotProcess {
  const { command, args } = options.viaNpm
    ? { command: 'npm', args: ['start', '--silent'] }
    : startCommand(options.script);
  const child = spawn(command, args, {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
  });
  let output = '';
  const watchers: { match: (line: LogLine) => boolean; done: (line: LogLine) => void }[] = [];
  let pending = '';
  const parsed: LogLine[] = [];
  const take = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    pending += text;
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const raw of complete) {
      const line = parseLine(raw.trim());
      if (!line) continue;
      parsed.push(line);
      for (const watcher of [...watchers]) {
        if (watcher.match(line)) {
          watchers.splice(watchers.indexOf(watcher), 1);
          watcher.done(line);
        }
      }
    }
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  const matcher = (msg: string | RegExp) => (line: LogLine) =>
    typeof line['msg'] === 'string' &&
    (typeof msg === 'string' ? line['msg'] === msg : msg.test(line['msg']));
  return {
    child,
    output: () => output,
    lines: () => [...parsed],
    waitForLog(msg) {
      const match = matcher(msg);
      const found = parsed.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((done, fail) => {
        watchers.push({ match, done });
        void exited.then(({ code }) =>
          fail(new Error(`the bot exited (${code}) before logging "${String(msg)}":\n${output}`)),
        );
      });
    },
    exited,
  };
}
