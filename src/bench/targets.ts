import type {
  Availability,
  ProcessReport,
  SizeResult,
  StartUp,
  SystemResult,
  TargetCheck,
} from './report.js';
import { formatBytes, formatMs, formatPercent } from './table.js';

/** The figures Almanac is meant to reach. */
export const TARGETS = Object.freeze({
  medianMsAt10k: 0.5,
  p99MsAt10k: 3,
  autocompleteP99MsAt10k: 2,
  p99MsAt100k: 30,
  buildMsAt100k: 5_000,
  heapBytesAt100k: 400e6,
  /** `npm start` without a token to its first prompt, and `ask` one question, bundled pack. */
  consolePromptMs: 300,
  askMs: 300,
  consoleRssBytes: 60e6,
  botRssBytes: 100e6,
  botRssBytesAt10k: 200e6,
  /**
   * Growth of the bot's resident memory from its first 1,000 questions to 10,000: beyond this
   * is more than the garbage collector's swing, and would go on growing with use.
   */
  botGrowthBytes: 10e6,
});

const TOP1_TARGET = '10,000 facts: top-1 accuracy at least the best baseline';

/**
 * A baseline's accuracy counts only when it answered this many answerable questions within its
 * budget: on a handful, a percentage says little.
 */
export const MIN_SCORED = 200;

const almanacAt = (sizes: readonly SizeResult[], facts: number): SystemResult | undefined =>
  sizes.find((s) => s.facts === facts)?.systems.find((s) => s.key === 'almanac' && !s.error);

function atMost(
  target: string,
  system: SystemResult | undefined,
  value: (s: SystemResult) => number | undefined,
  limit: number,
  format: (n: number) => string,
): TargetCheck {
  const measured = system ? value(system) : undefined;
  if (measured === undefined || !Number.isFinite(measured)) {
    return { target, measured: 'size not run', met: null };
  }
  return { target, measured: format(measured), met: measured <= limit };
}

/**
 * Checks the run's figures against {@link TARGETS}; sizes not run, and whole processes when
 * `processes` is null, are "not measured".
 */
export function checkTargets(
  sizes: readonly SizeResult[],
  processes: ProcessReport | null = null,
): TargetCheck[] {
  const at10k = almanacAt(sizes, 10_000);
  const at100k = almanacAt(sizes, 100_000);
  const checks: TargetCheck[] = [
    atMost(
      `10,000 facts: median ≤ ${formatMs(TARGETS.medianMsAt10k)}`,
      at10k,
      (s) => s.latency?.medianMs,
      TARGETS.medianMsAt10k,
      formatMs,
    ),
    atMost(
      `10,000 facts: p99 ≤ ${formatMs(TARGETS.p99MsAt10k)}`,
      at10k,
      (s) => s.latency?.p99Ms,
      TARGETS.p99MsAt10k,
      formatMs,
    ),
  ];

  const size10k = sizes.find((s) => s.facts === 10_000);
  if (at10k && size10k) {
    const baselines = size10k.systems.filter((s) => s.key !== 'almanac' && !s.error);
    const counted = baselines.filter((s) => s.quality.answerable >= MIN_SCORED);
    const left = baselines.filter((s) => s.quality.answerable < MIN_SCORED);
    const best = counted.reduce<SystemResult | undefined>(
      (b, s) => (!b || s.quality.top1 > b.quality.top1 ? s : b),
      undefined,
    );
    const bestTop1 = best?.quality.top1 ?? 0;
    const leftOut =
      left.length > 0
        ? ` (left out, too few questions within the budget: ${left.map((s) => `${s.name} ${formatPercent(s.quality.top1)} on ${s.quality.answerable}`).join(', ')})`
        : '';
    checks.push({
      target: TOP1_TARGET,
      measured: `${formatPercent(at10k.quality.top1)} vs ${best ? `${best.name} ${formatPercent(bestTop1)}` : 'no baseline'}${leftOut}`,
      // With no baseline that answered enough questions there is nothing to compare with.
      met: best ? at10k.quality.top1 >= bestTop1 : null,
    });
  } else {
    checks.push({ target: TOP1_TARGET, measured: 'size not run', met: null });
  }

  checks.push(
    atMost(
      `10,000 facts: autocomplete p99 ≤ ${formatMs(TARGETS.autocompleteP99MsAt10k)}`,
      at10k,
      (s) => s.autocomplete?.p99Ms,
      TARGETS.autocompleteP99MsAt10k,
      formatMs,
    ),
    atMost(
      `100,000 facts: p99 ≤ ${formatMs(TARGETS.p99MsAt100k)}`,
      at100k,
      (s) => s.latency?.p99Ms,
      TARGETS.p99MsAt100k,
      formatMs,
    ),
    atMost(
      `100,000 facts: build ≤ ${formatMs(TARGETS.buildMsAt100k)}`,
      at100k,
      (s) => s.buildMs,
      TARGETS.buildMsAt100k,
      formatMs,
    ),
    atMost(
      `100,000 facts: heap ≤ ${formatBytes(TARGETS.heapBytesAt100k)} (whole heap after the build, packs included)`,
      at100k,
      (s) => s.heapBytes,
      TARGETS.heapBytesAt100k,
      formatBytes,
    ),
  );

  const at30 = almanacAt(sizes, 30);
  const others = sizes.filter((s) => s.facts !== 30);
  if (at30 && others.length > 0) {
    const reference = at30.quality.wrongAnswerRate;
    const worse = others.flatMap((size) => {
      const a = almanacAt(sizes, size.facts);
      return a && a.quality.wrongAnswerRate > reference
        ? [
            `${size.facts.toLocaleString('en-US')} facts: ${formatPercent(a.quality.wrongAnswerRate)}`,
          ]
        : [];
    });
    const all = others
      .map((size) => {
        const a = almanacAt(sizes, size.facts);
        return `${size.facts.toLocaleString('en-US')}: ${formatPercent(a?.quality.wrongAnswerRate)}`;
      })
      .join(', ');
    checks.push({
      target: 'wrong answers on unanswerable questions no worse at any size than at 30 facts',
      measured: `30: ${formatPercent(reference)}; ${all}${worse.length > 0 ? ` (worse at ${worse.join('; ')})` : ''}`,
      met: worse.length === 0,
    });
  } else {
    checks.push({
      target: 'wrong answers on unanswerable questions no worse at any size than at 30 facts',
      measured: 'needs 30 facts and another size',
      met: null,
    });
  }
  checks.push(...processTargets(processes));
  return checks;
}

