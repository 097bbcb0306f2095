import { describe, expect, it } from 'vitest';
import {
  decadeRange,
  escapeXml,
  factsLabel,
  latencyLabel,
  renderLatencyChart,
  type ChartSeries,
} from '../../src/bench/chart.js';

const SERIES: ChartSeries[] = [
  {
    name: 'Almanac',
    points: [
      { facts: 30, medianMs: 0.05 },
      { facts: 1_000, medianMs: 0.3 },
      { facts: 10_000, medianMs: 1.2 },
      { facts: 100_000, medianMs: 9 },
    ],
  },
  {
    name: 'plain fuse.js',
    points: [
      { facts: 30, medianMs: 20 },
      { facts: 1_000, medianMs: 800 },
      { facts: 10_000, medianMs: 8_000, partial: true },
      { facts: 100_000, medianMs: 85_000, partial: true },
    ],
  },
  { name: 'MiniSearch <BM25> & co', points: [{ facts: 30, medianMs: 0.2 }] },
];

/** Checks that every tag is closed in order; returns the tag names seen. */
function parseTags(svg: string): string[] {
  const tag = /<(?<close>\/?)(?<name>[a-z][\w:-]*)(?:\s+[\w:-]+="[^"<]*")*\s*(?<empty>\/?)>/gi;
  const stack: string[] = [];
  const names: string[] = [];
  for (const match of svg.matchAll(tag)) {
    const { close, name = '', empty } = match.groups ?? {};
    if (close) {
      expect(stack.pop()).toBe(name);
    } else {
      names.push(name);
      if (!empty) stack.push(name);
    }
  }
  expect(stack).toEqual([]);
  // Nothing that looks like markup is left outside the tags matched above.
  const stripped = svg.replace(tag, '');
  expect(stripped).not.toMatch(/[<>]/);
  expect(stripped).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
  return names;
}

describe('the latency chart', () => {
  const svg = renderLatencyChart(SERIES);

  it('is a well-formed SVG document', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const names = parseTags(svg);
    expect(names[0]).toBe('svg');
    expect(names.filter((n) => n === 'svg').length).toBe(1);
  });

  it('draws one line and one legend entry per engine', () => {
    expect(svg.match(/<polyline class="series"/g)?.length).toBe(3);
    expect(svg.match(/<g class="legend-entry">/g)?.length).toBe(3);
    expect(svg).toContain('>Almanac</text>');
    expect(svg).toContain('>plain fuse.js</text>');
    expect(svg).toContain('MiniSearch &lt;BM25&gt; &amp; co');
  });

  it('has logarithmic axes: each power of ten labelled and evenly spaced', () => {
    const xTicks = [...svg.matchAll(/class="x-tick" data-value="(\d+)" x1="([\d.]+)"/g)].map(
      (m) => [Number(m[1]), Number(m[2])] as const,
    );
    expect(xTicks.map(([v]) => v)).toEqual([10, 100, 1_000, 10_000, 100_000]);
    const xSteps = xTicks.slice(1).map(([, x], i) => x - xTicks[i]![1]);
    for (const step of xSteps) expect(step).toBeCloseTo(xSteps[0]!, 0);
    for (const label of ['10', '100', '1k', '10k', '100k']) {
      expect(svg).toContain(`class="x-label"`);
      expect(svg).toMatch(new RegExp(`class="x-label"[^>]*>${label}<`));
    }

    const yTicks = [
      ...svg.matchAll(/class="y-tick" data-value="([\d.e-]+)" x1="[\d.]+" y1="([\d.]+)"/g),
    ].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(yTicks[0]![0]).toBeCloseTo(0.01);
    expect(yTicks.at(-1)![0]).toBe(100_000);
    const ySteps = yTicks.slice(1).map(([, y], i) => yTicks[i]![1] - y);
    for (const step of ySteps) expect(step).toBeCloseTo(ySteps[0]!, 0);
    for (const label of ['10 µs', '1 ms', '1 s', '100 s'])
      expect(svg).toContain(`>${label}</text>`);
  });

  it('places a point by the logarithm of its value', () => {
    const almanac = /data-engine="Almanac">\s*<polyline class="series" points="([^"]+)"/.exec(svg);
    const points = (almanac?.[1] ?? '').split(' ').map((p) => p.split(',').map(Number));
    // 1,000 facts sits halfway (in log terms) between 100 and 10,000.
    const x1000 = points[1]![0]!;
    const ticks = [...svg.matchAll(/class="x-tick" data-value="\d+" x1="([\d.]+)"/g)];
    const x100 = Number(ticks[1]![1]);
    const x10k = Number(ticks[3]![1]);
    expect(x1000).toBeCloseTo((x100 + x10k) / 2, 0);
  });

  it('draws points measured on part of the questions hollow, and says so', () => {
    expect(svg).toContain('time budget ran out');
    expect(svg).toMatch(/<circle [^>]*fill="#ffffff"/);
  });
});

describe('chart helpers', () => {
  it('labels pack sizes and latencies readably', () => {
    expect([10, 100, 1_000, 10_000, 100_000, 1_000_000].map(factsLabel)).toEqual([
      '10',
      '100',
      '1k',
      '10k',
      '100k',
      '1M',
    ]);
    expect([0.001, 0.01, 0.1, 1, 10, 1_000, 10_000].map(latencyLabel)).toEqual([
      '1 µs',
      '10 µs',
      '100 µs',
      '1 ms',
      '10 ms',
      '1 s',
      '10 s',
    ]);
  });

  it('spans the values with whole powers of ten', () => {
    expect(decadeRange([30, 100_000])).toEqual([1, 5]);
    expect(decadeRange([0.05, 85_000])).toEqual([-2, 5]);
    expect(decadeRange([1])).toEqual([0, 1]);
    expect(decadeRange([])).toEqual([0, 1]);
  });

  it('escapes text for XML', () => {
    expect(escapeXml('a < b & "c" > d')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
  });
});
