import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { TRIVIA_RULES } from '../../src/trivia/rules.js';
import { pointsFor, standingsOf } from '../../src/trivia/score.js';
import { createTriviaRules } from '../../src/trivia/step.js';
import type {
  PlayerScore,
  RevealMessage,
  TriviaEffect,
  TriviaEvent,
  TriviaState,
} from '../../src/trivia/types.js';
import { createMemoryStore } from '../support/memoryStore.js';
import { at, dealtQuestion, ENGLISH, readyGame, T0, threeQuestions } from '../support/trivia.js';

const rules = createTriviaRules({ language: ENGLISH });

/** Plays `events` (each at its time) from `state`; returns the last state and every effect. */
function play(state: TriviaState, events: readonly (readonly [TriviaEvent, number])[]) {
  let current = state;
  const effects: TriviaEffect[] = [];
  for (const [event, now] of events) {
    const next = rules.step(current, event, now);
    current = next.state;
    effects.push(...next.effects);
  }
  return { state: current, effects };
}

/** A game in `mode` after its start at `T0`. */
function started(mode: 'choice' | 'open' = 'choice') {
  return rules.step(readyGame(mode), { type: 'start' }, T0).state;
}

const choose = (userId: string, option: number, question?: number): TriviaEvent => ({
  type: 'answer',
  userId,
  displayName: userId.charAt(0).toUpperCase() + userId.slice(1),
  option,
  question,
});

const type = (userId: string, text: string): TriviaEvent => ({
  type: 'answer',
  userId,
  displayName: userId.charAt(0).toUpperCase() + userId.slice(1),
  text,
});

const kinds = (effects: readonly TriviaEffect[]) =>
  effects.map((e) =>
    e.kind === 'post'
      ? `post:${e.message.type}`
      : e.kind === 'reply'
        ? `reply:${e.userId}:${e.message.type}`
        : e.kind === 'record'
          ? `record:${e.record}`
          : e.kind,
  );

const reveals = (effects: readonly TriviaEffect[]): RevealMessage[] =>
  effects.flatMap((e) => (e.kind === 'edit' ? [e.message] : []));

describe('starting a game', () => {
  it('posts the rules, then the first question, and schedules its deadline', () => {
    const { state, effects } = rules.step(readyGame(), { type: 'start' }, T0);
    const [first] = threeQuestions();
    expect(effects).toEqual([
      {
        kind: 'post',
        message: {
          type: 'rules',
          mode: 'choice',
          questions: 3,
          seconds: 20,
          scoring: { pointsForCorrect: 1, maxSpeedBonus: 1 },
          attempts: null,
        },
      },
      {
        kind: 'post',
        message: {
          type: 'question',
          question: 0,
          total: 3,
          mode: 'choice',
          prompt: first!.prompt,
          options: first!.options,
          askedAt: T0,
          deadline: at(20),
          seconds: 20,
        },
      },
      { kind: 'schedule', at: at(20), question: 0 },
    ]);
    expect(state).toMatchObject({ phase: 'asking', current: 0, askedAt: T0, deadline: at(20) });
  });

  it('in open mode states the tries allowed and shows no options', () => {
    const { effects } = rules.step(readyGame('open'), { type: 'start' }, T0);
    expect(effects[0]).toMatchObject({ message: { type: 'rules', mode: 'open', attempts: 3 } });
    expect(effects[1]).toMatchObject({ message: { type: 'question', options: null } });
  });

  it('tells a player who answers before the start that the game has not started', () => {
    const { state, effects } = rules.step(readyGame(), choose('bob', 0), T0);
    expect(effects).toEqual([{ kind: 'reply', userId: 'bob', message: { type: 'not-started' } }]);
    expect(state.phase).toBe('ready');
  });
});

