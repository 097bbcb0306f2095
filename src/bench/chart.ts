/**
 * The latency chart: median latency per question against pack size, both axes logarithmic, one
 * line per engine. A hand-written SVG string, so the chart needs no dependency.
 */

export interface ChartPoint {
  readonly facts: number;
  readonly medianMs: number;
  /** Measured on only part of the questions (the time budget ran out). */
  readonly partial?: boolean;
}

export interface ChartSeries {
  readonly name: string;
  readonly points: readonly ChartPoint[];
}

export interface ChartOptions {
  readonly title?: string;
  readonly width?: number;
  readonly height?: number;
}

const COLORS = ['#c2410c', '#2563eb', '#16a34a', '#7c3aed', '#0891b2', '#db2777'];

/** Escapes text for use in SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** "10", "100", "1k", "10k", "100k", "1M". */
export function factsLabel(value: number): string {
  if (value >= 1e6) return `${value / 1e6}M`;
  if (value >= 1e3) return `${value / 1e3}k`;
  return String(value);
}

/** "1 µs", "10 µs", "100 µs", "1 ms", "10 ms", "100 ms", "1 s", "10 s". */
export function latencyLabel(ms: number): string {
  if (ms >= 1000) return `${ms / 1000} s`;
  if (ms >= 1) return `${ms} ms`;
  const us = Math.round(ms * 1e6) / 1e3;
  return us >= 1 ? `${us} µs` : `${Math.round(ms * 1e9) / 1e3} ns`;
}

/** The powers of ten spanning `values`, as exponents: [lowest, highest]. */
export function decadeRange(values: readonly number[]): [number, number] {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length === 0) return [0, 1];
  const low = Math.floor(Math.log10(Math.min(...positive)));
  const high = Math.ceil(Math.log10(Math.max(...positive)));
  return [low, high > low ? high : low + 1];
}

const fixed = (n: number) => Number(n.toFixed(1));

/** Renders the chart. Points with a non-positive median are left out (a log axis has no zero). */
export function renderLatencyChart(
  series: readonly ChartSeries[],
  options: ChartOptions = {},
): string {
  const width = options.width ?? 760;
  const height = options.height ?? 440;
  const title = options.title ?? 'Median latency per question against pack size';
  const margin = { left: 84, right: 180, top: 48, bottom: 64 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;

  const points = series.flatMap((s) => s.points.filter((p) => p.medianMs > 0 && p.facts > 0));
  const [x0, x1] = decadeRange(points.map((p) => p.facts));
  const [y0, y1] = decadeRange(points.map((p) => p.medianMs));
  const x = (facts: number) => margin.left + ((Math.log10(facts) - x0) / (x1 - x0)) * plotW;
  const y = (ms: number) => margin.top + plotH - ((Math.log10(ms) - y0) / (y1 - y0)) * plotH;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="600" fill="#111827">${escapeXml(title)}</text>`,
  );

  // Grid and ticks: a labelled line at each power of ten, faint lines at 2..9 times it.
  const grid: string[] = [];
  for (let e = x0; e <= x1; e++) {
    const value = 10 ** e;
    const px = fixed(x(value));
    grid.push(
      `<line class="x-tick" data-value="${value}" x1="${px}" y1="${margin.top}" x2="${px}" y2="${margin.top + plotH}" stroke="#d1d5db"/>`,
      `<text class="x-label" x="${px}" y="${margin.top + plotH + 18}" text-anchor="middle" fill="#374151">${factsLabel(value)}</text>`,
    );
    for (let m = 2; m < 10 && e < x1; m++) {
      const mx = fixed(x(m * value));
      grid.push(
        `<line x1="${mx}" y1="${margin.top}" x2="${mx}" y2="${margin.top + plotH}" stroke="#f3f4f6"/>`,
      );
    }
  }
  for (let e = y0; e <= y1; e++) {
    const value = 10 ** e;
    const py = fixed(y(value));
    grid.push(
      `<line class="y-tick" data-value="${value}" x1="${margin.left}" y1="${py}" x2="${margin.left + plotW}" y2="${py}" stroke="#d1d5db"/>`,
      `<text class="y-label" x="${margin.left - 8}" y="${py + 4}" text-anchor="end" fill="#374151">${escapeXml(latencyLabel(value))}</text>`,
    );
    for (let m = 2; m < 10 && e < y1; m++) {
      const my = fixed(y(m * value));
      grid.push(
        `<line x1="${margin.left}" y1="${my}" x2="${margin.left + plotW}" y2="${my}" stroke="#f3f4f6"/>`,
      );
    }
  }
  out.push(`<g class="grid">`, ...grid, `</g>`);
  out.push(
    `<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#6b7280"/>`,
    `<text x="${margin.left + plotW / 2}" y="${height - 20}" text-anchor="middle" fill="#111827">facts in the packs (log scale)</text>`,
    `<text transform="translate(20 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#111827">median latency per question (log scale)</text>`,
  );

  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length]!;
    const shown = s.points
      .filter((p) => p.medianMs > 0 && p.facts > 0)
      .sort((a, b) => a.facts - b.facts);
    const coords = shown.map((p) => `${fixed(x(p.facts))},${fixed(y(p.medianMs))}`).join(' ');
    out.push(
      `<g class="engine" data-engine="${escapeXml(s.name)}">`,
      `<polyline class="series" points="${coords}" fill="none" stroke="${color}" stroke-width="2.5" stroke-linejoin="round"/>`,
      ...shown.map(
        (p) =>
          `<circle cx="${fixed(x(p.facts))}" cy="${fixed(y(p.medianMs))}" r="4" fill="${p.partial ? '#ffffff' : color}" stroke="${color}" stroke-width="2"><title>${escapeXml(`${s.name}, ${p.facts.toLocaleString('en-US')} facts: median ${Number(p.medianMs.toPrecision(3))} ms${p.partial ? ' (time budget ran out: questions it managed)' : ''}`)}</title></circle>`,
      ),
      `</g>`,
    );
  });

  const legendX = margin.left + plotW + 20;
  out.push(`<g class="legend">`);
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length]!;
    const ly = margin.top + 12 + i * 22;
    out.push(
      `<g class="legend-entry">`,
      `<line x1="${legendX}" y1="${ly}" x2="${legendX + 24}" y2="${ly}" stroke="${color}" stroke-width="2.5"/>`,
      `<circle cx="${legendX + 12}" cy="${ly}" r="4" fill="${color}"/>`,
      `<text x="${legendX + 32}" y="${ly + 4}" fill="#111827">${escapeXml(s.name)}</text>`,
      `</g>`,
    );
  });
  if (points.some((p) => p.partial)) {
    const ly = margin.top + 12 + series.length * 22 + 8;
    out.push(
      `<circle cx="${legendX + 12}" cy="${ly}" r="4" fill="#ffffff" stroke="#6b7280" stroke-width="2"/>`,
      `<text x="${legendX + 32}" y="${ly + 4}" fill="#374151">time budget ran out:</text>`,
      `<text x="${legendX + 32}" y="${ly + 19}" fill="#374151">median of the questions</text>`,
      `<text x="${legendX + 32}" y="${ly + 34}" fill="#374151">it managed</text>`,
    );
  }
  out.push(`</g>`, `</svg>`);
  return `${out.join('\n')}\n`;
}
