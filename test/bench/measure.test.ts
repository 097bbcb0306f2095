import { describe, expect, it } from 'vitest';
import {
  latencyStats,
  median,
  percentile,
  scoreQuality,
  timeCalls,
  warmUp,
  type Clock,
} from '../../src/bench/measure.js';
import type { BenchQuestion } from '../../src/bench/synthetic.js';

/** A clock that moves only when told: each call to `call` below takes `stepMs`. */
function fakeClock(): { clock: Clock; advance: (ms: number) => void } {
  let now = 0n;
  return { clock: () => now, advance: (ms) => (now += BigInt(ms * 1_000_000)) };
}

describe('latency statistics', () => {
  it('takes the median and the nearest-rank percentile', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const sorted = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.99)).toBe(990);
    expect(percentile(sorted, 0.5)).toBe(500);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.99)).toBeNaN();
  });

  it('summarises latencies with questions per second', () => {
    const stats = latencyStats([1, 1, 2, 4])!;
    expect(stats.medianMs).toBe(1.5);
    expect(stats.maxMs).toBe(4);
    expect(stats.perSecond).toBe(500);
    expect(latencyStats([])).toBeUndefined();
  });
});

describe('timing under a budget', () => {
  it('times every input when the budget allows', () => {
    const { clock, advance } = fakeClock();
    const run = timeCalls(['a', 'b', 'c'], (q) => (advance(2), q.toUpperCase()), {
      budgetMs: 100,
      clock,
    });
    expect(run.results).toEqual(['A', 'B', 'C']);
    expect(run.latenciesMs).toEqual([2, 2, 2]);
    expect(run.limited).toBe(false);
  });

  it('stops once the budget is spent and keeps what it managed', () => {
    const { clock, advance } = fakeClock();
    const inputs = Array.from({ length: 1000 }, (_, i) => String(i));
    const run = timeCalls(inputs, (q) => (advance(9_000), q), { budgetMs: 60_000, clock });
    expect(run.results.length).toBe(7);
    expect(run.total).toBe(1000);
    expect(run.limited).toBe(true);
    expect(run.elapsedMs).toBe(63_000);
  });

  it('always makes at least one call, however slow', () => {
    const { clock, advance } = fakeClock();
    const run = timeCalls(['a', 'b'], (q) => (advance(90_000), q), { budgetMs: 30_000, clock });
    expect(run.results).toEqual(['a']);
  });

  it('skips the warm-up when one call is expected to outlast its budget', () => {
    const { clock, advance } = fakeClock();
    let calls = 0;
    const call = () => {
      calls += 1;
      advance(1);
    };
    expect(warmUp(['a', 'b'], call, { budgetMs: 3_000, expectedMs: 9_000, clock })).toBe(0);
    expect(calls).toBe(0);
    expect(warmUp(['a', 'b'], call, { budgetMs: 3_000, expectedMs: 1, clock })).toBe(2);
  });
});

describe('answer quality', () => {
  const questions: BenchQuestion[] = [
    { text: 'q1', kind: 'keyword', expect: 'a' },
    { text: 'q2', kind: 'typo', expect: 'b' },
    { text: 'q3', kind: 'typo', expect: 'c' },
    { text: 'q4', kind: 'reworded', expect: 'd' },
    { text: 'q5', kind: 'unseen', expect: null },
    { text: 'q6', kind: 'unknown-words', expect: null },
  ];

  it('counts right answers, did-you-mean offers, declines and wrong answers', () => {
    const q = scoreQuality(questions, [
      { status: 'answered', factId: 'a', candidates: [] },
      { status: 'answered', factId: 'x', candidates: [] },
      { status: 'ambiguous', factId: null, candidates: ['c', 'y'] },
      { status: 'no-match', factId: null, candidates: [] },
      { status: 'answered', factId: 'a', candidates: [] },
      { status: 'no-match', factId: null, candidates: [] },
    ]);
    expect(q).toMatchObject({
      answerable: 4,
      correct: 1,
      top1: 0.25,
      offered: 1,
      wrongFact: 1,
      unanswerable: 2,
      declined: 1,
      declineRate: 0.5,
      wrongAnswers: 1,
      wrongAnswerRate: 0.5,
    });
    expect(q.byKind.typo).toEqual({ count: 2, right: 0 });
    expect(q.byKind['unknown-words']).toEqual({ count: 1, right: 1 });
  });

  it('scores only the questions a budget-limited system answered', () => {
    const q = scoreQuality(questions, [{ status: 'answered', factId: 'a', candidates: [] }]);
    expect(q.answerable).toBe(1);
    expect(q.top1).toBe(1);
    expect(q.unanswerable).toBe(0);
    expect(q.declineRate).toBeNaN();
  });
});