describe('the deadline', () => {
  it('a tick before the deadline changes nothing', () => {
    const state = started();
    const { state: after, effects } = rules.step(state, { type: 'tick' }, at(19.999));
    expect(effects).toEqual([]);
    expect(after).toBe(state);
  });

  it('a tick at the deadline reveals the question and asks the next', () => {
    const { state, effects } = play(started(), [
      [choose('bob', 2), at(3)],
      [{ type: 'tick' }, at(20)],
    ]);
    expect(kinds(effects)).toEqual([
      'reply:bob:answer-received',
      'edit',
      'record:reveal',
      'post:question',
      'schedule',
    ]);
    expect(reveals(effects)[0]).toMatchObject({ question: 0, reason: 'deadline' });
    expect(effects.at(-1)).toEqual({ kind: 'schedule', at: at(40), question: 1 });
    expect(state).toMatchObject({ current: 1, askedAt: at(20), deadline: at(40) });
  });

  it('an answer after the deadline is too late, and reveals the question as the tick would', () => {
    const { state, effects } = play(started(), [[choose('starter', 0), at(25)]]);
    expect(kinds(effects)).toEqual([
      'reply:starter:too-late',
      'edit',
      'record:reveal',
      'post:question',
      'schedule',
    ]);
    expect(effects[0]).toEqual({
      kind: 'reply',
      userId: 'starter',
      message: { type: 'too-late', question: 0 },
    });
    expect(reveals(effects)[0]).toMatchObject({ reason: 'deadline', results: [] });
    expect(state).toMatchObject({ current: 1, askedAt: at(25), deadline: at(45), scores: [] });
  });

  it('a button of an earlier question is too late and does not count for the open one', () => {
    const { state, effects } = play(started(), [
      [choose('starter', 0), at(2)],
      [choose('starter', 1, 0), at(3)],
    ]);
    expect(effects.at(-1)).toEqual({
      kind: 'reply',
      userId: 'starter',
      message: { type: 'too-late', question: 0 },
    });
    expect(state).toMatchObject({ current: 1, answers: [] });
  });
});

describe('answers in choice mode', () => {
  it('acknowledges each answer privately, without saying whether it is right', () => {
    const { effects } = play(started(), [[choose('bob', 3), at(2)]]);
    expect(effects).toEqual([
      {
        kind: 'reply',
        userId: 'bob',
        message: { type: 'answer-received', question: 0, option: 3 },
      },
    ]);
  });

  it('a second answer changes nothing and is told it had answered already', () => {
    const { state: once } = play(started(), [[choose('bob', 3), at(2)]]);
    const { state, effects } = play(once, [[choose('bob', 0), at(4)]]);
    expect(effects).toEqual([
      {
        kind: 'reply',
        userId: 'bob',
        message: { type: 'already-answered', question: 0, option: 3 },
      },
    ]);
    expect(state).toBe(once);
  });

  it('refuses an option that does not exist, and a typed answer', () => {
    const { state, effects } = play(started(), [
      [choose('bob', 4), at(1)],
      [type('bob', 'Moscow'), at(2)],
    ]);
    expect(effects.map((e) => e.kind === 'reply' && e.message)).toEqual([
      { type: 'invalid-answer', question: 0, reason: 'no-such-option' },
      { type: 'invalid-answer', question: 0, reason: 'expected-option' },
    ]);
    expect(state.answers).toEqual([]);
  });

  it('the first question waits for the starter; every answer before that is only acknowledged', () => {
    const { effects } = play(started(), [
      [choose('bob', 1), at(2)],
      [choose('carol', 0), at(3)],
    ]);
    expect(kinds(effects)).toEqual(['reply:bob:answer-received', 'reply:carol:answer-received']);
  });

  it('reveals early once every player of the game has answered', () => {
    const { effects } = play(started(), [
      [choose('bob', 1), at(2)],
      [choose('starter', 0), at(4)],
    ]);
    expect(kinds(effects)).toEqual([
      'reply:bob:answer-received',
      'reply:starter:answer-received',
      'edit',
      'record:reveal',
      'post:question',
      'schedule',
    ]);
    expect(reveals(effects)[0]!.reason).toBe('everyone-answered');
    expect(effects.at(-1)).toEqual({ kind: 'schedule', at: at(24), question: 1 });
  });

  it('later questions wait for everyone who has played, and a newcomer joins by answering', () => {
    const { state: second } = play(started(), [
      [choose('bob', 1), at(2)],
      [choose('starter', 0), at(4)],
    ]);
    expect(second.players).toEqual(['bob', 'starter']);
    const { state, effects } = play(second, [
      [choose('starter', 1), at(5)],
      [choose('carol', 1), at(6)],
      [choose('bob', 0), at(7)],
    ]);
    expect(kinds(effects)).toEqual([
      'reply:starter:answer-received',
      'reply:carol:answer-received',
      'reply:bob:answer-received',
      'edit',
      'record:reveal',
      'post:question',
      'schedule',
    ]);
    expect(state.players).toEqual(['bob', 'starter', 'carol']);
  });

  it('reveals the answer, who got it right with their points, and the citation; records it all', () => {
    const { effects } = play(started(), [
      [choose('bob', 1), at(2)],
      [choose('starter', 0), at(4)],
    ]);
    const [first] = threeQuestions();
    expect(effects.slice(2, 4)).toEqual([
      {
        kind: 'edit',
        question: 0,
        message: {
          type: 'reveal',
          question: 0,
          total: 3,
          factId: 'visit-location',
          prompt: first!.prompt,
          answer: 'Moscow',
          options: ['Moscow', 'Leningrad', 'Kiev', 'Minsk'],
          correctOption: 0,
          citation: first!.citation,
          reason: 'everyone-answered',
          results: [
            {
              userId: 'bob',
              displayName: 'Bob',
              given: 'Leningrad',
              option: 1,
              correct: false,
              points: 0,
            },
            {
              userId: 'starter',
              displayName: 'Starter',
              given: 'Moscow',
              option: 0,
              correct: true,
              points: 2,
            },
          ],
          standings: [
            {
              rank: 1,
              userId: 'starter',
              displayName: 'Starter',
              points: 2,
              correct: 1,
              answered: 1,
            },
            { rank: 2, userId: 'bob', displayName: 'Bob', points: 0, correct: 0, answered: 1 },
          ],
        },
      },
      {
        kind: 'record',
        record: 'reveal',
        question: {
          gameId: 7,
          index: 0,
          factId: 'visit-location',
          prompt: first!.prompt,
          answer: 'Moscow',
          revealedAt: at(4),
          answers: [
            {
              userId: 'bob',
              displayName: 'Bob',
              given: 'Leningrad',
              correct: false,
              points: 0,
              answeredAt: at(2),
            },
            {
              userId: 'starter',
              displayName: 'Starter',
              given: 'Moscow',
              correct: true,
              points: 2,
              answeredAt: at(4),
            },
          ],
        },
      },
    ]);
  });
});

