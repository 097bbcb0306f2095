import type {
  GameEnd,
  GameId,
  NewAskedQuestion,
  NewGame,
  PlayerAnswer,
  RevealedQuestion,
  Store,
} from '../../src/store/types.js';

/** The server most store tests play on, and a second one to check scopes are kept apart. */
export const GUILD = '100000000000000001';
export const OTHER_GUILD = '100000000000000002';
export const CHANNEL = '200000000000000001';

/** 2026-01-01T00:00:00Z: tests pass the clock explicitly. */
export const T0 = Date.UTC(2026, 0, 1);

/** A game on `GUILD`, open answers, ten questions of 20 s; override what a test is about. */
export function newGame(overrides: Partial<NewGame> = {}): NewGame {
  return {
    guildId: GUILD,
    channelId: CHANNEL,
    threadId: null,
    starterUserId: 'starter',
    scope: 'history',
    mode: 'open',
    questionCount: 10,
    secondsPerQuestion: 20,
    startedAt: T0,
    ...overrides,
  };
}

/** A player's answer: 10 points when right, none when wrong, unless the test says otherwise. */
export function answer(
  userId: string,
  correct: boolean,
  overrides: Partial<PlayerAnswer> = {},
): PlayerAnswer {
  return {
    userId,
    displayName: `Player ${userId}`,
    given: correct ? 'the right answer' : 'a wrong answer',
    correct,
    points: correct ? 10 : 0,
    answeredAt: T0,
    ...overrides,
  };
}

/** A revealed question of fact `fact-<index>` unless overridden. */
export function reveal(
  gameId: GameId,
  index: number,
  answers: readonly PlayerAnswer[],
  overrides: Partial<RevealedQuestion> = {},
): RevealedQuestion {
  return {
    gameId,
    index,
    factId: `fact-${index}`,
    prompt: `Question ${index}?`,
    answer: `Answer ${index}`,
    revealedAt: T0,
    answers,
    ...overrides,
  };
}

/** One question of a scripted game: its fact, and `[userId, correct, points?]` per answer. */
export interface Round {
  readonly factId?: string;
  readonly answers: readonly (readonly [userId: string, correct: boolean, points?: number])[];
}

/**
 * Plays games on a store with a clock that moves one second per answer, so the order players
 * answered in is the order the script lists them, across games.
 */
export function storeScript(store: Store) {
  let now = T0;
  const tick = () => (now += 1000);
  return {
    /** Plays `rounds` as one game and ends it as `end` (`null`: leaves it running). */
    play(
      rounds: readonly Round[],
      game: Partial<NewGame> = {},
      end: GameEnd | null = 'finished',
    ): GameId {
      const gameId = store.createGame(newGame({ startedAt: tick(), ...game }));
      rounds.forEach((round, index) => {
        const answers = round.answers.map(([userId, correct, points]) =>
          answer(userId, correct, {
            answeredAt: tick(),
            ...(points === undefined ? {} : { points }),
          }),
        );
        store.recordReveal(
          reveal(gameId, index, answers, {
            revealedAt: tick(),
            ...(round.factId === undefined ? {} : { factId: round.factId }),
          }),
        );
      });
      if (end) store.finishGame(gameId, end, tick());
      return gameId;
    },
    now: () => now,
    tick,
  };
}

/**
 * A question asked on `GUILD` and declined with one near miss, unless overridden: a miss, the
 * kind of row the curator's inbox reads. Pass `status: 'answered'` with a `factId` for an answer.
 */
export function askedQuestion(overrides: Partial<NewAskedQuestion> = {}): NewAskedQuestion {
  return {
    askedAt: T0,
    guildId: GUILD,
    channelId: CHANNEL,
    userId: null,
    surface: 'message',
    scope: null,
    status: 'declined',
    question: 'who did bhutto chat with',
    factId: null,
    confidence: 0.2,
    candidates: [{ factId: 'leaders-met', confidence: 0.2 }],
    ...overrides,
  };
}
