/** The benchmark's command line. */

export const FULL_SIZES: readonly number[] = [30, 1_000, 10_000, 100_000];
export const QUICK_SIZES: readonly number[] = [30, 1_000];
export const DEFAULT_CHART = 'docs/bench/latency.svg';

export const SYSTEM_KEYS = ['almanac', 'plain-fuse', 'tuned-fuse', 'minisearch'] as const;

export interface BenchOptions {
  readonly sizes: readonly number[];
  /** Which systems to run (all by default). */
  readonly systems: readonly (typeof SYSTEM_KEYS)[number][];
  readonly quick: boolean;
  /** `true`: the JSON document goes to stdout; a string: to that file; false: none. */
  readonly json: boolean | string;
  /** Markdown tables at the end instead of plain ones. */
  readonly markdown: boolean;
  readonly seed: number;
  readonly answerable: number;
  readonly unanswerable: number;
  readonly warmUp: number;
  readonly prefixes: number;
  /** Wall time each baseline gets per size for its questions (Almanac answers them all). */
  readonly budgetMs: number;
  /** How many times each system's index is built per size: the build time is their median. */
  readonly builds: number;
  readonly processes: boolean;
  readonly processRuns: number;
  readonly botTimeoutMs: number;
  /** Where the chart goes, or null for no chart. */
  readonly chart: string | null;
  /**
   * False: every size runs in a process of its own, so that no size's figures depend on what
   * ran before it (the heap and the compiled code the other systems leave behind).
   */
  readonly inProcess: boolean;
  /** Set in such a process: run the one size given and print its figures as JSON. */
  readonly sizeProcess: boolean;
  readonly help: boolean;
}

export const USAGE = `npm run bench -- [options]

  --quick            the two smaller sizes, fewer questions, a short budget, no whole-process
                     measurements and no chart: checks in well under a minute that it runs
  --sizes=30,1000    pack sizes to run (default 30,1000,10000,100000)
  --systems=almanac  systems to run, of ${SYSTEM_KEYS.join(', ')} (default all)
  --json[=path]      the figures as one JSON document on stdout (tables go to stderr), or to a file
  --markdown         print the tables as Markdown at the end
  --budget=seconds   wall time per baseline per size for its questions (default 20; quick 4)
  --questions=n      answerable questions per size (default 1000; quick 200); half as many unanswerable
  --seed=n           generator seed (default 1)
  --builds=n         builds per system per size, the build time being their median (default 3;
                     quick 1)
  --processes        measure whole processes even with --quick
  --no-processes     skip the whole-process measurements
  --process-runs=n   timed runs per process measurement (default 5)
  --bot-timeout=s    how long the bot may take to log in (default 180)
  --chart=path       where the SVG chart goes (default: ${DEFAULT_CHART}, but only for a run of
                     every size and system with the default questions and seed)
  --no-chart         draw no chart
  --in-process       run every size in this process (default: a fresh process per size)
  --help             this text`;

function positiveInt(name: string, value: string): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n <= 0)
    throw new RangeError(`${name} must be a positive whole number`);
  return n;
}

/** Parses the arguments; throws a RangeError naming the bad one. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const flags = new Map<string, string | true>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new RangeError(`unknown argument "${arg}"`);
    flags.set(match[1]!, match[2] ?? true);
  }
  const known = new Set([
    'quick',
    'sizes',
    'systems',
    'json',
    'markdown',
    'budget',
    'questions',
    'seed',
    'builds',
    'processes',
    'no-processes',
    'process-runs',
    'bot-timeout',
    'chart',
    'no-chart',
    'in-process',
    'size-process',
    'help',
  ]);
  for (const name of flags.keys()) {
    if (!known.has(name)) throw new RangeError(`unknown option --${name}`);
  }
  const value = (name: string): string | undefined => {
    const v = flags.get(name);
    if (v === true) throw new RangeError(`--${name} needs a value (--${name}=…)`);
    return v;
  };

  const quick = flags.has('quick');
  const sizesText = value('sizes');
  const sizes = sizesText
    ? sizesText.split(',').map((s) => positiveInt('--sizes', s.trim()))
    : quick
      ? QUICK_SIZES
      : FULL_SIZES;
  const systemsText = value('systems');
  const systems = systemsText
    ? systemsText.split(',').map((name) => {
        const key = SYSTEM_KEYS.find((k) => k === name.trim());
        if (!key) throw new RangeError(`--systems: unknown system "${name}"`);
        return key;
      })
    : [...SYSTEM_KEYS];
  const questions = value('questions');
  const answerable = questions ? positiveInt('--questions', questions) : quick ? 200 : 1_000;
  const budget = value('budget');
  const json = flags.get('json');
  const chart = flags.get('chart');
  if (chart === true) throw new RangeError('--chart needs a path (--chart=…)');
  const seed = value('seed');
  const builds = value('builds');
  const runs = value('process-runs');
  const botTimeout = value('bot-timeout');

  // Only a run over every size and system redraws the chart in the docs, unless told where.
  const fullRun =
    !quick &&
    sizesText === undefined &&
    systemsText === undefined &&
    questions === undefined &&
    seed === undefined;
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    systems: [...new Set(systems)],
    quick,
    json: json === undefined ? false : json,
    markdown: flags.has('markdown'),
    seed: seed === undefined ? 1 : positiveInt('--seed', seed),
    answerable,
    unanswerable: Math.max(2, Math.round(answerable / 2)),
    warmUp: quick ? 50 : 200,
    prefixes: quick ? 200 : 1_000,
    budgetMs: (budget === undefined ? (quick ? 4 : 20) : positiveInt('--budget', budget)) * 1000,
    builds: builds === undefined ? (quick ? 1 : 3) : positiveInt('--builds', builds),
    processes: flags.has('no-processes') ? false : flags.has('processes') || !quick,
    processRuns: runs === undefined ? 5 : positiveInt('--process-runs', runs),
    botTimeoutMs:
      (botTimeout === undefined ? 180 : positiveInt('--bot-timeout', botTimeout)) * 1000,
    chart: flags.has('no-chart') ? null : (chart ?? (fullRun ? DEFAULT_CHART : null)),
    inProcess: flags.has('in-process'),
    sizeProcess: flags.has('size-process'),
    help: flags.has('help'),
  };
}
