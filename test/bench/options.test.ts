import { describe, expect, it } from 'vitest';
import { DEFAULT_CHART, FULL_SIZES, parseOptions, QUICK_SIZES } from '../../src/bench/options.js';

describe('the benchmark command line', () => {
  it('runs every size with whole-process measurements and a chart by default', () => {
    const options = parseOptions([]);
    expect(options.sizes).toEqual(FULL_SIZES);
    expect(options.answerable).toBeGreaterThanOrEqual(1_000);
    expect(options.processes).toBe(true);
    expect(options.chart).toBe(DEFAULT_CHART);
    expect(options.json).toBe(false);
    expect(options.builds).toBe(3);
    expect(options.inProcess).toBe(false);
    expect(options.sizeProcess).toBe(false);
    expect(parseOptions(['--in-process']).inProcess).toBe(true);
  });

  it('keeps --quick to the two smaller sizes, fewer questions, no processes and no chart', () => {
    const options = parseOptions(['--quick']);
    expect(options.sizes).toEqual(QUICK_SIZES);
    expect(options.answerable).toBeLessThan(1_000);
    expect(options.processes).toBe(false);
    expect(options.chart).toBeNull();
    expect(options.budgetMs).toBeLessThan(parseOptions([]).budgetMs);
    expect(options.builds).toBe(1);
  });

  it('redraws the documentation chart only for a run of every size and system', () => {
    expect(parseOptions(['--budget=60']).chart).toBe(DEFAULT_CHART);
    expect(parseOptions(['--sizes=30,1000']).chart).toBeNull();
    expect(parseOptions(['--systems=almanac']).chart).toBeNull();
    expect(parseOptions(['--seed=2']).chart).toBeNull();
    expect(parseOptions(['--sizes=30', '--chart=/tmp/c.svg']).chart).toBe('/tmp/c.svg');
  });

  it('reads sizes, JSON output, budget and chart path', () => {
    const options = parseOptions([
      '--sizes=10000,30,1_000',
      '--json=out.json',
      '--budget=60',
      '--chart=x.svg',
      '--no-processes',
      '--builds=5',
    ]);
    expect(options.sizes).toEqual([30, 1_000, 10_000]);
    expect(options.json).toBe('out.json');
    expect(options.budgetMs).toBe(60_000);
    expect(options.chart).toBe('x.svg');
    expect(options.processes).toBe(false);
    expect(options.builds).toBe(5);
    expect(parseOptions(['--json']).json).toBe(true);
  });

  it('runs every system unless told which', () => {
    expect(parseOptions([]).systems).toEqual(['almanac', 'plain-fuse', 'tuned-fuse', 'minisearch']);
    expect(parseOptions(['--systems=almanac,minisearch']).systems).toEqual([
      'almanac',
      'minisearch',
    ]);
    expect(() => parseOptions(['--systems=lucene'])).toThrow('lucene');
  });

  it('refuses unknown options and bad numbers, naming them', () => {
    expect(() => parseOptions(['--fast'])).toThrow('--fast');
    expect(() => parseOptions(['--sizes=30,abc'])).toThrow('--sizes');
    expect(() => parseOptions(['--budget=0'])).toThrow('--budget');
    expect(() => parseOptions(['--builds=-1'])).toThrow('--builds');
    expect(() => parseOptions(['stray'])).toThrow('stray');
  });
});