describe('the speed bonus', () => {
  it('adds a point to a correct answer with at least half the time left, none later', () => {
    expect(pointsFor(at(0), at(0), at(20))).toBe(2);
    expect(pointsFor(at(10), at(0), at(20))).toBe(2);
    expect(pointsFor(at(10.001), at(0), at(20))).toBe(1);
    expect(pointsFor(at(19.999), at(0), at(20))).toBe(1);
  });

  it('never gives more than the maximum or less than the base when the clock jumps', () => {
    expect(pointsFor(at(-5), at(0), at(20))).toBe(2);
    expect(pointsFor(at(30), at(0), at(20))).toBe(1);
  });

  it('scores the fast answer 2 and the slow one 1 in a game', () => {
    const { state } = play(started(), [
      [choose('starter', 0), at(9)],
      [choose('starter', 1), at(9 + 15)],
    ]);
    expect(state.recap.map((r) => r.results.map((x) => x.points))).toEqual([[2], [1]]);
    expect(state.scores).toEqual([
      {
        userId: 'starter',
        displayName: 'Starter',
        points: 3,
        correct: 2,
        answered: 2,
        reachedAt: at(24),
      },
    ]);
  });

  it('gives a wrong answer nothing, however fast', () => {
    const { state } = play(started(), [[choose('starter', 3), at(1)]]);
    expect(state.recap[0]!.results[0]).toMatchObject({ correct: false, points: 0 });
  });
});

