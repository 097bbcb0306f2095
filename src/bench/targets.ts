import type { ProcessReport, SizeResult, SystemResult, TargetCheck } from './report.js';
import { formatBytes, formatMs, formatPercent } from './table.js';

/** The figures Almanac is meant to reach. */
export const TARGETS = Object.freeze({
  medianMsAt10k: 0.5,
  p99MsAt10k: 3,
  autocompleteP99MsAt10k: 2,
  p99MsAt100k: 30,
  buildMsAt100k: 5_000,
  heapBytesAt100k: 400e6,
  consolePromptMs: 1_000,
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
  const consoleTarget = `start-up: console chat to its first prompt ≤ ${formatMs(TARGETS.consolePromptMs)}, bundled pack, without npm`;
  const start = processes?.consoleColdStart;
  if (!start) {
    checks.push({ target: consoleTarget, measured: 'processes not measured', met: null });
  } else if (!start.available) {
    checks.push({ target: consoleTarget, measured: `not available: ${start.reason}`, met: null });
  } else {
    checks.push({
      target: consoleTarget,
      measured: `${formatMs(start.medianMs)} (\`${start.entry}\`, median of ${start.runs.length} runs)`,
      met: start.medianMs <= TARGETS.consolePromptMs,
    });
  }
  return checks;
}
