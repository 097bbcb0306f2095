import { normalizeText } from '../engine/normalize.js';
import { factSchema } from '../knowledge/schema.js';
import { DAY_MS, utcDay } from '../store/questionChecks.js';
import type { DayCount, FactCount, MissLine, QuestionStats } from '../store/types.js';

/** The report windows, in days, when none is asked for, and the longest one may ask. */
export const REPORT_RULES = Object.freeze({
  defaultDays: 30,
  maxDays: 3650,
  /** Groups listed by default in the terminal, and on Discord. */
  defaultGroups: 10,
  /** Questions listed per group: all a curator may want in the terminal, fewer on Discord. */
  terminalQuestions: 10,
  discordQuestions: 5,
  /** Facts in each of the most and least asked lists. */
  defaultFacts: 5,
} as const);

/**
 * The start of a report of `days` days ending now: midnight UTC `days - 1` days before today, so
 * "the last 7 days" is today and the 6 before it, whole.
 */
export function reportSince(now: number, days: number): number {
  return utcDay(now) - (days - 1) * DAY_MS;
}

/** `2026-01-31`: a UTC day as reports print it. */
export function dayLabel(day: number): string {
  return new Date(day).toISOString().slice(0, 10);
}

/** A statistics report ready to render: every day of the window, rates and fact lists. */
export interface StatsSummary {
  /** Every day from the window's first to today, oldest first, days without questions at 0. */
  readonly days: readonly DayCount[];
  readonly questions: number;
  readonly answered: number;
  readonly didYouMean: number;
  readonly declined: number;
  readonly notWhatIAsked: number;
  /** Shares of all questions, from 0 to 1; `null` without questions. */
  readonly rates: {
    readonly answered: number;
    readonly didYouMean: number;
    readonly declined: number;
  } | null;
  /** The facts given most often, most first. */
  readonly mostAsked: readonly FactCount[];
  /** The loaded facts given least often (never, first), in pack order among equals. */
  readonly leastAsked: readonly FactCount[];
  readonly medianConfidence: number | null;
  readonly medianAnsweredConfidence: number | null;
}

/**
 * Completes the store's statistics for display: the days without questions, the rates, and the
 * least asked facts, which only the loaded packs can name (a fact never asked has no row).
 * `factIds` are the loaded facts in pack order; facts no longer loaded still count among the
 * most asked but are never the least asked.
 */
export function summariseStats(
  stats: QuestionStats,
  options: {
    readonly since: number;
    readonly now: number;
    readonly factIds: readonly string[];
    readonly top: number;
  },
): StatsSummary {
  const byDay = new Map(stats.days.map((d) => [d.day, d]));
  const days: DayCount[] = [];
  for (let day = utcDay(options.since); day <= utcDay(options.now); day += DAY_MS) {
    days.push(byDay.get(day) ?? { day, questions: 0, answered: 0, didYouMean: 0, declined: 0 });
  }
  const counts = new Map(stats.facts.map((f) => [f.factId, f.count]));
  const leastAsked = options.factIds
    .map((factId, order) => ({ factId, count: counts.get(factId) ?? 0, order }))
    .sort((a, b) => a.count - b.count || a.order - b.order)
    .slice(0, options.top)
    .map(({ factId, count }) => ({ factId, count }));
  const share = (n: number) => n / stats.questions;
  return {
    days,
    questions: stats.questions,
    answered: stats.answered,
    didYouMean: stats.didYouMean,
    declined: stats.declined,
    notWhatIAsked: stats.notWhatIAsked,
    rates:
      stats.questions === 0
        ? null
        : {
            answered: share(stats.answered),
            didYouMean: share(stats.didYouMean),
            declined: share(stats.declined),
          },
    mostAsked: stats.facts.slice(0, options.top),
    leastAsked,
    medianConfidence: stats.medianConfidence,
    medianAnsweredConfidence: stats.medianAnsweredConfidence,
  };
}

/** `did you mean 2, picked 2`: what became of a question, its non-zero parts only. */
export function lineDetails(line: MissLine): string {
  return [
    line.didYouMean > 0 ? `did you mean ${line.didYouMean}` : '',
    line.declined > 0 ? `declined ${line.declined}` : '',
    line.notWhatIAsked > 0 ? `"not what I asked" ${line.notWhatIAsked}` : '',
    line.picked > 0 ? `picked ${line.picked}` : '',
  ]
    .filter((part) => part.length > 0)
    .join(', ');
}

/** What a group's questions would add to its fact's alternates. */
export interface AlternatesPlan {
  /** Questions members confirmed by picking the fact, not in the fact yet: to add. */
  readonly add: readonly string[];
  /**
   * Questions that only came close to the fact (nobody picked it for them): offered as
   * commented-out lines for the curator to judge, never added by `--apply`.
   */
  readonly unconfirmed: readonly string[];
  /** Questions the fact already holds (as its question or an alternate, once normalised). */
  readonly present: readonly string[];
  /** Questions the pack schema would refuse as an alternate (too long). */
  readonly refused: readonly string[];
}

const isValidAlternate = (text: string): boolean =>
  factSchema.shape.alternates.def.element.safeParse(text).success;

/**
 * Sorts a group's questions for its fact's YAML: confirmed ones to add, close ones to consider,
 * and those to leave out. A question answered with this very fact and then flagged "Not what I
 * asked" (and nothing else) is never offered for it: the member said it is not this fact.
 * `phrasings` are the fact's question and alternates as the pack writes them.
 */
export function planAlternates(
  questions: readonly MissLine[],
  phrasings: readonly string[],
): AlternatesPlan {
  const known = new Set(phrasings.map(normalizeText));
  const add: string[] = [];
  const unconfirmed: string[] = [];
  const present: string[] = [];
  const refused: string[] = [];
  for (const line of questions) {
    const confirmed = line.picked > 0;
    if (!confirmed && line.notWhatIAsked === line.count) continue;
    if (known.has(normalizeText(line.question))) present.push(line.question);
    else if (!isValidAlternate(line.question)) refused.push(line.question);
    else if (confirmed) add.push(line.question);
    else unconfirmed.push(line.question);
    known.add(normalizeText(line.question));
  }
  return { add, unconfirmed, present, refused };
}
