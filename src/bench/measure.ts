import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Verdict } from '../eval/evaluate.js';
import type { BenchQuestion, QuestionKind } from './synthetic.js';

/** A monotonic clock in nanoseconds. */
export type Clock = () => bigint;

export const hrClock: Clock = () => process.hrtime.bigint();

const NS_PER_MS = 1_000_000;

export interface TimedRun<T> {
  /** The wall time of each call made, in milliseconds, in order. */
  readonly latenciesMs: number[];
  /** What each call returned, in order: as many as there are latencies. */
  readonly results: T[];
  /** How many inputs there were. */
  readonly total: number;
  /** Wall time of the whole loop, in milliseconds. */
  readonly elapsedMs: number;
  /** True when the budget ran out before every input was done. */
  readonly limited: boolean;
}

/**
 * Calls `call` on each input in turn, timing each call alone. Stops, after the call under way,
 * once `budgetMs` of wall time has gone: a system too slow for the budget is measured on the
 * inputs it managed.
 */
export function timeCalls<T>(
  inputs: readonly string[],
  call: (input: string) => T,
  options: { readonly budgetMs: number; readonly clock?: Clock },
): TimedRun<T> {
  const clock = options.clock ?? hrClock;
  const budgetNs = BigInt(Math.round(options.budgetMs * NS_PER_MS));
  const latenciesMs: number[] = [];
  const results: T[] = [];
  const start = clock();
  let now = start;
  for (const input of inputs) {
    if (now - start >= budgetNs) break;
    const before = clock();
    const result = call(input);
    now = clock();
    latenciesMs.push(Number(now - before) / NS_PER_MS);
    results.push(result);
  }
  return {
    latenciesMs,
    results,
    total: inputs.length,
    elapsedMs: Number(now - start) / NS_PER_MS,
    limited: results.length < inputs.length,
  };
}

/**
 * Runs inputs untimed so the JIT settles, for at most `budgetMs`. When one call is expected to
 * take longer than that (`expectedMs`, e.g. scaled from a smaller size), it skips the warm-up:
 * the code paths are warm from the smaller sizes already.
 */
export function warmUp(
  inputs: readonly string[],
  call: (input: string) => unknown,
  options: { readonly budgetMs: number; readonly expectedMs?: number; readonly clock?: Clock },
): number {
  if (options.expectedMs !== undefined && options.expectedMs > options.budgetMs) return 0;
  return timeCalls(inputs, call, options).results.length;
}

/** The value at fraction `p` of sorted values, by the nearest-rank method (p99 of 1,000 = the 990th). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface LatencyStats {
  readonly count: number;
  readonly medianMs: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly maxMs: number;
  /** Questions per second, one after another on one thread. */
  readonly perSecond: number;
}

export function latencyStats(latenciesMs: readonly number[]): LatencyStats | undefined {
  if (latenciesMs.length === 0) return undefined;
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    count: sorted.length,
    medianMs: median(sorted),
    p99Ms: percentile(sorted, 0.99),
    meanMs: sum / sorted.length,
    maxMs: sorted.at(-1)!,
    perSecond: sum > 0 ? (sorted.length * 1000) / sum : Number.POSITIVE_INFINITY,
  };
}

export interface KindScore {
  readonly count: number;
  /** Answerable: answered with the right fact. Unanswerable: declined. */
  readonly right: number;
}

/** How well a system answered, over the questions it was asked. */
export interface Quality {
  readonly answerable: number;
  /** Answered with the expected fact (for a baseline: the expected fact is its top hit). */
  readonly correct: number;
  readonly top1: number;
  /** Asked "did you mean" with the expected fact among the choices. */
  readonly offered: number;
  /** Answerable questions answered with another fact. */
  readonly wrongFact: number;
  readonly unanswerable: number;
  readonly declined: number;
  readonly declineRate: number;
  /** Unanswerable questions answered with some fact anyway. */
  readonly wrongAnswers: number;
  readonly wrongAnswerRate: number;
  readonly byKind: Partial<Record<QuestionKind, KindScore>>;
}

const ratio = (n: number, d: number) => (d === 0 ? Number.NaN : n / d);

/** Scores verdicts against the questions they answer (`verdicts[i]` for `questions[i]`). */
export function scoreQuality(
  questions: readonly BenchQuestion[],
  verdicts: readonly Verdict[],
): Quality {
  let answerable = 0;
  let correct = 0;
  let offered = 0;
  let wrongFact = 0;
  let unanswerable = 0;
  let declined = 0;
  let wrongAnswers = 0;
  const byKind: Partial<Record<QuestionKind, { count: number; right: number }>> = {};
  verdicts.forEach((verdict, i) => {
    const question = questions[i];
    if (!question) return;
    const kind = (byKind[question.kind] ??= { count: 0, right: 0 });
    kind.count += 1;
    if (question.expect === null) {
      unanswerable += 1;
      if (verdict.status === 'no-match') {
        declined += 1;
        kind.right += 1;
      }
      if (verdict.status === 'answered') wrongAnswers += 1;
      return;
    }
    answerable += 1;
    if (verdict.status === 'answered' && verdict.factId === question.expect) {
      correct += 1;
      kind.right += 1;
    } else if (verdict.status === 'answered') wrongFact += 1;
    else if (verdict.status === 'ambiguous' && verdict.candidates.includes(question.expect)) {
      offered += 1;
    }
  });
  return {
    answerable,
    correct,
    top1: ratio(correct, answerable),
    offered,
    wrongFact,
    unanswerable,
    declined,
    declineRate: ratio(declined, unanswerable),
    wrongAnswers,
    wrongAnswerRate: ratio(wrongAnswers, unanswerable),
    byKind,
  };
}

/**
 * A full garbage collection, when one can be had: `global.gc` under `--expose-gc`, otherwise the
 * same function obtained by turning the flag on at run time. Undefined if neither works, and heap
 * figures are then approximate.
 */
export function garbageCollector(): (() => void) | undefined {
  if (typeof globalThis.gc === 'function') {
    const gc = globalThis.gc;
    return () => void gc();
  }
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    if (typeof gc === 'function') return () => void gc();
  } catch {
    // The flag cannot be set in this runtime: heap figures stay approximate.
  }
  return undefined;
}

/**
 * Memory held by JavaScript after a full collection (run twice, so finalizers settle): the heap
 * in use plus array buffers, which hold typed arrays' contents outside the heap.
 */
export function settledHeap(gc: (() => void) | undefined): number {
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}
