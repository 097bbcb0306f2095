import { describe, expect, it } from 'vitest';
import { planAlternates, reportSince, summariseStats } from '../../src/inbox/report.js';
import { DAY_MS } from '../../src/store/questionChecks.js';
import type { MissLine, QuestionStats } from '../../src/store/types.js';

const T0 = Date.UTC(2026, 0, 10);
const NOON = T0 + 12 * 60 * 60 * 1000;

const line = (question: string, overrides: Partial<MissLine> = {}): MissLine => ({
  question,
  count: 1,
  picked: 0,
  didYouMean: 1,
  declined: 0,
  notWhatIAsked: 0,
  lastAskedAt: T0,
  ...overrides,
});

const EMPTY: QuestionStats = {
  questions: 0,
  answered: 0,
  didYouMean: 0,
  declined: 0,
  notWhatIAsked: 0,
  days: [],
  facts: [],
  medianConfidence: null,
  medianAnsweredConfidence: null,
};

describe('the report window', () => {
  it('covers today and the whole days before it', () => {
    expect(reportSince(NOON, 1)).toBe(T0);
    expect(reportSince(NOON, 7)).toBe(T0 - 6 * DAY_MS);
  });
});

describe('the statistics summary', () => {
  it('shows every day of the window, quiet days at zero', () => {
    const summary = summariseStats(
      {
        ...EMPTY,
        questions: 4,
        answered: 2,
        didYouMean: 1,
        declined: 1,
        days: [{ day: T0 - DAY_MS, questions: 4, answered: 2, didYouMean: 1, declined: 1 }],
      },
      { since: reportSince(NOON, 3), now: NOON, factIds: [], top: 5 },
    );
    expect(summary.days.map((d) => [d.day, d.questions])).toEqual([
      [T0 - 2 * DAY_MS, 0],
      [T0 - DAY_MS, 4],
      [T0, 0],
    ]);
    expect(summary.rates).toEqual({ answered: 0.5, didYouMean: 0.25, declined: 0.25 });
  });

  it('names the facts never asked as the least asked, in pack order, and no rates without questions', () => {
    const summary = summariseStats(
      {
        ...EMPTY,
        facts: [
          { factId: 'b-fact', count: 3 },
          { factId: 'gone-fact', count: 1 },
        ],
      },
      { since: T0, now: NOON, factIds: ['a-fact', 'b-fact', 'c-fact'], top: 2 },
    );
    expect(summary.rates).toBeNull();
    expect(summary.mostAsked).toEqual([
      { factId: 'b-fact', count: 3 },
      { factId: 'gone-fact', count: 1 },
    ]);
    expect(summary.leastAsked).toEqual([
      { factId: 'a-fact', count: 0 },
      { factId: 'c-fact', count: 0 },
    ]);
  });
});

describe('planning the alternates a group adds', () => {
  const phrasings = ['Which Soviet leaders did Bhutto meet?', 'who did bhutto meet'];

  it('adds what members confirmed by picking, and only offers what merely came close', () => {
    expect(
      planAlternates(
        [line('who did bhutto chat with', { picked: 2, count: 2 }), line('who was there')],
        phrasings,
      ),
    ).toEqual({
      add: ['who did bhutto chat with'],
      unconfirmed: ['who was there'],
      present: [],
      refused: [],
    });
  });

  it('skips what the fact already says, once normalised', () => {
    expect(planAlternates([line('WHO did Bhutto meet?!', { picked: 1 })], phrasings)).toMatchObject(
      {
        add: [],
        present: ['WHO did Bhutto meet?!'],
      },
    );
  });

  it('never offers a question for the fact a member said was not what they asked', () => {
    expect(
      planAlternates([line('who came', { notWhatIAsked: 1, didYouMean: 0 })], phrasings),
    ).toEqual({ add: [], unconfirmed: [], present: [], refused: [] });
  });

  it('refuses a question too long to be an alternate', () => {
    const long = 'why '.repeat(60).trim();
    expect(planAlternates([line(long, { picked: 1 })], phrasings).refused).toEqual([long]);
  });
});
