import type { SystemKey } from './baselines.js';
import type { LatencyStats, Quality } from './measure.js';

/** The figures the benchmark writes, as one JSON document with `--json`. */

export interface BudgetUse {
  readonly budgetMs: number;
  /** Questions timed before the budget ran out. */
  readonly answered: number;
  readonly total: number;
  readonly elapsedMs: number;
  readonly limited: boolean;
}

export interface SystemResult {
  readonly key: SystemKey;
  readonly name: string;
  readonly description: string;
  /** The median of {@link buildRunsMs}. */
  readonly buildMs: number;
  /** Each build's wall time, in the order run. */
  readonly buildRunsMs: readonly number[];
  /** Heap plus array buffers in use after the build, the packs included. */
  readonly heapBytes: number;
  /** What the build added to that: the index itself. */
  readonly indexBytes: number;
  /** False when no full garbage collection was available and heap figures are approximate. */
  readonly heapPrecise: boolean;
  readonly warmUpQuestions: number;
  readonly latency: LatencyStats | null;
  readonly budget: BudgetUse;
  readonly quality: Quality;
  /** Autocomplete latency, for systems that offer it. */
  readonly autocomplete: (LatencyStats & { readonly budget: BudgetUse }) | null;
  /** Set when the system failed at this size. */
  readonly error?: string;
}

export interface SizeResult {
  readonly facts: number;
  readonly packs: number;
  readonly generationMs: number;
  readonly answerable: number;
  readonly unanswerable: number;
  readonly systems: readonly SystemResult[];
}

export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryBytes: number;
  readonly node: string;
  readonly platform: string;
}

export type Availability<T> =
  ({ readonly available: true } & T) | { readonly available: false; readonly reason: string };

export interface ProcessTiming {
  readonly runs: readonly number[];
  readonly medianMs: number;
  /** The median of the resident memory read in each run, where it was read. */
  readonly rssBytes?: number;
}

/** A command's start-up: timed as `npm run <script>` runs it, without npm itself. */
export interface StartUp extends ProcessTiming {
  /** The command line, for the report. */
  readonly entry: string;
}

export interface BotMemory {
  readonly facts: number;
  readonly rssBytes: number;
  /** From start to the bot's ready line. */
  readonly readyMs: number;
  /** The command line, for the report. */
  readonly entry: string;
  /** How many starts `rssBytes` (the median) and `readyMs` are the median of; one when absent. */
  readonly runs?: number;
  /** Resident memory after each count of questions, when the run asked any. */
  readonly afterQuestions?: readonly { readonly questions: number; readonly rssBytes: number }[];
}

export interface ProcessReport {
  readonly bareNode: Availability<ProcessTiming>;
  /** Resident memory of an idle bare node. */
  readonly bareNodeIdle: Availability<{ readonly rssBytes: number }>;
  readonly discordImport: Availability<ProcessTiming>;
  /** Resident memory of an idle node that has loaded discord.js. */
  readonly discordIdle: Availability<{ readonly rssBytes: number }>;
  /** `npm start` without a token, to the first prompt, the bundled pack. */
  readonly consoleBundled: Availability<StartUp>;
  /** `npm run dev` the same way: the sources through tsx, for comparison. */
  readonly consoleSources: Availability<StartUp>;
  /** `npm run ask -- "question"` to its exit, the bundled pack. */
  readonly askBundled: Availability<StartUp>;
  readonly consoleTenThousand: Availability<StartUp>;
  readonly askTenThousand: Availability<StartUp>;
  readonly botBundled: Availability<BotMemory>;
  readonly botTenThousand: Availability<BotMemory>;
  /** The bot on the bundled pack, sampled as questions come in. */
  readonly botAsked: Availability<BotMemory>;
}

export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  /** Null when the run did not measure it (size not run). */
  readonly met: boolean | null;
}

export interface BenchReport {
  readonly startedAt: string;
  readonly machine: MachineInfo;
  readonly options: {
    readonly seed: number;
    readonly sizes: readonly number[];
    readonly answerable: number;
    readonly unanswerable: number;
    readonly prefixes: number;
    readonly budgetMs: number;
    readonly quick: boolean;
  };
  readonly sizes: readonly SizeResult[];
  readonly processes: ProcessReport | null;
  readonly targets: readonly TargetCheck[];
}
