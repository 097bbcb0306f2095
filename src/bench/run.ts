import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, platform, release, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEMS, type SystemKey, type SystemSpec } from './baselines.js';
import { renderLatencyChart, type ChartSeries } from './chart.js';
import {
  garbageCollector,
  latencyStats,
  median,
  scoreQuality,
  settledHeap,
  timeCalls,
  warmUp,
} from './measure.js';
import { parseOptions, USAGE, type BenchOptions } from './options.js';
import { measureProcesses, PROJECT_ROOT } from './processes.js';
import type { BenchReport, MachineInfo, SizeResult, SystemResult } from './report.js';
import { benchVocabulary, generateCorpus, generateWorld, type Corpus } from './synthetic.js';
import {
  formatMs,
  formatReport,
  autocompleteLine,
  kindTable,
  ratioLines,
  sizeTable,
  targetLines,
} from './table.js';
import { checkTargets } from './targets.js';

/**
 * `npm run bench`: Almanac against plain fuse.js, a tuned fuse.js and MiniSearch on synthetic
 * packs of growing size: build time, latency, memory and answer quality, then whole-process
 * figures. See docs/PERFORMANCE.md.
 */

let options: BenchOptions;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(`\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

/** Tables go to stdout, unless stdout carries the JSON document. */
const out = (text: string) =>
  (options.json === true ? process.stderr : process.stdout).write(`${text}\n`);
const log = (text: string) => process.stderr.write(`  … ${text}\n`);
const hrMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

const gc = garbageCollector();
if (!gc) log('no garbage collector available: heap figures are approximate');

const machine: MachineInfo = {
  cpus: availableParallelism(),
  cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
  memoryBytes: totalmem(),
  node: process.version,
  platform: `${platform()} ${release()}`,
};

/** Median per question at the previous size, to skip a warm-up that would outlast its budget. */
const previous = new Map<SystemKey, { facts: number; medianMs: number }>();

/**
 * Almanac is the system under test: it gets every question, up to a much larger safety limit.
 * The time budget is for the baselines.
 */
const ALMANAC_LIMIT_MS = 600_000;

function runSystem(spec: SystemSpec, corpus: Corpus, facts: number): SystemResult {
  const packs = corpus.world.packs;
  const budgetMs = spec.key === 'almanac' ? ALMANAC_LIMIT_MS : options.budgetMs;
  const heapBefore = settledHeap(gc);
  const empty = {
    key: spec.key,
    name: spec.name,
    description: spec.description,
    heapPrecise: gc !== undefined,
    warmUpQuestions: 0,
    latency: null,
    autocomplete: null,
    quality: scoreQuality([], []),
    budget: {
      budgetMs,
      answered: 0,
      total: corpus.questions.length,
      elapsedMs: 0,
      limited: true,
    },
  };
  try {
    // The machine's other work shows most in one long build: the build time is the median of a
    // few, each from scratch; the last one is kept (and measured for memory).
    const buildRunsMs: number[] = [];
    const buildOnce = () => {
      const started = process.hrtime.bigint();
      const built = spec.build(packs);
      buildRunsMs.push(hrMs(started));
      return built;
    };
    for (let run = 1; run < options.builds; run++) {
      buildOnce();
      settledHeap(gc);
    }
    const system = buildOnce();
    const buildMs = median(buildRunsMs);
    const heapBytes = settledHeap(gc);
    log(
      `${spec.name}: built in ${formatMs(buildMs)}` +
        (buildRunsMs.length > 1 ? ` (median of ${buildRunsMs.map(formatMs).join(', ')})` : ''),
    );

    const before = previous.get(spec.key);
    const expectedMs = before ? (before.medianMs * facts) / before.facts : undefined;
    const warmUpQuestions = warmUp(
      corpus.warmUp.map((q) => q.text),
      (q) => system.ask(q),
      { budgetMs: budgetMs / 10, expectedMs },
    );
    const run = timeCalls(
      corpus.questions.map((q) => q.text),
      (q) => system.ask(q),
      { budgetMs },
    );
    const latency = latencyStats(run.latenciesMs) ?? null;
    log(
      `${spec.name}: ${run.results.length} question${run.results.length === 1 ? '' : 's'} in ${formatMs(run.elapsedMs)}${run.limited ? ' (budget ran out)' : ''}`,
    );

    let autocomplete: SystemResult['autocomplete'] = null;
    const complete = system.complete?.bind(system);
    if (complete) {
      warmUp(corpus.prefixes.slice(0, 100), complete, { budgetMs: budgetMs / 10 });
      const ac = timeCalls(corpus.prefixes, complete, { budgetMs });
      const stats = latencyStats(ac.latenciesMs);
      if (stats) {
        autocomplete = {
          ...stats,
          budget: {
            budgetMs,
            answered: ac.results.length,
            total: ac.total,
            elapsedMs: ac.elapsedMs,
            limited: ac.limited,
          },
        };
      }
    }
    return {
      ...empty,
      buildMs,
      buildRunsMs,
      heapBytes,
      indexBytes: Math.max(0, heapBytes - heapBefore),
      warmUpQuestions,
      latency,
      quality: scoreQuality(corpus.questions, run.results),
      autocomplete,
      budget: {
        budgetMs,
        answered: run.results.length,
        total: run.total,
        elapsedMs: run.elapsedMs,
        limited: run.limited,
      },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`${spec.name} failed: ${message}`);
    return {
      ...empty,
      buildMs: Number.NaN,
      buildRunsMs: [],
      heapBytes: Number.NaN,
      indexBytes: Number.NaN,
      error: message,
    };
  }
}

const vocabulary = benchVocabulary();

/** Generates the packs and questions of one size and runs every chosen system over them. */
function runSize(facts: number): SizeResult {
  log(`generating ${facts.toLocaleString('en-US')} facts`);
  const genStart = process.hrtime.bigint();
  const corpus = generateCorpus(vocabulary, {
    seed: options.seed,
    facts,
    answerable: options.answerable,
    unanswerable: options.unanswerable,
    warmUp: options.warmUp,
    prefixes: options.prefixes,
  });
  const generationMs = hrMs(genStart);
  const systems = SYSTEMS.filter((spec) => options.systems.includes(spec.key)).map((spec) =>
    runSystem(spec, corpus, facts),
  );
  return {
    facts,
    packs: corpus.world.packs.length,
    generationMs,
    answerable: options.answerable,
    unanswerable: options.unanswerable,
    systems,
  };
}

/** What a size process hears of the sizes before it: each system's median per question. */
const PREVIOUS_ENV = 'ALMANAC_BENCH_PREVIOUS';
const SCRIPT = fileURLToPath(import.meta.url);

/**
 * Runs one size in a fresh node process (see `BenchOptions.inProcess`), with the same options,
 * its progress on this process's standard error, and returns its figures.
 */
function runSizeInChild(facts: number): SizeResult {
  const forwarded = process.argv
    .slice(2)
    .filter(
      (arg) => !/^--(?:sizes|json|chart|no-chart|markdown|processes|no-processes)(?:=|$)/.test(arg),
    );
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      ...process.execArgv,
      SCRIPT,
      ...forwarded,
      `--sizes=${facts}`,
      '--size-process',
    ],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, [PREVIOUS_ENV]: JSON.stringify([...previous]) },
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
      encoding: 'utf8',
    },
  );
  if (child.status !== 0 || child.error) {
    throw new Error(
      `the ${facts.toLocaleString('en-US')}-fact run failed (${child.error?.message ?? `exit ${child.status ?? child.signal}`})`,
    );
  }
  // The child's own report, written by this same script: the shape is SizeResult.
  return JSON.parse(child.stdout) as SizeResult;
}

if (options.sizeProcess) {
  const before = process.env[PREVIOUS_ENV];
  // Written by the parent from this same map: the shape is the map's entries.
  if (before)
    for (const [key, value] of JSON.parse(before) as [
      SystemKey,
      { facts: number; medianMs: number },
    ][])
      previous.set(key, value);
  process.stdout.write(JSON.stringify(runSize(options.sizes[0]!)));
} else {
  await main();
}

async function main() {
  const startedAt = new Date().toISOString();
  out(
    `Almanac benchmark: ${machine.cpus} × ${machine.cpuModel}, ${(machine.memoryBytes / 1e9).toFixed(1)} GB, Node ${machine.node}` +
      `\nsizes ${options.sizes.join(', ')}; ${options.answerable} answerable and ${options.unanswerable} unanswerable questions per size; budget ${formatMs(options.budgetMs)} per baseline per size; seed ${options.seed}\n`,
  );

  const sizes: SizeResult[] = [];
  for (const facts of options.sizes) {
    const size = options.inProcess ? runSize(facts) : runSizeInChild(facts);
    for (const system of size.systems) {
      if (system.latency) previous.set(system.key, { facts, medianMs: system.latency.medianMs });
    }
    sizes.push(size);
    const packs = `${size.packs} pack${size.packs === 1 ? '' : 's'}`;
    out(
      `== ${facts.toLocaleString('en-US')} facts (${packs}, generated in ${formatMs(size.generationMs)}) ==\n`,
    );
    out(sizeTable(size));
    out('');
    for (const line of ratioLines(size)) out(line);
    const auto = autocompleteLine(size);
    if (auto) out(auto);
    out(`\nright per question kind:\n${kindTable(size)}\n`);
  }

  const processes = options.processes
    ? await measureProcesses({
        runs: options.processRuns,
        botTimeoutMs: options.botTimeoutMs,
        log,
        tenThousand: () =>
          generateWorld(vocabulary, { seed: options.seed + 1, facts: 10_000, unseen: 0 }).packs,
      })
    : null;

  const report: BenchReport = {
    startedAt,
    machine,
    options: {
      seed: options.seed,
      sizes: options.sizes,
      answerable: options.answerable,
      unanswerable: options.unanswerable,
      prefixes: options.prefixes,
      budgetMs: options.budgetMs,
      quick: options.quick,
    },
    sizes,
    processes,
    targets: checkTargets(sizes, processes),
  };

  if (options.markdown) {
    out(formatReport(report, { markdown: true }));
  } else {
    if (processes) out(formatReport({ ...report, sizes: [], targets: [] }));
    out(`targets:\n${targetLines(report.targets).join('\n')}`);
  }

  if (options.chart) {
    const series: ChartSeries[] = SYSTEMS.filter((spec) => options.systems.includes(spec.key)).map(
      (spec) => ({
        name: spec.name,
        points: sizes.flatMap((size) => {
          const s = size.systems.find((x) => x.key === spec.key);
          return s?.latency
            ? [{ facts: size.facts, medianMs: s.latency.medianMs, partial: s.budget.limited }]
            : [];
        }),
      }),
    );
    const path = resolve(PROJECT_ROOT, options.chart);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, renderLatencyChart(series));
    log(`chart written to ${path}`);
  }

  if (options.json !== false) {
    const text = `${JSON.stringify(report, null, 2)}\n`;
    if (options.json === true) process.stdout.write(text);
    else {
      await writeFile(resolve(options.json), text);
      log(`JSON written to ${options.json}`);
    }
  }
}