describe('answers in open mode', () => {
  it('the first correct answer scores and ends the question', () => {
    const { state, effects } = play(started('open'), [
      [type('amy', 'Leningrad'), at(3)],
      [type('bob', 'moscow'), at(6)],
    ]);
    expect(kinds(effects)).toEqual([
      'reply:amy:wrong',
      'reply:bob:correct',
      'edit',
      'record:reveal',
      'post:question',
      'schedule',
    ]);
    expect(effects[1]).toEqual({
      kind: 'reply',
      userId: 'bob',
      message: { type: 'correct', question: 0, points: 2 },
    });
    expect(reveals(effects)[0]).toMatchObject({
      reason: 'answered-correctly',
      options: null,
      correctOption: null,
      results: [
        { userId: 'amy', given: 'Leningrad', option: null, correct: false, points: 0 },
        { userId: 'bob', given: 'moscow', option: null, correct: true, points: 2 },
      ],
    });
    expect(state.current).toBe(1);
  });

  it('tells a near miss privately that it is close, and lets the player try again', () => {
    const { state: second } = play(started('open'), [[type('starter', 'Moscow'), at(1)]]);
    const { effects } = play(second, [
      [type('bob', 'Alexei'), at(3)],
      [type('bob', 'Kosygin'), at(5)],
    ]);
    expect(effects[0]).toEqual({
      kind: 'reply',
      userId: 'bob',
      message: { type: 'close', question: 1, hint: 'partial', attemptsLeft: 2 },
    });
    expect(effects[1]).toMatchObject({ userId: 'bob', message: { type: 'correct', question: 1 } });
    expect(reveals(effects)[0]!.results).toEqual([
      {
        userId: 'bob',
        displayName: 'Bob',
        given: 'Kosygin',
        option: null,
        correct: true,
        points: 2,
      },
    ]);
  });

  it(`allows ${TRIVIA_RULES.openAttempts} tries per question, then refuses more`, () => {
    const { state, effects } = play(started('open'), [
      [type('bob', 'Kiev'), at(1)],
      [type('bob', 'Minsk'), at(2)],
      [type('bob', 'Riga'), at(3)],
      [type('bob', 'Moscow'), at(4)],
    ]);
    expect(effects.map((e) => e.kind === 'reply' && e.message)).toEqual([
      { type: 'wrong', question: 0, attemptsLeft: 2 },
      { type: 'wrong', question: 0, attemptsLeft: 1 },
      { type: 'wrong', question: 0, attemptsLeft: 0 },
      { type: 'no-attempts-left', question: 0 },
    ]);
    expect(state.answers).toEqual([
      {
        userId: 'bob',
        displayName: 'Bob',
        given: 'Riga',
        option: null,
        correct: false,
        points: 0,
        answeredAt: at(3),
        attempts: 3,
      },
    ]);
  });

  it('reveals early when every player has used every try', () => {
    const { effects } = play(started('open'), [
      [type('starter', 'Kiev'), at(1)],
      [type('starter', 'Minsk'), at(2)],
      [type('starter', 'Riga'), at(3)],
    ]);
    expect(kinds(effects).slice(2)).toEqual([
      'reply:starter:wrong',
      'edit',
      'record:reveal',
      'post:question',
      'schedule',
    ]);
    expect(reveals(effects)[0]!.reason).toBe('everyone-answered');
  });

  it('refuses a blank message or a button without counting a try', () => {
    const { state, effects } = play(started('open'), [
      [type('bob', '   '), at(1)],
      [choose('bob', 0), at(2)],
    ]);
    expect(effects.map((e) => e.kind === 'reply' && e.message)).toEqual([
      { type: 'invalid-answer', question: 0, reason: 'expected-text' },
      { type: 'invalid-answer', question: 0, reason: 'expected-text' },
    ]);
    expect(state.answers).toEqual([]);
  });
});

describe('skipping', () => {
  it('reveals the open question now: those who answered keep their points, the rest get none', () => {
    const { state, effects } = play(started(), [
      [choose('bob', 0), at(3)],
      [{ type: 'skip' }, at(8)],
    ]);
    expect(kinds(effects)).toEqual([
      'reply:bob:answer-received',
      'edit',
      'record:reveal',
      'post:question',
      'schedule',
    ]);
    expect(reveals(effects)[0]).toMatchObject({
      reason: 'skipped',
      results: [{ userId: 'bob', points: 2 }],
    });
    expect(state).toMatchObject({ current: 1, askedAt: at(8), deadline: at(28) });
  });

  it('a skip meant for another question changes nothing', () => {
    const state = started();
    const { state: after, effects } = rules.step(state, { type: 'skip', question: 1 }, at(2));
    expect(effects).toEqual([]);
    expect(after).toBe(state);
  });
});

