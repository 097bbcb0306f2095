/**
 * The trivia game's rules as a pure state machine: `step(state, event, now)` returns the next
 * state and the effects a shell must carry out (post, edit, reply, schedule, record, end). It
 * never sleeps, posts or writes, reads no clock (`now` is a parameter) and draws no random
 * number (questions and their options were shuffled by `deal`).
 */
import type { GameEnd, PlayerAnswer, RevealedQuestion } from '../store/types.js';
import { checkAnswer, type CheckLanguage } from './check.js';
import { TRIVIA_RULES } from './rules.js';
import { pointsFor, standingsOf } from './score.js';
import type {
  AnswerEvent,
  AnswerResult,
  CurrentAnswer,
  GameSetup,
  PlayerScore,
  RecapEntry,
  ReplyMessage,
  RevealReason,
  TriviaEffect,
  TriviaEvent,
  TriviaState,
  TriviaTransition,
} from './types.js';

/** What the rules need from outside, created once at start-up. */
export interface TriviaDeps {
  /** The players' language, for the open-mode answer checker (`checkAnswer` in `check.ts`). */
  readonly language: CheckLanguage;
}

/** One step of a game: the next state and the effects to carry out. */
export type TriviaStep = (state: TriviaState, event: TriviaEvent, now: number) => TriviaTransition;

/** The game rules bound to their dependencies. */
export interface TriviaRules {
  readonly step: TriviaStep;
}

/**
 * A game before its `start`: nothing asked, nobody scored. The questions are `deal`'s, in the
 * order they will be asked.
 */
export function prepareGame(setup: GameSetup): TriviaState {
  const { scope, options, questions, ...ids } = setup;
  return {
    phase: 'ready',
    ids,
    scope,
    options,
    questions,
    current: 0,
    askedAt: null,
    deadline: null,
    answers: [],
    players: [],
    scores: [],
    recap: [],
    status: null,
    endedAt: null,
  };
}

/**
 * The rules, bound to the answer checker's language. A factory rather than a parameter of
 * `step`: the language holds functions (word frequencies), which have no place in a state that
 * is plain data (logged, compared whole in tests, perhaps stored), and passing it on every call
 * would make every caller carry it. The shells create the rules once, at start-up, and keep
 * calling `step(state, event, now)`.
 */
export function createTriviaRules(deps: TriviaDeps): TriviaRules {
  return { step: (state, event, now) => step(state, event, now, deps) };
}

const nothing = (state: TriviaState): TriviaTransition => ({ state, effects: [] });

const reply = (userId: string, message: ReplyMessage): TriviaEffect => ({
  kind: 'reply',
  userId,
  message,
});

function step(
  state: TriviaState,
  event: TriviaEvent,
  now: number,
  deps: TriviaDeps,
): TriviaTransition {
  if (state.phase === 'ended') {
    return event.type === 'answer'
      ? { state, effects: [reply(event.userId, { type: 'no-game' })] }
      : nothing(state);
  }
  if (state.phase === 'ready') {
    switch (event.type) {
      case 'start':
        return begin(state, now);
      case 'stop':
        return finish(state, now, 'stopped');
      case 'answer':
        return { state, effects: [reply(event.userId, { type: 'not-started' })] };
      default:
        return nothing(state);
    }
  }
  // A timer may fire late, and a player's answer may arrive before it: any event after the
  // deadline first closes the question, as the tick would have.
  const overdue = now >= (state.deadline ?? now);
  switch (event.type) {
    case 'start':
      return nothing(state);
    case 'tick':
      return overdue ? closeAndAdvance(state, now, 'deadline') : nothing(state);
    case 'skip':
      if (event.question !== undefined && event.question !== state.current) return nothing(state);
      return closeAndAdvance(state, now, overdue ? 'deadline' : 'skipped');
    case 'stop': {
      const closed = close(state, now, overdue ? 'deadline' : 'stopped');
      // Stopping after the last question's time ran out stops nothing: the game was over.
      const allAsked = closed.state.current >= state.questions.length;
      const ended = finish(closed.state, now, overdue && allAsked ? 'finished' : 'stopped');
      return { state: ended.state, effects: [...closed.effects, ...ended.effects] };
    }
    case 'answer': {
      if (overdue) {
        const closed = closeAndAdvance(state, now, 'deadline');
        const late = reply(event.userId, { type: 'too-late', question: state.current });
        return { state: closed.state, effects: [late, ...closed.effects] };
      }
      return answer(state, event, now, deps);
    }
  }
}

