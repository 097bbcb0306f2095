import { fc, test } from '@fast-check/vitest';
import { ComponentType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS, embedLength } from '../../src/discord/limits.js';
import type { ReplyPayload } from '../../src/discord/render/payload.js';
import {
  escapeDisplayName,
  renderAnswerModal,
  renderInterrupted,
  renderLeaderboard,
  renderPlayerStats,
  renderTooFew,
  renderTriviaPost,
  renderTriviaReply,
  renderTriviaReveal,
  renderTriviaResults,
  type TriviaView,
} from '../../src/discord/render/trivia.js';
import { TRIVIA_TEXT } from '../../src/discord/render/triviaText.js';
import type { PlayerStats } from '../../src/store/types.js';
import { createTriviaRules } from '../../src/trivia/step.js';
import type {
  AnswerResult,
  RecapEntry,
  ReplyMessage,
  ResultsMessage,
  RevealMessage,
  TriviaEffect,
} from '../../src/trivia/types.js';
import { ENGLISH, T0, at, dealtQuestion, readyGame, threeQuestions } from '../support/trivia.js';

const rules = createTriviaRules({ language: ENGLISH });

const VIEW: TriviaView = {
  gameId: 7,
  topic: null,
  typedAnswers: false,
  questions: threeQuestions(),
};