describe('stopping', () => {
  it('mid-question: reveals the open question, then standings and recap with the points so far', () => {
    const { state, effects } = play(started(), [
      [choose('starter', 0), at(1)],
      [choose('bob', 1), at(5)],
      [{ type: 'stop' }, at(9)],
    ]);
    const stopEffects = effects.slice(
      effects.findIndex((e) => e.kind === 'reply' && e.userId === 'bob') + 1,
    );
    expect(kinds(stopEffects)).toEqual([
      'edit',
      'record:reveal',
      'post:results',
      'record:finish',
      'end',
    ]);
    expect(reveals(stopEffects)[0]).toMatchObject({ question: 1, reason: 'stopped' });
    const results = stopEffects[2];
    expect(results).toMatchObject({
      kind: 'post',
      message: {
        type: 'results',
        status: 'stopped',
        asked: 2,
        planned: 3,
        // Equal points and correct answers: the starter reached 2 points first.
        standings: [
          { rank: 1, userId: 'starter', points: 2, correct: 1, answered: 1 },
          { rank: 2, userId: 'bob', points: 2, correct: 1, answered: 1 },
        ],
      },
    });
    const recap =
      results?.kind === 'post' && results.message.type === 'results' ? results.message.recap : [];
    expect(recap.map((r) => [r.question, r.answer, r.citation.factId])).toEqual([
      [0, 'Moscow', 'visit-location'],
      [1, 'Alexei Kosygin', 'alexei-kosygin'],
    ]);
    expect(stopEffects.slice(3)).toEqual([
      { kind: 'record', record: 'finish', gameId: 7, status: 'stopped', at: at(9) },
      { kind: 'end', status: 'stopped' },
    ]);
    expect(state).toMatchObject({ phase: 'ended', status: 'stopped', endedAt: at(9) });
  });

  it('before the start: ends the game with no questions asked', () => {
    const { state, effects } = rules.step(readyGame(), { type: 'stop' }, T0);
    expect(effects).toEqual([
      {
        kind: 'post',
        message: {
          type: 'results',
          status: 'stopped',
          standings: [],
          recap: [],
          asked: 0,
          planned: 3,
        },
      },
      { kind: 'record', record: 'finish', gameId: 7, status: 'stopped', at: T0 },
      { kind: 'end', status: 'stopped' },
    ]);
    expect(state.phase).toBe('ended');
  });
});

describe('standings', () => {
  const score = (
    userId: string,
    points: number,
    correct: number,
    reachedAt: number,
  ): PlayerScore => ({
    userId,
    displayName: userId,
    points,
    correct,
    answered: 3,
    reachedAt,
  });

  it('rank by points, then correct answers, then who reached the score first, then user id', () => {
    const standings = standingsOf([
      score('t', 2, 1, at(9)),
      score('q', 2, 1, at(7)),
      score('s', 2, 1, at(9)),
      score('p', 2, 2, at(30)),
      score('x', 4, 2, at(50)),
      score('z', 0, 0, at(1)),
    ]);
    expect(standings.map((s) => [s.rank, s.userId])).toEqual([
      [1, 'x'],
      [2, 'p'],
      [3, 'q'],
      [4, 's'],
      [5, 't'],
      [6, 'z'],
    ]);
  });
});

