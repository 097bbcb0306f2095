import type { QuestionKind } from './synthetic.js';
import { ANSWERABLE_KINDS, UNANSWERABLE_KINDS } from './synthetic.js';
import type {
  Availability,
  BenchReport,
  BotMemory,
  ProcessReport,
  ProcessTiming,
  SizeResult,
  StartUp,
  SystemResult,
  TargetCheck,
} from './report.js';

/** Plain-text and Markdown tables for the benchmark's figures. */

const DASH = '—';

/** A duration: "0.042 ms", "3.1 ms", "250 ms", "9.4 s". */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return DASH;
  if (ms < 1) return `${ms.toFixed(3)} ms`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(ms < 100 ? 1 : 0)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** Bytes in megabytes (10⁶ bytes): "312.4 MB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return DASH;
  return `${(bytes / 1e6).toFixed(bytes < 10e6 ? 2 : 1)} MB`;
}

export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return `${(value * 100).toFixed(1)}%`;
}

/** A whole number with thousands separators: "100,000". */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

export function formatRate(perSecond: number | null | undefined): string {
  if (perSecond === null || perSecond === undefined || !Number.isFinite(perSecond)) return DASH;
  if (perSecond < 10) return `${perSecond.toFixed(2)}/s`;
  return `${formatCount(perSecond)}/s`;
}

/** A factor: "850×", "12×", "2.4×". */
export function formatFactor(factor: number): string {
  if (!Number.isFinite(factor)) return `${DASH}×`;
  if (factor >= 10) return `${formatCount(factor)}×`;
  return `${factor.toFixed(1)}×`;
}

/**
 * How `value` compares with Almanac's `reference` for a cost (time, memory), in words:
 * "850× slower", "2.1× faster", "about the same". `more`/`less` name the two directions.
 */
export function compareCost(
  value: number | null | undefined,
  reference: number | null | undefined,
  more = 'slower',
  less = 'faster',
): string {
  if (value === null || value === undefined || reference === null || reference === undefined) {
    return DASH;
  }
  if (!(value > 0) || !(reference > 0)) return DASH;
  const factor = value / reference;
  if (factor >= 0.95 && factor <= 1.05) return 'about the same';
  return factor > 1 ? `${formatFactor(factor)} ${more}` : `${formatFactor(1 / factor)} ${less}`;
}

export interface TableOptions {
  readonly markdown?: boolean;
  /** Per column: true to align right (numbers). */
  readonly right?: readonly boolean[];
}

