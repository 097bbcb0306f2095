import { describe, expect, it } from 'vitest';
import { scoreQuality } from '../../src/bench/measure.js';
import type { SizeResult, SystemResult } from '../../src/bench/report.js';
import {
  compareCost,
  formatBudget,
  formatBytes,
  formatFactor,
  formatMs,
  formatPercent,
  formatRate,
  kindTable,
  ratioLines,
  renderTable,
  sizeTable,
} from '../../src/bench/table.js';

function system(
  overrides: Partial<SystemResult> & Pick<SystemResult, 'key' | 'name'>,
): SystemResult {
  return {
    description: '',
    buildMs: 100,
    buildRunsMs: [100],
    heapBytes: 50e6,
    indexBytes: 10e6,
    heapPrecise: true,
    warmUpQuestions: 10,
    latency: { count: 1000, medianMs: 0.2, p99Ms: 1, meanMs: 0.3, maxMs: 2, perSecond: 3_333 },
    budget: { budgetMs: 60_000, answered: 1000, total: 1000, elapsedMs: 300, limited: false },
    quality: scoreQuality(
      [
        { text: 'a', kind: 'keyword', expect: 'x' },
        { text: 'b', kind: 'unseen', expect: null },
      ],
      [
        { status: 'answered', factId: 'x', candidates: [] },
        { status: 'no-match', factId: null, candidates: [] },
      ],
    ),
    autocomplete: null,
    ...overrides,
  };
}

const size: SizeResult = {
  facts: 10_000,
  packs: 20,
  generationMs: 900,
  answerable: 1,
  unanswerable: 1,
  systems: [
    system({ key: 'almanac', name: 'Almanac' }),
    system({
      key: 'plain-fuse',
      name: 'plain fuse.js',
      buildMs: 50,
      indexBytes: 5e6,
      latency: { count: 7, medianMs: 170, p99Ms: 900, meanMs: 200, maxMs: 900, perSecond: 5 },
      budget: { budgetMs: 60_000, answered: 7, total: 1000, elapsedMs: 60_400, limited: true },
    }),
  ],
};

describe('number formatting', () => {
  it('writes durations with sensible precision and units', () => {
    expect(formatMs(0.04213)).toBe('0.042 ms');
    expect(formatMs(3.14159)).toBe('3.14 ms');
    expect(formatMs(42.42)).toBe('42.4 ms');
    expect(formatMs(420.4)).toBe('420 ms');
    expect(formatMs(9_400)).toBe('9.40 s');
    expect(formatMs(60_400)).toBe('60.4 s');
    expect(formatMs(undefined)).toBe('—');
    expect(formatMs(Number.NaN)).toBe('—');
  });

  it('writes sizes in megabytes, shares as percentages and rates per second', () => {
    expect(formatBytes(312.44e6)).toBe('312.4 MB');
    expect(formatBytes(2.5e6)).toBe('2.50 MB');
    expect(formatPercent(0.9731)).toBe('97.3%');
    expect(formatPercent(Number.NaN)).toBe('—');
    expect(formatRate(12_345.6)).toBe('12,346/s');
    expect(formatRate(1.5)).toBe('1.50/s');
  });

  it('writes factors as whole numbers from ten up', () => {
    expect(formatFactor(850.4)).toBe('850×');
    expect(formatFactor(1_234.5)).toBe('1,235×');
    expect(formatFactor(2.14)).toBe('2.1×');
  });

  it('compares a cost with Almanac in words', () => {
    expect(compareCost(170, 0.2)).toBe('850× slower');
    expect(compareCost(0.1, 0.21)).toBe('2.1× faster');
    expect(compareCost(1.02, 1)).toBe('about the same');
    expect(compareCost(30e6, 10e6, 'larger', 'smaller')).toBe('3.0× larger');
    expect(compareCost(undefined, 1)).toBe('—');
    expect(compareCost(0, 1)).toBe('—');
  });
});

describe('tables', () => {
  it('aligns text left and numbers right', () => {
    const table = renderTable(
      ['engine', 'median'],
      [
        ['Almanac', '0.2 ms'],
        ['plain fuse.js', '170 ms'],
      ],
    );
    expect(table.split('\n')).toEqual([
      'engine         median',
      '-------------  ------',
      'Almanac        0.2 ms',
      'plain fuse.js  170 ms',
    ]);
  });

  it('writes Markdown tables with right-aligned number columns and escaped pipes', () => {
    const table = renderTable(['engine', 'median'], [['a|b', '1 ms']], { markdown: true });
    expect(table.split('\n')).toEqual([
      '| engine | median |',
      '| --- | ---: |',
      '| a\\|b | 1 ms |',
    ]);
  });

  it('reports a system that ran out of time budget with the questions it managed', () => {
    expect(formatBudget(size.systems[1]!)).toBe('budget: answered 7 of 1,000 questions in 60.4 s');
    expect(formatBudget(size.systems[0]!)).toBe('1,000');
    const table = sizeTable(size);
    expect(table).toContain('budget: answered 7 of 1,000 questions in 60.4 s');
    expect(table.split('\n').length).toBe(4);
  });

  it('states each baseline as a ratio to Almanac', () => {
    expect(ratioLines(size)).toEqual([
      'plain fuse.js: 850× slower median, 900× slower p99, build 2.0× faster, index 2.0× smaller, top-1 100.0% vs 100.0%',
    ]);
  });

  it('breaks answers down by question kind', () => {
    const table = kindTable(size);
    expect(table.split('\n')[0]).toContain('unseen (declined)');
    expect(table).toContain('100.0%');
  });
});
