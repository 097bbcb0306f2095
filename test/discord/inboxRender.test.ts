import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS, embedLength } from '../../src/discord/limits.js';
import { INBOX_TEXT, renderMisses, renderStats } from '../../src/discord/render/inbox.js';
import type { ReplyPayload } from '../../src/discord/render/payload.js';
import { summariseStats } from '../../src/inbox/report.js';
import { DAY_MS } from '../../src/store/questionChecks.js';
import type { MissGroup, MissLine, MissReport } from '../../src/store/types.js';

const NOW = Date.UTC(2026, 0, 10, 12);
const context = {
  days: 30,
  recording: true,
  factQuestion: (factId: string) =>
    factId === 'leaders-met' ? 'Which Soviet leaders did Bhutto meet in 1972?' : undefined,
};

function expectWithinLimits(reply: ReplyPayload): void {
  expect(reply.ephemeral).toBe(true);
  expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
  expect(reply.content?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  const total = reply.embeds.reduce((n, e) => n + embedLength(e), 0);
  expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  for (const embed of reply.embeds) {
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedFieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedFieldValue);
    }
  }
}

const line = (question: string, count = 1): MissLine => ({
  question,
  count,
  picked: 0,
  didYouMean: 0,
  declined: count,
  notWhatIAsked: 0,
  lastAskedAt: NOW,
});

const group = (factId: string | null, questions: readonly MissLine[]): MissGroup => ({
  factId,
  misses: questions.reduce((n, q) => n + q.count, 0),
  picked: 0,
  questions,
  moreQuestions: 0,
  lastAskedAt: NOW,
});

describe('/almanac misses', () => {
  it('lists each group under its fact, with counts, privately', () => {
    const report: MissReport = {
      misses: 4,
      moreGroups: 0,
      groups: [
        group('leaders-met', [line('who did bhutto chat with', 3)]),
        group(null, [line('capital of france')]),
      ],
    };
    const reply = renderMisses(report, context);
    expectWithinLimits(reply);
    expect(reply.embeds[0]?.title).toBe(INBOX_TEXT.missesTitle(30));
    expect(reply.embeds[0]?.fields).toEqual([
      {
        name: '1. Which Soviet leaders did Bhutto meet in 1972? · 3 misses',
        value: '`leaders-met`\n3× “who did bhutto chat with” · declined 3',
      },
      {
        name: `2. ${INBOX_TEXT.nothingClose} · 1 miss`,
        value: '1× “capital of france” · declined 1',
      },
    ]);
  });

  it('echoes what members typed escaped, cut, and pinging nobody', () => {
    const report: MissReport = {
      misses: 2,
      moreGroups: 0,
      groups: [group(null, [line('@everyone [free nitro](https://example.com) **now**')])],
    };
    const value = renderMisses(report, context).embeds[0]?.fields?.[0]?.value ?? '';
    expect(value).toContain('\\[free nitro](https://example.com)');
    expect(value).toContain('\\*\\*now\\*\\*');
  });

  it('stays within Discord limits with 30 groups of long questions', () => {
    const long = (i: number) => `${'why '.repeat(120)}${i}`;
    const groups = Array.from({ length: 30 }, (_, g) =>
      group(
        `fact-${g}`,
        Array.from({ length: 5 }, (_, q) => line(long(q), 5 - q)),
      ),
    );
    expectWithinLimits(renderMisses({ misses: 450, moreGroups: 20, groups }, context));
  });

  it('says when nothing was missed, and when recording is off', () => {
    const reply = renderMisses(
      { misses: 0, moreGroups: 0, groups: [] },
      { ...context, recording: false },
    );
    expect(reply.content).toBe(`${INBOX_TEXT.recordingOff}\n${INBOX_TEXT.nothingMissed(30)}`);
  });
});

describe('/almanac stats', () => {
  it('shows the rates, the median, the days and the facts, within limits for a year', () => {
    const since = NOW - 364 * DAY_MS;
    const summary = summariseStats(
      {
        questions: 10,
        answered: 7,
        didYouMean: 2,
        declined: 1,
        notWhatIAsked: 1,
        days: [
          { day: NOW - (NOW % DAY_MS), questions: 10, answered: 7, didYouMean: 2, declined: 1 },
        ],
        facts: [{ factId: 'leaders-met', count: 7 }],
        medianConfidence: 0.8,
        medianAnsweredConfidence: 0.9,
      },
      { since, now: NOW, factIds: ['leaders-met', 'visit-dates'], top: 5 },
    );
    const reply = renderStats(summary, { ...context, days: 365 });
    expectWithinLimits(reply);
    const embed = reply.embeds[0];
    expect(embed?.description).toBe(
      [
        INBOX_TEXT.statsLead(10),
        'Answered: 7 (70%) · Did you mean: 2 (20%) · Declined: 1 (10%)',
        INBOX_TEXT.notWhatIAsked(1),
        'Median confidence: 80% (answered questions: 90%)',
      ].join('\n'),
    );
    const [perDay, most, least] = embed?.fields ?? [];
    expect(perDay?.name).toMatch(/^Questions per day \(UTC, the last \d+\)$/);
    expect(perDay?.value).toContain('2026-01-10 10 ████████████████');
    expect(most?.value).toBe('7 · Which Soviet leaders did Bhutto meet in 1972? (`leaders-met`)');
    expect(least?.value).toContain('0 · (no longer in the packs) (`visit-dates`)');
  });
});