/** `start`: the rules, then the first question. */
function begin(state: TriviaState, now: number): TriviaTransition {
  const { mode, seconds } = state.options;
  const rules: TriviaEffect = {
    kind: 'post',
    message: {
      type: 'rules',
      mode,
      questions: state.questions.length,
      seconds,
      scoring: {
        pointsForCorrect: TRIVIA_RULES.pointsForCorrect,
        maxSpeedBonus: TRIVIA_RULES.maxSpeedBonus,
      },
      attempts: mode === 'open' ? TRIVIA_RULES.openAttempts : null,
    },
  };
  const next = advance({ ...state, phase: 'asking' }, now);
  return { state: next.state, effects: [rules, ...next.effects] };
}

/** Asks the next question, or ends the game when none is left. */
function advance(state: TriviaState, now: number): TriviaTransition {
  const question = state.questions[state.current];
  if (question === undefined) return finish(state, now, 'finished');
  const deadline = now + state.options.seconds * 1000;
  return {
    state: { ...state, askedAt: now, deadline, answers: [] },
    effects: [
      {
        kind: 'post',
        message: {
          type: 'question',
          question: state.current,
          total: state.questions.length,
          mode: state.options.mode,
          prompt: question.prompt,
          options: state.options.mode === 'choice' ? question.options : null,
          askedAt: now,
          deadline,
          seconds: state.options.seconds,
        },
      },
      { kind: 'schedule', at: deadline, question: state.current },
    ],
  };
}

function closeAndAdvance(state: TriviaState, now: number, reason: RevealReason): TriviaTransition {
  const closed = close(state, now, reason);
  const next = advance(closed.state, now);
  return { state: next.state, effects: [...closed.effects, ...next.effects] };
}

/** Adds one revealed question's answers to the running scores. */
function addScores(scores: readonly PlayerScore[], answers: readonly CurrentAnswer[]) {
  const byUser = new Map(scores.map((s) => [s.userId, s]));
  for (const a of answers) {
    const before = byUser.get(a.userId);
    const scored = a.points > 0;
    byUser.set(a.userId, {
      userId: a.userId,
      displayName: a.displayName,
      points: (before?.points ?? 0) + a.points,
      correct: (before?.correct ?? 0) + (a.correct ? 1 : 0),
      answered: (before?.answered ?? 0) + 1,
      reachedAt: scored || before === undefined ? a.answeredAt : before.reachedAt,
    });
  }
  return [...byUser.values()];
}

/**
 * Reveals the open question: its message edited to show the answer, who got it and the
 * citation; its answers recorded; the scores and the players updated.
 */
function close(state: TriviaState, now: number, reason: RevealReason): TriviaTransition {
  const question = state.questions[state.current]!;
  const results: AnswerResult[] = state.answers.map((a) => ({
    userId: a.userId,
    displayName: a.displayName,
    given: a.given,
    option: a.option,
    correct: a.correct,
    points: a.points,
  }));
  const entry: RecapEntry = {
    question: state.current,
    factId: question.factId,
    prompt: question.prompt,
    answer: question.answer,
    options: state.options.mode === 'choice' ? question.options : null,
    correctOption: state.options.mode === 'choice' ? question.correctOption : null,
    citation: question.citation,
    reason,
    results,
  };
  const scores = addScores(state.scores, state.answers);
  const newcomers = state.answers.map((a) => a.userId).filter((u) => !state.players.includes(u));
  const recorded: PlayerAnswer[] = state.answers.map((a) => ({
    userId: a.userId,
    displayName: a.displayName,
    given: a.given,
    correct: a.correct,
    points: a.points,
    answeredAt: a.answeredAt,
  }));
  const revealed: RevealedQuestion = {
    gameId: state.ids.gameId,
    index: state.current,
    factId: question.factId,
    prompt: question.prompt,
    answer: question.answer,
    revealedAt: now,
    answers: recorded,
  };
  return {
    state: {
      ...state,
      current: state.current + 1,
      askedAt: null,
      deadline: null,
      answers: [],
      players: [...state.players, ...newcomers],
      scores,
      recap: [...state.recap, entry],
    },
    effects: [
      {
        kind: 'edit',
        question: state.current,
        message: {
          type: 'reveal',
          ...entry,
          total: state.questions.length,
          standings: standingsOf(scores),
        },
      },
      { kind: 'record', record: 'reveal', question: revealed },
    ],
  };
}

/** Ends the game: final standings and recap, the store told, the shell told to let go. */
function finish(state: TriviaState, now: number, status: GameEnd): TriviaTransition {
  return {
    state: {
      ...state,
      phase: 'ended',
      askedAt: null,
      deadline: null,
      answers: [],
      status,
      endedAt: now,
    },
    effects: [
      {
        kind: 'post',
        message: {
          type: 'results',
          status,
          standings: standingsOf(state.scores),
          recap: state.recap,
          asked: state.recap.length,
          planned: state.questions.length,
        },
      },
      { kind: 'record', record: 'finish', gameId: state.ids.gameId, status, at: now },
      { kind: 'end', status },
    ],
  };
}