/** A whole-process figure against its limit; not measured when the run did not take it. */
function processCheck<T>(
  target: string,
  item: Availability<T> | undefined,
  value: (item: T) => number | undefined,
  limit: number,
  describe: (measured: number, item: T) => string,
): TargetCheck {
  if (!item) return { target, measured: 'processes not measured', met: null };
  if (!item.available) return { target, measured: `not available: ${item.reason}`, met: null };
  const measured = value(item);
  if (measured === undefined) return { target, measured: 'not measured', met: null };
  return { target, measured: describe(measured, item), met: measured <= limit };
}

/** The start-up and memory targets, from the whole-process figures. */
function processTargets(processes: ProcessReport | null): TargetCheck[] {
  const p = processes ?? undefined;
  const beside = p?.bareNode.available ? `; bare node ${formatMs(p.bareNode.medianMs)}` : '';
  const timed = (ms: number, t: StartUp) =>
    `${formatMs(ms)} (\`${t.entry}\`, median of ${t.runs.length} runs${beside})`;
  const afterQuestions = (questions: number) =>
    p?.botAsked.available
      ? p.botAsked.afterQuestions?.find((s) => s.questions === questions)?.rssBytes
      : undefined;
  const growth = (() => {
    const from = afterQuestions(1_000);
    const to = afterQuestions(10_000);
    return from === undefined || to === undefined ? undefined : to - from;
  })();
  return [
    processCheck(
      `start-up: console chat to its first prompt ≤ ${formatMs(TARGETS.consolePromptMs)}, bundled pack, without npm`,
      p?.consoleBundled,
      (t) => t.medianMs,
      TARGETS.consolePromptMs,
      timed,
    ),
    processCheck(
      `start-up: \`ask\` one question to its exit ≤ ${formatMs(TARGETS.askMs)}, bundled pack, without npm`,
      p?.askBundled,
      (t) => t.medianMs,
      TARGETS.askMs,
      timed,
    ),
    processCheck(
      `memory: console chat at its first prompt ≤ ${formatBytes(TARGETS.consoleRssBytes)} resident`,
      p?.consoleBundled,
      (t) => t.rssBytes,
      TARGETS.consoleRssBytes,
      (bytes) =>
        `${formatBytes(bytes)}${p?.bareNodeIdle.available ? ` (bare node ${formatBytes(p.bareNodeIdle.rssBytes)})` : ''}`,
    ),
    processCheck(
      `memory: the bot logged in ≤ ${formatBytes(TARGETS.botRssBytes)} resident, bundled pack`,
      p?.botBundled,
      (b) => b.rssBytes,
      TARGETS.botRssBytes,
      (bytes) =>
        `${formatBytes(bytes)}${p?.discordIdle.available ? ` (node with discord.js loaded ${formatBytes(p.discordIdle.rssBytes)})` : ''}`,
    ),
    processCheck(
      `memory: the bot logged in ≤ ${formatBytes(TARGETS.botRssBytesAt10k)} resident, 10,000 facts`,
      p?.botTenThousand,
      (b) => b.rssBytes,
      TARGETS.botRssBytesAt10k,
      (bytes) => formatBytes(bytes),
    ),
    processCheck(
      `memory: the bot flat from 1,000 to 10,000 questions (growth ≤ ${formatBytes(TARGETS.botGrowthBytes)})`,
      p?.botAsked,
      () => growth,
      TARGETS.botGrowthBytes,
      (bytes) =>
        `${bytes >= 0 ? '+' : '−'}${formatBytes(Math.abs(bytes))} (${formatBytes(afterQuestions(1_000))} → ${formatBytes(afterQuestions(10_000))})`,
    ),
  ];
}