describe('the end of a game', () => {
  const finished = () =>
    play(started(), [
      [choose('starter', 0), at(2)],
      [choose('starter', 0), at(4)],
      [{ type: 'tick' }, at(10)],
      [choose('starter', 2), at(20)],
    ]);

  it('after the last question posts the standings and a recap of every answer and citation', () => {
    const { state, effects } = finished();
    expect(kinds(effects.slice(-5))).toEqual([
      'edit',
      'record:reveal',
      'post:results',
      'record:finish',
      'end',
    ]);
    const results = effects.at(-3);
    expect(results).toEqual({
      kind: 'post',
      message: {
        type: 'results',
        status: 'finished',
        standings: [
          {
            rank: 1,
            userId: 'starter',
            displayName: 'Starter',
            points: 3,
            correct: 2,
            answered: 3,
          },
        ],
        recap: state.recap,
        asked: 3,
        planned: 3,
      },
    });
    expect(
      state.recap.map((r) => [r.answer, r.reason, r.citation.section, r.citation.paragraph]),
    ).toEqual([
      ['Moscow', 'everyone-answered', 'Lead', 1],
      ['Alexei Kosygin', 'everyone-answered', 'Lead', 2],
      ['1985', 'everyone-answered', 'Aftermath', 5],
    ]);
    expect(effects.slice(-2)).toEqual([
      { kind: 'record', record: 'finish', gameId: 7, status: 'finished', at: at(20) },
      { kind: 'end', status: 'finished' },
    ]);
  });

  it('after the end an answer is told there is no game, and anything else does nothing', () => {
    const { state } = finished();
    expect(rules.step(state, choose('bob', 0), at(31)).effects).toEqual([
      { kind: 'reply', userId: 'bob', message: { type: 'no-game' } },
    ]);
    for (const event of [
      { type: 'tick' },
      { type: 'skip' },
      { type: 'stop' },
      { type: 'start' },
    ] as const) {
      const next = rules.step(state, event, at(32));
      expect(next.effects).toEqual([]);
      expect(next.state).toBe(state);
    }
  });

  it('a stop after the last deadline, before its tick, finishes the game rather than stopping it', () => {
    const { effects } = play(started(), [
      [choose('starter', 0), at(1)],
      [choose('starter', 1), at(2)],
      [{ type: 'stop' }, at(2 + 20)],
    ]);
    expect(reveals(effects).at(-1)!.reason).toBe('deadline');
    expect(effects.at(-1)).toEqual({ kind: 'end', status: 'finished' });
  });

  it('a game of no questions ends at its start', () => {
    const { state, effects } = rules.step(
      readyGame('choice', { questions: [] }),
      { type: 'start' },
      T0,
    );
    expect(kinds(effects)).toEqual(['post:rules', 'post:results', 'record:finish', 'end']);
    expect(state.status).toBe('finished');
  });
});

describe('what the store receives', () => {
  it('takes every record as it comes, and ranks players as the results did', () => {
    const store = createMemoryStore();
    const gameId = store.createGame({
      guildId: '100000000000000001',
      channelId: '200000000000000001',
      starterUserId: 'starter',
      scope: 'bhutto-soviet-visit-1972',
      mode: 'choice',
      questionCount: 3,
      secondsPerQuestion: 20,
      startedAt: T0,
    });
    const { effects } = play(readyGame('choice', { gameId }), [
      [{ type: 'start' }, T0],
      [choose('bob', 0), at(1)],
      [choose('starter', 1), at(2)],
      [{ type: 'tick' }, at(22)],
      [choose('bob', 2), at(25)],
      [choose('starter', 2), at(30)],
    ]);
    for (const effect of effects) {
      if (effect.kind !== 'record') continue;
      if (effect.record === 'reveal') store.recordReveal(effect.question);
      else expect(store.finishGame(effect.gameId, effect.status, effect.at)).toBe(true);
    }
    expect(store.getGame(gameId)).toMatchObject({ status: 'finished', questionsRevealed: 3 });
    expect(kinds(effects).filter((k) => k.startsWith('record'))).toEqual([
      'record:reveal',
      'record:reveal',
      'record:reveal',
      'record:finish',
    ]);
    const results = effects.find((e) => e.kind === 'post' && e.message.type === 'results');
    const standings =
      results?.kind === 'post' && results.message.type === 'results'
        ? results.message.standings
        : [];
    const board = store.leaderboard({ guildId: '100000000000000001', by: 'points', limit: 10 });
    expect(board.entries.map((e) => [e.userId, e.points, e.correct, e.answered])).toEqual(
      standings.map((s) => [s.userId, s.points, s.correct, s.answered]),
    );
    expect(standings.map((s) => [s.userId, s.points])).toEqual([
      ['bob', 4],
      ['starter', 2],
    ]);
  });
});