/**
 * Whether every player of the game is done with the open question: answered it (choice) or
 * used every try (open). Players are those who answered an earlier question of the game, or the
 * starter while there are none (see `TriviaState`).
 */
function everyoneDone(state: TriviaState): boolean {
  const waitFor = state.players.length > 0 ? state.players : [state.ids.starterUserId];
  return waitFor.every((userId) => {
    const given = state.answers.find((a) => a.userId === userId);
    if (given === undefined) return false;
    return state.options.mode === 'choice' || given.attempts >= TRIVIA_RULES.openAttempts;
  });
}

/** Follows an accepted answer with the reveal when it closed the question. */
function afterAnswer(
  state: TriviaState,
  effect: TriviaEffect,
  now: number,
  revealBecause: RevealReason | null,
): TriviaTransition {
  if (revealBecause === null) return { state, effects: [effect] };
  const next = closeAndAdvance(state, now, revealBecause);
  return { state: next.state, effects: [effect, ...next.effects] };
}

function answer(
  state: TriviaState,
  event: AnswerEvent,
  now: number,
  deps: TriviaDeps,
): TriviaTransition {
  const index = state.current;
  const refuse = (message: ReplyMessage): TriviaTransition => ({
    state,
    effects: [reply(event.userId, message)],
  });
  if (event.question !== undefined && event.question !== index) {
    return refuse({ type: 'too-late', question: event.question });
  }
  const question = state.questions[index]!;
  const askedAt = state.askedAt ?? now;
  const deadline = state.deadline ?? now;
  const before = state.answers.find((a) => a.userId === event.userId);

  if (state.options.mode === 'choice') {
    const options = question.options ?? [];
    if (event.option === undefined) {
      return refuse({ type: 'invalid-answer', question: index, reason: 'expected-option' });
    }
    const option = event.option;
    if (!Number.isInteger(option) || option < 0 || option >= options.length) {
      return refuse({ type: 'invalid-answer', question: index, reason: 'no-such-option' });
    }
    if (before) {
      return refuse({ type: 'already-answered', question: index, option: before.option ?? 0 });
    }
    const correct = option === question.correctOption;
    const given: CurrentAnswer = {
      userId: event.userId,
      displayName: event.displayName,
      given: options[option]!,
      option,
      correct,
      points: correct ? pointsFor(now, askedAt, deadline) : 0,
      answeredAt: now,
      attempts: 1,
    };
    const next = { ...state, answers: [...state.answers, given] };
    const received = reply(event.userId, { type: 'answer-received', question: index, option });
    return afterAnswer(next, received, now, everyoneDone(next) ? 'everyone-answered' : null);
  }

  if (event.text === undefined || event.text.trim() === '') {
    return refuse({ type: 'invalid-answer', question: index, reason: 'expected-text' });
  }
  const attempts = (before?.attempts ?? 0) + 1;
  if (attempts > TRIVIA_RULES.openAttempts) {
    return refuse({ type: 'no-attempts-left', question: index });
  }
  const verdict = checkAnswer(
    { answer: question.answer, accept: question.accept },
    event.text,
    deps.language,
  );
  const correct = verdict.verdict === 'correct';
  const given: CurrentAnswer = {
    userId: event.userId,
    displayName: event.displayName,
    given: event.text,
    option: null,
    correct,
    points: correct ? pointsFor(now, askedAt, deadline) : 0,
    answeredAt: now,
    attempts,
  };
  // A retry replaces the player's earlier try in place: the store keeps one answer per player,
  // and the order of first answers is kept.
  const answers = before
    ? state.answers.map((a) => (a.userId === event.userId ? given : a))
    : [...state.answers, given];
  const next = { ...state, answers };
  const attemptsLeft = TRIVIA_RULES.openAttempts - attempts;
  if (verdict.verdict === 'correct') {
    const won = reply(event.userId, { type: 'correct', question: index, points: given.points });
    return afterAnswer(next, won, now, 'answered-correctly');
  }
  const note = reply(
    event.userId,
    verdict.verdict === 'close'
      ? { type: 'close', question: index, hint: verdict.hint, attemptsLeft }
      : { type: 'wrong', question: index, attemptsLeft },
  );
  return afterAnswer(next, note, now, everyoneDone(next) ? 'everyone-answered' : null);
}