/** Renders rows as an aligned plain-text table, or as a Markdown table. */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: TableOptions = {},
): string {
  const right = options.right ?? headers.map((_, i) => i > 0);
  if (options.markdown) {
    const escape = (cell: string) => cell.replace(/\|/g, '\\|');
    const rule = headers.map((_, i) => (right[i] ? '---:' : '---'));
    return [headers, rule, ...rows].map((row) => `| ${row.map(escape).join(' | ')} |`).join('\n');
  }
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => (right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** "1,500" or "budget: answered 7 of 1,500 questions in 60 s". */
export function formatBudget(system: SystemResult): string {
  const b = system.budget;
  if (!b.limited) return formatCount(b.answered);
  return `budget: answered ${formatCount(b.answered)} of ${formatCount(b.total)} questions in ${formatMs(b.elapsedMs)}`;
}

const SIZE_HEADERS = [
  'engine',
  'build',
  'heap',
  'index',
  'median',
  'p99',
  'questions/s',
  'top-1',
  'did you mean',
  'declined',
  'wrong answers',
  'questions timed',
];

/** The table for one pack size: one row per system. */
export function sizeTable(size: SizeResult, options: TableOptions = {}): string {
  const rows = size.systems.map((s) => {
    if (s.error) return [s.name, `failed: ${s.error}`, ...SIZE_HEADERS.slice(2).map(() => '')];
    const approx = s.heapPrecise ? '' : '~';
    return [
      s.name,
      formatMs(s.buildMs),
      approx + formatBytes(s.heapBytes),
      approx + formatBytes(s.indexBytes),
      formatMs(s.latency?.medianMs),
      formatMs(s.latency?.p99Ms),
      formatRate(s.latency?.perSecond),
      formatPercent(s.quality.top1),
      s.key === 'almanac' ? formatPercent(s.quality.offered / s.quality.answerable) : DASH,
      formatPercent(s.quality.declineRate),
      formatPercent(s.quality.wrongAnswerRate),
      formatBudget(s),
    ];
  });
  return renderTable(SIZE_HEADERS, rows, {
    ...options,
    right: SIZE_HEADERS.map((_, i) => i > 0 && i < SIZE_HEADERS.length - 1),
  });
}

/** Lines comparing each baseline with Almanac: "plain fuse.js: 850× slower median, …". */
export function ratioLines(size: SizeResult): string[] {
  const almanac = size.systems.find((s) => s.key === 'almanac');
  if (!almanac?.latency) return [];
  return size.systems
    .filter((s) => s !== almanac && s.latency)
    .map((s) => {
      const parts = [
        `${compareCost(s.latency?.medianMs, almanac.latency?.medianMs)} median`,
        `${compareCost(s.latency?.p99Ms, almanac.latency?.p99Ms)} p99`,
        `build ${compareCost(s.buildMs, almanac.buildMs)}`,
        `index ${compareCost(s.indexBytes, almanac.indexBytes, 'larger', 'smaller')}`,
        `top-1 ${formatPercent(s.quality.top1)} vs ${formatPercent(almanac.quality.top1)}`,
      ];
      return `${s.name}: ${parts.join(', ')}`;
    });
}

const KINDS: readonly QuestionKind[] = [...ANSWERABLE_KINDS, ...UNANSWERABLE_KINDS];

/** Share right per question kind: answered correctly, or declined for the unanswerable kinds. */
export function kindTable(size: SizeResult, options: TableOptions = {}): string {
  const headers = [
    'engine',
    ...KINDS.map((k) => (UNANSWERABLE_KINDS.some((u) => u === k) ? `${k} (declined)` : k)),
  ];
  const rows = size.systems
    .filter((s) => !s.error)
    .map((s) => [
      s.name,
      ...KINDS.map((k) => {
        const score = s.quality.byKind[k];
        return score && score.count > 0 ? formatPercent(score.right / score.count) : DASH;
      }),
    ]);
  return renderTable(headers, rows, options);
}

/** Autocomplete latency, for the systems that have it. */
export function autocompleteLine(size: SizeResult): string | undefined {
  const almanac = size.systems.find((s) => s.key === 'almanac');
  const a = almanac?.autocomplete;
  if (!a) return undefined;
  const partial = a.budget.limited ? ` (budget: ${a.count} of ${a.budget.total})` : '';
  return `Almanac autocomplete: median ${formatMs(a.medianMs)}, p99 ${formatMs(a.p99Ms)} over ${formatCount(a.count)} prefixes of 3 to 12 characters${partial}`;
}

function processCell<T>(
  item: Availability<T>,
  show: (value: T) => [string, string],
): [string, string] {
  return item.available ? show(item) : ['not available', item.reason];
}

/** Whole-process measurements as a table. */
export function processTable(report: ProcessReport, options: TableOptions = {}): string {
  const timing = (t: ProcessTiming): [string, string] => [
    formatMs(t.medianMs),
    `median of ${t.runs.length} runs (${t.runs.map((r) => formatMs(r)).join(', ')})`,
  ];
  const bot = (b: BotMemory): [string, string] => [
    formatBytes(b.rssBytes),
    `\`${b.entry}\`: resident memory after login with ${formatCount(b.facts)} facts (ready in ${formatMs(b.readyMs)})${b.runs && b.runs > 1 ? `, median of ${b.runs} starts` : ''}`,
  ];
  const startUp =
    (what: string) =>
    (t: StartUp): [string, string] => {
      const [figure, notes] = timing(t);
      const rss =
        t.rssBytes === undefined ? '' : `; ${formatBytes(t.rssBytes)} resident a second after it`;
      return [figure, `\`${t.entry}\`, ${what}; ${notes}${rss}`];
    };
  const idle =
    (what: string) =>
    (m: { rssBytes: number }): [string, string] => [formatBytes(m.rssBytes), what];
  const rows: string[][] = [
    ['bare `node -e ""`', ...processCell(report.bareNode, timing)],
    [
      'idle bare node, RSS',
      ...processCell(report.bareNodeIdle, idle('the floor under the console')),
    ],
    ['`import("discord.js")` only', ...processCell(report.discordImport, timing)],
    [
      'idle node with discord.js, RSS',
      ...processCell(report.discordIdle, idle('the floor under the bot')),
    ],
    [
      'console chat to its first prompt',
      ...processCell(report.consoleBundled, startUp('bundled pack')),
    ],
    [
      'the same from the sources',
      ...processCell(report.consoleSources, startUp('bundled pack, through tsx')),
    ],
    ['`ask` one question', ...processCell(report.askBundled, startUp('bundled pack, to its exit'))],
    [
      'console chat, 10,000 facts',
      ...processCell(report.consoleTenThousand, startUp('from the pack cache')),
    ],
    [
      '`ask`, 10,000 facts',
      ...processCell(report.askTenThousand, startUp('from the pack cache, to its exit')),
    ],
    ['bot RSS, bundled pack', ...processCell(report.botBundled, bot)],
    ['bot RSS, 10,000 facts', ...processCell(report.botTenThousand, bot)],
    [
      'bot RSS as questions come in',
      ...processCell(report.botAsked, (b) => [
        formatBytes(b.afterQuestions?.at(-1)?.rssBytes),
        `bundled pack: ${(b.afterQuestions ?? [])
          .map((s) => `${formatCount(s.questions)} questions ${formatBytes(s.rssBytes)}`)
          .join(', ')}`,
      ]),
    ],
  ];
  return renderTable(['process', 'figure', 'notes'], rows, {
    ...options,
    right: [false, true, false],
  });
}

export function targetLines(targets: readonly TargetCheck[]): string[] {
  return targets.map((t) => {
    const verdict = t.met === null ? 'not measured' : t.met ? 'met' : 'MISSED';
    return `[${verdict}] ${t.target}: ${t.measured}`;
  });
}

/** The whole report as plain text (or Markdown), one section per size. */
export function formatReport(report: BenchReport, options: TableOptions = {}): string {
  const heading = (text: string) => (options.markdown ? `### ${text}` : `== ${text} ==`);
  const out: string[] = [];
  for (const size of report.sizes) {
    out.push(
      heading(
        `${formatCount(size.facts)} facts in ${size.packs} pack${size.packs === 1 ? '' : 's'}: ${formatCount(size.answerable)} answerable and ${formatCount(size.unanswerable)} unanswerable questions`,
      ),
      '',
      sizeTable(size, options),
      '',
    );
    const ratios = ratioLines(size);
    if (ratios.length > 0) out.push(...ratios.map((r) => (options.markdown ? `- ${r}` : r)), '');
    const auto = autocompleteLine(size);
    if (auto) out.push(auto, '');
    out.push(kindTable(size, options), '');
  }
  if (report.processes) {
    out.push(heading('Whole processes'), '', processTable(report.processes, options), '');
  }
  if (report.targets.length > 0) {
    out.push(
      heading('Targets'),
      '',
      ...targetLines(report.targets).map((t) => (options.markdown ? `- ${t}` : t)),
      '',
    );
  }
  return out.join('\n');
}