describe('any sequence of events', () => {
  const players = ['starter', 'amy', 'bob', 'carol'] as const;
  const event = fc.oneof(
    fc.record({
      type: fc.constant('answer' as const),
      userId: fc.constantFrom(...players),
      option: fc.integer({ min: -1, max: 4 }),
      text: fc.constantFrom('Moscow', 'moscow', 'Kosygin', 'Alexei', '1985', '1984', 'Kiev', ''),
      typed: fc.boolean(),
      question: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      wait: fc.integer({ min: 0, max: 25_000 }),
    }),
    fc.record({
      type: fc.constantFrom('tick' as const, 'skip' as const, 'stop' as const, 'start' as const),
      wait: fc.integer({ min: 0, max: 25_000 }),
    }),
  );

  test.prop([
    fc.constantFrom('choice' as const, 'open' as const),
    fc.array(event, { maxLength: 60 }),
  ])(
    'never throws, never scores a player twice for one question, and ends with standings equal to the recorded points',
    (mode, script) => {
      let state = rules.step(readyGame(mode), { type: 'start' }, T0).state;
      let now = T0;
      const effects: TriviaEffect[] = [];
      for (const e of script) {
        now += e.wait;
        const triviaEvent: TriviaEvent =
          e.type !== 'answer'
            ? { type: e.type }
            : e.typed
              ? {
                  type: 'answer',
                  userId: e.userId,
                  displayName: e.userId,
                  text: e.text,
                  question: e.question,
                }
              : {
                  type: 'answer',
                  userId: e.userId,
                  displayName: e.userId,
                  option: e.option,
                  question: e.question,
                };
        const next = rules.step(state, triviaEvent, now);
        state = next.state;
        effects.push(...next.effects);
      }
      const last = rules.step(state, { type: 'stop' }, now + 1);
      effects.push(...last.effects);
      state = last.state;

      const records = effects.flatMap((e) =>
        e.kind === 'record' && e.record === 'reveal' ? [e.question] : [],
      );
      for (const revealed of records) {
        const users = revealed.answers.map((a) => a.userId);
        expect(new Set(users).size).toBe(users.length);
        if (mode === 'open')
          expect(revealed.answers.filter((a) => a.correct).length).toBeLessThanOrEqual(1);
        for (const a of revealed.answers) {
          expect(Number.isInteger(a.points)).toBe(true);
          if (a.correct) expect(a.points).toBeGreaterThanOrEqual(TRIVIA_RULES.pointsForCorrect);
          else expect(a.points).toBe(0);
        }
      }
      expect(records.map((r) => r.index)).toEqual(records.map((_, i) => i));

      const recorded = new Map<string, number>();
      for (const a of records.flatMap((r) => r.answers)) {
        recorded.set(a.userId, (recorded.get(a.userId) ?? 0) + a.points);
      }
      const results = effects.flatMap((e) =>
        e.kind === 'post' && e.message.type === 'results' ? [e.message] : [],
      );
      expect(results).toHaveLength(1);
      expect(new Map(results[0]!.standings.map((s) => [s.userId, s.points]))).toEqual(recorded);
      expect(effects.filter((e) => e.kind === 'end')).toHaveLength(1);
      const after = effects.slice(effects.findIndex((e) => e.kind === 'end') + 1);
      for (const e of after)
        expect(e).toMatchObject({ kind: 'reply', message: { type: 'no-game' } });
      expect(state.phase).toBe('ended');
    },
  );
});

describe('questions as dealt', () => {
  it('shows a question with the options the deal shuffled, in their order', () => {
    const question = dealtQuestion({
      options: ['Kiev', 'Minsk', 'Moscow', 'Leningrad'],
      correctOption: 2,
    });
    const state = rules.step(
      readyGame('choice', { questions: [question] }),
      { type: 'start' },
      T0,
    ).state;
    const { effects } = rules.step(state, choose('starter', 2), at(1));
    expect(reveals(effects)[0]).toMatchObject({
      options: ['Kiev', 'Minsk', 'Moscow', 'Leningrad'],
      correctOption: 2,
      results: [{ given: 'Moscow', correct: true }],
    });
  });
});