/** Everything Discord would reject a message for, checked at once; and nobody is pinged. */
function expectWithinLimits(payload: ReplyPayload): void {
  expect(payload.allowedMentions).toEqual({ parse: [], repliedUser: false });
  expect(payload.content?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  expect(payload.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
  const total = payload.embeds.reduce((n, e) => n + embedLength(e), 0);
  expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  for (const embed of payload.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedFieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedFieldValue);
    }
  }
  expect(payload.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.actionRows);
  for (const row of payload.components) {
    expect(row.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonsPerRow);
    for (const button of row.components) {
      expect(button.custom_id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
      expect(button.label?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.buttonLabel);
    }
  }
}

const text = (payload: ReplyPayload) =>
  payload.embeds
    .flatMap((e) => [
      e.title ?? '',
      e.description ?? '',
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
      e.footer?.text ?? '',
    ])
    .concat(payload.content ?? '')
    .join('\n');

/** Every effect of a whole choice game: rules, three questions, reveals and the results. */
function playedGame(): TriviaEffect[] {
  const effects: TriviaEffect[] = [];
  let state = readyGame();
  const step = (event: Parameters<typeof rules.step>[1], now: number) => {
    const next = rules.step(state, event, now);
    state = next.state;
    effects.push(...next.effects);
  };
  step({ type: 'start' }, T0);
  step({ type: 'answer', userId: 'starter', displayName: 'Ada', option: 0 }, at(2));
  step({ type: 'answer', userId: 'starter', displayName: 'Ada', option: 3 }, at(10));
  step({ type: 'tick' }, at(30));
  return effects;
}

describe('a game on Discord', () => {
  const effects = playedGame();
  const posts = effects.flatMap((e) =>
    e.kind === 'post' ? renderTriviaPost(e.message, VIEW) : [],
  );
  const reveals = effects.flatMap((e) =>
    e.kind === 'edit' ? [renderTriviaReveal(e.message)] : [],
  );

  it('opens with the rules: how to answer, the time, the scoring and who may stop it', () => {
    const [rules] = posts;
    expect(rules?.embeds[0]?.title).toBe('Trivia: 3 questions');
    expect(rules?.embeds[0]?.description?.split('\n\n')).toEqual([
      TRIVIA_TEXT.rulesHowChoice,
      '**Time:** 20 seconds per question. A question closes early once every player has answered.',
      '**Scoring:** 1 point for a correct answer, plus up to 1 point for speed (the full bonus with at least half the time left).',
      TRIVIA_TEXT.rulesControl,
    ]);
  });

  it('asks each question with its four options as buttons carrying the game, question and option', () => {
    const question = posts[1];
    expect(question?.embeds[0]?.title).toBe('Question 1 of 3');
    expect(question?.embeds[0]?.description).toBe(
      '**In which city were the talks held?**\n\n**A.** Moscow\n**B.** Leningrad\n**C.** Kiev\n**D.** Minsk\n\n' +
        `Closes <t:${T0 / 1000 + 20}:R>`,
    );
    expect(question?.components[0]?.components.map((b) => [b.custom_id, b.label])).toEqual([
      ['trivia:pick:7,0,0', 'A. Moscow'],
      ['trivia:pick:7,0,1', 'B. Leningrad'],
      ['trivia:pick:7,0,2', 'C. Kiev'],
      ['trivia:pick:7,0,3', 'D. Minsk'],
    ]);
  });

  it('reveals the answer in place of the question: who got it with their points, the source, and a button to ask about the fact', () => {
    const [first] = reveals;
    expect(first?.embeds[0]).toMatchObject({
      title: 'Question 1 of 3',
      description:
        '**In which city were the talks held?**\n\n✅ **A. Moscow**\nB. Leningrad\nC. Kiev\nD. Minsk\n\n**Answer:** Moscow',
      fields: [
        { name: 'Who got it', value: 'Ada +2' },
        { name: 'Source', value: 'Class: [Notes](<https://example.org/notes>)\nLead, paragraph 1' },
        { name: 'Standings', value: '🥇 Ada: 2 points (1 of 1 right)' },
      ],
      footer: { text: 'Everyone answered · fact visit-location' },
    });
    expect(first?.components).toEqual([
      {
        type: ComponentType.ActionRow,
        components: [expect.objectContaining({ custom_id: 'ask:fact:visit-location' })],
      },
    ]);
    expect(reveals[1]?.embeds[0]?.fields?.[0]).toEqual({
      name: 'Who got it',
      value: TRIVIA_TEXT.nobodyGotIt,
    });
    expect(reveals[1]?.embeds[0]?.fields?.[1]).toEqual({
      name: 'Other answers',
      value: 'Ada: Andrei Gromyko',
    });
  });

  it('ends with the standings, then a recap of every question with its answer and citation', () => {
    const [standings, recap] = posts.slice(-2);
    expect(standings?.embeds[0]).toMatchObject({
      title: 'Trivia over: the final standings',
      description: '🥇 Ada: 2 points (1 of 2 right)',
      footer: { text: '3 of 3 questions asked' },
    });
    expect(recap?.embeds[0]?.description?.split('\n')).toEqual([
      '**1. In which city were the talks held?** Moscow',
      'Notes, Lead, paragraph 1 · 1 of 1 right',
      '**2. Which Soviet Premier did Bhutto meet?** Alexei Kosygin',
      'Notes, Lead, paragraph 2 · 0 of 1 right',
      '**3. In what year were the Pakistan Steel Mills inaugurated?** 1985',
      'Notes, Aftermath, paragraph 5 · nobody answered',
    ]);
  });

  it('keeps every message within Discord limits, mentioning nobody', () => {
    for (const payload of [...posts, ...reveals]) expectWithinLimits(payload);
  });
});

const anyText = (max: number) => fc.string({ unit: 'grapheme', maxLength: max });

const result = fc.record<AnswerResult>({
  userId: fc.stringMatching(/^\d{17,19}$/),
  displayName: anyText(64),
  given: anyText(300),
  option: fc.constant(null),
  correct: fc.boolean(),
  points: fc.integer({ min: 0, max: 2 }),
});

const recapEntry = (question: number) =>
  fc.record<RecapEntry>({
    question: fc.constant(question),
    factId: fc.constant('visit-location'),
    prompt: anyText(400),
    answer: anyText(200),
    options: fc.constant(null),
    correctOption: fc.constant(null),
    citation: fc.record({
      factId: fc.constant('visit-location'),
      sourceId: fc.constant('wiki'),
      title: anyText(300),
      publisher: fc.option(anyText(100), { nil: null }),
      url: fc.option(
        fc.webUrl().map((u) => `https://${u.replace(/^https?:\/\//, '')}`),
        { nil: null },
      ),
      section: anyText(100),
      paragraph: fc.integer({ min: 1, max: 99 }),
    }),
    reason: fc.constant('deadline'),
    results: fc.array(result, { maxLength: 30 }),
  });

describe('trivia payloads whatever they hold', () => {
  test.prop([recapEntry(49), fc.array(result, { maxLength: 40 })])(
    'a reveal stays within Discord limits, with long prompts, answers, names and many players',
    (entry, players) => {
      const message: RevealMessage = {
        ...entry,
        type: 'reveal',
        total: 50,
        results: players,
        standings: players.map((p, i) => ({
          rank: i + 1,
          userId: p.userId,
          displayName: p.displayName,
          points: p.points,
          correct: p.correct ? 1 : 0,
          answered: 1,
        })),
      };
      expectWithinLimits(renderTriviaReveal(message));
    },
  );

  test.prop([fc.tuple(...Array.from({ length: 50 }, (_, i) => recapEntry(i)))], { numRuns: 20 })(
    'the results of a 50-question game fit, over as many messages as needed, and recap every question',
    (recap) => {
      const message: ResultsMessage = {
        type: 'results',
        status: 'finished',
        standings: [],
        recap,
        asked: 50,
        planned: 50,
      };
      const payloads = renderTriviaResults(message);
      for (const payload of payloads) expectWithinLimits(payload);
      const lines = payloads
        .slice(1)
        .flatMap((p) => p.embeds.map((e) => e.description ?? ''))
        .join('\n');
      for (let i = 1; i <= 50; i += 1) expect(lines).toContain(`**${i}. `);
    },
  );
});

describe('names on Discord', () => {
  it('are shown escaped: no Markdown, no mentions, no disguised links', () => {
    expect(escapeDisplayName('**Ada**')).toBe('\\*\\*Ada\\*\\*');
    expect(escapeDisplayName('@everyone')).toBe('@\u200beveryone');
    expect(escapeDisplayName('<@123456789012345678>')).toBe('<@\u200b123456789012345678>');
    expect(escapeDisplayName('<#123456789012345678>')).toBe('<\u200b#123456789012345678>');
    expect(escapeDisplayName('[free](https://evil.example)')).toBe(
      '\\[free](https://evil.example)',
    );
    expect(escapeDisplayName('</ask:1234567890123456>')).toBe('<\u200b/ask:1234567890123456>');
    expect(escapeDisplayName('a'.repeat(100)).length).toBeLessThanOrEqual(32);
  });

  test.prop([anyText(200)])('never carry a live mention, whatever the name', (name) => {
    const shown = escapeDisplayName(name);
    expect(shown).not.toMatch(/<[@#/]|@(?:everyone|here)/);
    expect(shown).not.toContain('\n');
  });

  it('are escaped on the leaderboard, the statistics and the notice of an interrupted game', () => {
    const name = '@here **top**';
    const board = renderLeaderboard({
      by: 'points',
      total: 1,
      entries: [
        {
          rank: 1,
          userId: '1',
          displayName: name,
          points: 3,
          answered: 2,
          correct: 2,
          accuracy: 1,
          games: 1,
        },
      ],
    });
    const stats: PlayerStats = {
      guildId: '1',
      userId: '1',
      displayName: name,
      games: 1,
      answered: 4,
      correct: 3,
      accuracy: 0.75,
      points: 5,
      bestStreak: 2,
      mostMissed: [{ factId: 'visit-location', misses: 1 }],
    };
    const interrupted = renderInterrupted({
      id: 1,
      guildId: '1',
      channelId: '2',
      threadId: null,
      starterUserId: '1',
      scope: 'all',
      mode: 'choice',
      questionCount: 10,
      secondsPerQuestion: 20,
      status: 'interrupted',
      startedAt: T0,
      endedAt: at(60),
      messageId: '3',
      questionsRevealed: 4,
      scores: [{ userId: '1', displayName: name, points: 5, correct: 3, answered: 4 }],
    });
    for (const payload of [
      board,
      renderPlayerStats(stats, 'fallback', () => 'In which city were the talks held?'),
      interrupted,
    ]) {
      expectWithinLimits(payload);
      expect(text(payload)).toContain('@\u200bhere \\*\\*top\\*\\*');
      expect(text(payload)).not.toContain('@here');
    }
    expect(text(interrupted)).toContain(TRIVIA_TEXT.interrupted(4, 10));
  });
});

describe('private notes to a player', () => {
  const notes: ReplyMessage[] = [
    { type: 'answer-received', question: 0, option: 1 },
    { type: 'already-answered', question: 0, option: 1 },
    { type: 'correct', question: 0, points: 2 },
    { type: 'close', question: 1, hint: 'spelling', attemptsLeft: 2 },
    { type: 'wrong', question: 1, attemptsLeft: 0 },
    { type: 'too-late', question: 0 },
  ];

  it('say what counted, privately', () => {
    const said = notes.map((n) => renderTriviaReply(n, VIEW));
    for (const payload of said) {
      expect(payload.ephemeral).toBe(true);
      expectWithinLimits(payload);
    }
    expect(said.map((p) => p.content)).toEqual([
      'Got it: your answer to question 1 is **B. Leningrad**. The right answer is revealed when the question closes.',
      'You have already answered question 1: **B. Leningrad** is your answer, and it stands.',
      'Correct! 2 points for you.',
      'Close, but not quite: check the spelling. 2 tries left.',
      'Not right, and that was your last try.',
      'Too late: question 1 is closed.',
    ]);
  });
});

describe('the answer modal and the offer of fewer questions', () => {
  it('opens a modal within Discord limits whose id names the game and the question', () => {
    const modal = renderAnswerModal(12, 3, 'x'.repeat(500));
    expect(modal?.custom_id).toBe('trivia:typed:12,3');
    expect(modal?.title.length).toBeLessThanOrEqual(DISCORD_LIMITS.modalTitle);
    const input = modal?.components[0];
    const field = input && 'components' in input ? input.components[0] : undefined;
    expect(field).toMatchObject({ custom_id: 'answer', required: true });
    expect(
      field && 'placeholder' in field ? (field.placeholder?.length ?? 0) : 0,
    ).toBeLessThanOrEqual(DISCORD_LIMITS.textInputPlaceholder);
  });

  it('says how many questions a topic has and offers a button to play them', () => {
    const offer = {
      questions: 3,
      mode: 'choice' as const,
      seconds: 20,
      thread: false,
      seed: 42,
      topic: 'places',
    };
    const payload = renderTooFew(offer, 10);
    expect(payload.content).toBe(
      'This topic has 3 questions for a choice game, fewer than the 10 you asked for.',
    );
    expect(payload.components[0]?.components[0]).toMatchObject({
      custom_id: 'trivia:play:3,c,20,0,42,places',
      label: 'Play 3 questions',
    });
    expect(payload.ephemeral).toBe(true);
  });

  it('asks for the command instead when the offer cannot fit in a button', () => {
    const offer = {
      questions: 3,
      mode: 'open' as const,
      seconds: 20,
      thread: true,
      seed: 42,
      topic: `a${'-b'.repeat(50)}`,
    };
    const payload = renderTooFew(offer, 10);
    expect(payload.components).toEqual([]);
    expect(payload.content).toContain('questions:3');
  });
});

describe('a single question in open mode', () => {
  it('shows an Answer button, and says the answer can be typed in the channel in prefix mode', () => {
    const state = rules.step(
      readyGame('open', { questions: [dealtQuestion()] }),
      { type: 'start' },
      T0,
    );
    const question = state.effects.find((e) => e.kind === 'post' && e.message.type === 'question');
    if (question?.kind !== 'post') throw new Error('no question posted');
    const [plainMode] = renderTriviaPost(question.message, VIEW);
    const [typed] = renderTriviaPost(question.message, { ...VIEW, typedAnswers: true });
    expect(plainMode?.components[0]?.components.map((b) => [b.custom_id, b.label])).toEqual([
      ['trivia:open:7,0', 'Answer'],
    ]);
    expect(plainMode?.embeds[0]?.description).toContain(TRIVIA_TEXT.answerPrompt);
    expect(typed?.embeds[0]?.description).toContain(TRIVIA_TEXT.answerPromptTyped);
  });
});
