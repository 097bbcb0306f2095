import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_ERROR_MESSAGES } from '../../src/store/errorMessages.js';
import { StoreError, type StoreErrorCode } from '../../src/store/storeError.js';
import { STORE_RULES, type Store } from '../../src/store/types.js';
import {
  CHANNEL,
  GUILD,
  OTHER_GUILD,
  T0,
  answer,
  newGame,
  reveal,
  storeScript,
  type Round,
} from '../support/storeBuilders.js';

/** Runs `action` and returns the `StoreError` code it threw. */
function storeErrorCode(action: () => unknown): StoreErrorCode {
  try {
    action();
  } catch (error) {
    if (error instanceof StoreError) return error.code;
    throw error;
  }
  throw new Error('expected a StoreError, and nothing was thrown');
}

/** A round where each listed player answers right (`true`) or wrong (`false`). */
const round = (answers: Record<string, boolean>, factId?: string): Round => ({
  answers: Object.entries(answers).map(([userId, correct]) => [userId, correct] as const),
  ...(factId === undefined ? {} : { factId }),
});

/**
 * The behaviour every `Store` implementation must show. `sqlite.test.ts` runs it against the
 * real SQLite store on a temporary file, `memoryStore.test.ts` against the in-memory stand-in,
 * so the stand-in the tests above the store use cannot drift from the real thing.
 */
export function describeStoreContract(name: string, openStore: () => Store): void {
  describe(`${name} keeps the Store contract`, () => {
    let store: Store;
    let script: ReturnType<typeof storeScript>;

    beforeEach(() => {
      store = openStore();
      script = storeScript(store);
    });
    afterEach(() => store.close());

    describe('games', () => {
      it('creates a running game and reads it back as recorded', () => {
        const id = store.createGame(newGame({ threadId: '300', mode: 'choice', questionCount: 5 }));
        expect(store.getGame(id)).toEqual({
          id,
          guildId: GUILD,
          channelId: CHANNEL,
          threadId: '300',
          starterUserId: 'starter',
          scope: 'history',
          mode: 'choice',
          questionCount: 5,
          secondsPerQuestion: 20,
          status: 'running',
          startedAt: T0,
          endedAt: null,
          messageId: null,
          questionsRevealed: 0,
        });
      });

      it('gives each game its own id and reads null for an id it never gave', () => {
        const first = store.createGame(newGame());
        const second = store.createGame(newGame());
        expect(second).not.toBe(first);
        expect(store.getGame(second + 1000)).toBeNull();
      });

      it('stores a console game with no server and no channel', () => {
        const id = store.createGame(newGame({ guildId: null, channelId: null }));
        expect(store.getGame(id)).toMatchObject({ guildId: null, channelId: null });
      });

      it('refuses a server game without a channel, and a console game with one', () => {
        expect(storeErrorCode(() => store.createGame(newGame({ channelId: null })))).toBe(
          'invalid-input',
        );
        expect(storeErrorCode(() => store.createGame(newGame({ guildId: null })))).toBe(
          'invalid-input',
        );
      });

      it('refuses a game of no questions, or of no time to answer', () => {
        expect(storeErrorCode(() => store.createGame(newGame({ questionCount: 0 })))).toBe(
          'invalid-input',
        );
        expect(storeErrorCode(() => store.createGame(newGame({ secondsPerQuestion: 0 })))).toBe(
          'invalid-input',
        );
      });

      it("remembers the current question's message while the game runs, and not after", () => {
        const id = store.createGame(newGame());
        expect(store.setCurrentMessage(id, '400')).toBe(true);
        expect(store.getGame(id)?.messageId).toBe('400');
        store.finishGame(id, 'finished', T0 + 1);
        expect(store.setCurrentMessage(id, '401')).toBe(false);
        expect(store.getGame(id)?.messageId).toBe('400');
        expect(store.setCurrentMessage(id + 1000, '402')).toBe(false);
      });
    });

    describe('recording a revealed question', () => {
      it('records the question with its answers and counts it as revealed', () => {
        const id = store.createGame(newGame());
        store.recordReveal(reveal(id, 0, [answer('ada', true), answer('bo', false)]));
        expect(store.getGame(id)?.questionsRevealed).toBe(1);
        expect(store.leaderboard({ guildId: GUILD, by: 'points', limit: 10 }).total).toBe(2);
      });

      it('records a question nobody answered', () => {
        const id = store.createGame(newGame());
        store.recordReveal(reveal(id, 0, []));
        expect(store.getGame(id)?.questionsRevealed).toBe(1);
      });

      it('stores nothing of a question when one of its answers breaks a rule', () => {
        const id = store.createGame(newGame());
        const twice = reveal(id, 0, [answer('ada', true), answer('bo', true), answer('ada', true)]);
        expect(storeErrorCode(() => store.recordReveal(twice))).toBe('invalid-input');
        expect(store.getGame(id)?.questionsRevealed).toBe(0);
        expect(store.leaderboard({ guildId: GUILD, by: 'points', limit: 10 }).total).toBe(0);
        // Nothing half-written stands in the way of recording the question properly.
        store.recordReveal(reveal(id, 0, [answer('ada', true), answer('bo', true)]));
        expect(store.getGame(id)?.questionsRevealed).toBe(1);
      });

      it('refuses the same question index twice and keeps the first', () => {
        const id = store.createGame(newGame());
        store.recordReveal(reveal(id, 0, [answer('ada', true)]));
        expect(storeErrorCode(() => store.recordReveal(reveal(id, 0, [answer('bo', true)])))).toBe(
          'invalid-input',
        );
        const board = store.leaderboard({ guildId: GUILD, by: 'points', limit: 10 });
        expect(board.entries.map((e) => e.userId)).toEqual(['ada']);
      });

      it('refuses a question of a game that does not exist', () => {
        expect(
          storeErrorCode(() => store.recordReveal(reveal(999, 0, [answer('ada', true)]))),
        ).toBe('invalid-input');
      });

      it('refuses points that are not whole numbers', () => {
        const id = store.createGame(newGame());
        const half = reveal(id, 0, [answer('ada', true, { points: 2.5 })]);
        expect(storeErrorCode(() => store.recordReveal(half))).toBe('invalid-input');
        expect(store.getGame(id)?.questionsRevealed).toBe(0);
      });
    });

    describe('ending a game', () => {
      it('ends a running game as finished or stopped, once', () => {
        const finished = store.createGame(newGame());
        const stopped = store.createGame(newGame());
        expect(store.finishGame(finished, 'finished', T0 + 5)).toBe(true);
        expect(store.finishGame(stopped, 'stopped', T0 + 6)).toBe(true);
        expect(store.finishGame(finished, 'stopped', T0 + 7)).toBe(false);
        expect(store.getGame(finished)).toMatchObject({ status: 'finished', endedAt: T0 + 5 });
        expect(store.getGame(stopped)).toMatchObject({ status: 'stopped', endedAt: T0 + 6 });
      });

      it('leaves a game that does not exist alone', () => {
        expect(store.finishGame(999, 'finished', T0)).toBe(false);
      });
    });

    describe('interrupting running games at start-up', () => {
      it('marks only the running games interrupted and returns them, oldest first, with their scores', () => {
        const done = script.play([round({ ada: true })]);
        const first = script.play(
          [round({ ada: true, bo: false }), round({ ada: false, bo: true, cy: true })],
          { threadId: '301' },
          null,
        );
        store.setCurrentMessage(first, '401');
        const consoleGame = script.play(
          [round({ me: true })],
          { guildId: null, channelId: null },
          null,
        );

        const interrupted = store.interruptRunningGames(T0 + 99_000);

        expect(interrupted.map((g) => g.id)).toEqual([first, consoleGame]);
        expect(interrupted[0]).toMatchObject({
          guildId: GUILD,
          channelId: CHANNEL,
          threadId: '301',
          messageId: '401',
          status: 'interrupted',
          endedAt: T0 + 99_000,
          questionsRevealed: 2,
        });
        expect(interrupted[0]?.scores).toEqual([
          { userId: 'ada', displayName: 'Player ada', points: 10, correct: 1, answered: 2 },
          { userId: 'bo', displayName: 'Player bo', points: 10, correct: 1, answered: 2 },
          { userId: 'cy', displayName: 'Player cy', points: 10, correct: 1, answered: 1 },
        ]);
        expect(interrupted[1]).toMatchObject({ guildId: null, channelId: null });
        expect(store.getGame(first)?.status).toBe('interrupted');
        expect(store.getGame(done)?.status).toBe('finished');
      });

      it('keeps the points of interrupted games on the leaderboard', () => {
        script.play([round({ ada: true }), round({ ada: true })], {}, null);
        store.interruptRunningGames(T0 + 99_000);
        const board = store.leaderboard({ guildId: GUILD, by: 'points', limit: 10 });
        expect(board.entries).toEqual([
          {
            rank: 1,
            userId: 'ada',
            displayName: 'Player ada',
            points: 20,
            answered: 2,
            correct: 2,
            accuracy: 1,
            games: 1,
          },
        ]);
      });

      it("interrupts only the games of the servers it is told it serves, leaving another shard's running", () => {
        const mine = script.play([round({ ada: true })], {}, null);
        const theirs = script.play(
          [round({ bo: true })],
          { guildId: OTHER_GUILD, channelId: '302' },
          null,
        );
        const interrupted = store.interruptRunningGames(T0 + 1, (guildId) => guildId === GUILD);
        expect(interrupted.map((g) => g.id)).toEqual([mine]);
        expect(store.getGame(theirs)?.status).toBe('running');
        expect(store.interruptRunningGames(T0 + 2).map((g) => g.id)).toEqual([theirs]);
      });

      it('finds nothing to interrupt the second time', () => {
        script.play([round({ ada: true })], {}, null);
        expect(store.interruptRunningGames(T0 + 1)).toHaveLength(1);
        expect(store.interruptRunningGames(T0 + 2)).toEqual([]);
      });
    });

    describe('leaderboards', () => {
      const ids = (page: { entries: readonly { userId: string }[] }) =>
        page.entries.map((e) => e.userId);

      it("ranks a server's players by points, then correct answers, then user id", () => {
        // ada 20 (2 right); bo 20 (1 right, 20 points); cy and dee 10 (1 right each); eve 0.
        script.play([
          {
            answers: [
              ['ada', true],
              ['bo', true, 20],
              ['cy', true],
              ['eve', false],
            ],
          },
          {
            answers: [
              ['ada', true],
              ['bo', false],
              ['dee', true],
            ],
          },
        ]);
        const board = store.leaderboard({ guildId: GUILD, by: 'points', limit: 10 });
        expect(ids(board)).toEqual(['ada', 'bo', 'cy', 'dee', 'eve']);
        expect(board.entries.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5]);
        expect(board.total).toBe(5);
      });

      it(`ranks by accuracy only players with ${STORE_RULES.minAnswersForAccuracy} answers or more, more answers first when equally accurate`, () => {
        const min = STORE_RULES.minAnswersForAccuracy;
        const rounds: Round[] = Array.from({ length: 2 * min }, (_, i) => ({
          answers: [
            // ada: every answer right, but one short of the minimum.
            ...(i < min - 1 ? [['ada', true] as const] : []),
            // bo: 4 of 5 right; cy: 8 of 10 right (the same accuracy, more answers).
            ...(i < min ? [['bo', i !== 0] as const] : []),
            ['cy', i % 5 !== 0] as const,
            // dee: 9 of 10 right.
            ['dee', i !== 3] as const,
          ],
        }));
        script.play(rounds);
        const board = store.leaderboard({ guildId: GUILD, by: 'accuracy', limit: 10 });
        expect(ids(board)).toEqual(['dee', 'cy', 'bo']);
        expect(board.entries.map((e) => e.accuracy)).toEqual([0.9, 0.8, 0.8]);
        expect(board.total).toBe(3);
      });

      it('ranks by games played, then points, then user id', () => {
        script.play([round({ ada: true, bo: true, cy: false })]);
        script.play([round({ bo: false, cy: false })]);
        script.play([round({ cy: false, ada: true })]);
        const board = store.leaderboard({ guildId: GUILD, by: 'games', limit: 10 });
        expect(ids(board)).toEqual(['cy', 'ada', 'bo']);
        expect(board.entries.map((e) => e.games)).toEqual([3, 2, 2]);
      });

      it('pages with limit and offset, ranking from the top of the whole board', () => {
        script.play([
          { answers: ['a', 'b', 'c', 'd', 'e'].map((u, i) => [u, true, 50 - 10 * i] as const) },
        ]);
        const page = store.leaderboard({ guildId: GUILD, by: 'points', limit: 2, offset: 2 });
        expect(page.entries.map((e) => [e.rank, e.userId])).toEqual([
          [3, 'c'],
          [4, 'd'],
        ]);
        expect(page.total).toBe(5);
        const past = store.leaderboard({ guildId: GUILD, by: 'points', limit: 2, offset: 10 });
        expect(past).toEqual({ by: 'points', entries: [], total: 5 });
      });

      it('keeps each server and the console apart', () => {
        script.play([round({ ada: true })]);
        script.play([round({ bo: true })], { guildId: OTHER_GUILD });
        script.play([round({ me: true })], { guildId: null, channelId: null });
        const board = (guildId: string | null) =>
          ids(store.leaderboard({ guildId, by: 'points', limit: 10 }));
        expect(board(GUILD)).toEqual(['ada']);
        expect(board(OTHER_GUILD)).toEqual(['bo']);
        expect(board(null)).toEqual(['me']);
        expect(board('100000000000000099')).toEqual([]);
      });

      it('shows each player under the name of their latest answer', () => {
        const first = store.createGame(newGame());
        store.recordReveal(
          reveal(first, 0, [answer('ada', true, { displayName: 'Ada', answeredAt: T0 + 1 })]),
        );
        store.recordReveal(
          reveal(first, 1, [answer('ada', true, { displayName: 'Ada L.', answeredAt: T0 + 3 })]),
        );
        const second = store.createGame(newGame());
        store.recordReveal(
          reveal(second, 0, [answer('ada', true, { displayName: 'Countess', answeredAt: T0 + 2 })]),
        );
        const [entry] = store.leaderboard({ guildId: GUILD, by: 'points', limit: 1 }).entries;
        expect(entry?.displayName).toBe('Ada L.');
        expect(store.playerStats({ guildId: GUILD, userId: 'ada' }).displayName).toBe('Ada L.');
      });

      it('refuses a page of no entries or too many, and a negative offset', () => {
        const max = STORE_RULES.maxLeaderboardLimit;
        for (const query of [
          { limit: 0 },
          { limit: max + 1 },
          { limit: 1.5 },
          { limit: 10, offset: -1 },
        ]) {
          expect(
            storeErrorCode(() => store.leaderboard({ guildId: GUILD, by: 'points', ...query })),
          ).toBe('invalid-input');
        }
        expect(store.leaderboard({ guildId: GUILD, by: 'points', limit: max }).entries).toEqual([]);
      });
    });

    describe("a player's statistics", () => {
      it("sums a player's games, answers, correct answers and points in one scope", () => {
        script.play([
          { answers: [['ada', true, 15]] },
          { answers: [['ada', false]] },
          { answers: [['bo', true]] },
        ]);
        script.play([{ answers: [['ada', true, 5]] }]);
        script.play([{ answers: [['ada', true]] }], { guildId: OTHER_GUILD });
        expect(store.playerStats({ guildId: GUILD, userId: 'ada' })).toEqual({
          guildId: GUILD,
          userId: 'ada',
          displayName: 'Player ada',
          games: 2,
          answered: 3,
          correct: 2,
          accuracy: 2 / 3,
          points: 20,
          bestStreak: 1,
          mostMissed: [{ factId: 'fact-1', misses: 1 }],
        });
      });

      it('counts the best streak across games, in the order the player answered', () => {
        // right, wrong | right, right | right, right, wrong | right: the middle run spans two
        // games and is 4 long.
        script.play([round({ ada: true }), round({ ada: false }), round({ ada: true })]);
        script.play([round({ ada: true }), round({ ada: true })]);
        script.play([round({ ada: true }), round({ ada: false }), round({ ada: true })]);
        expect(store.playerStats({ guildId: GUILD, userId: 'ada' }).bestStreak).toBe(4);
      });

      it('orders answers by when they were given, not by game or question number', () => {
        const early = store.createGame(newGame());
        const late = store.createGame(newGame());
        // Game `late` is answered first: right, right; then `early`: wrong, right.
        store.recordReveal(reveal(late, 0, [answer('ada', true, { answeredAt: T0 + 1 })]));
        store.recordReveal(reveal(early, 0, [answer('ada', false, { answeredAt: T0 + 3 })]));
        store.recordReveal(reveal(late, 1, [answer('ada', true, { answeredAt: T0 + 2 })]));
        store.recordReveal(reveal(early, 1, [answer('ada', true, { answeredAt: T0 + 4 })]));
        expect(store.playerStats({ guildId: GUILD, userId: 'ada' }).bestStreak).toBe(2);
      });

      it(`lists the ${STORE_RULES.mostMissedFacts} facts missed most, most misses first, then by fact id`, () => {
        const misses: Record<string, number> = {
          'fact-a': 1,
          'fact-b': 3,
          'fact-c': 2,
          'fact-d': 2,
          'fact-e': 1,
          'fact-f': 1,
          'fact-g': 4,
        };
        const rounds: Round[] = Object.entries(misses).flatMap(([factId, n]) => [
          ...Array.from({ length: n }, () => round({ ada: false }, factId)),
          round({ ada: true }, factId),
        ]);
        script.play(rounds);
        expect(store.playerStats({ guildId: GUILD, userId: 'ada' }).mostMissed).toEqual([
          { factId: 'fact-g', misses: 4 },
          { factId: 'fact-b', misses: 3 },
          { factId: 'fact-c', misses: 2 },
          { factId: 'fact-d', misses: 2 },
          { factId: 'fact-a', misses: 1 },
        ]);
      });

      it('gives zeros and no name for a player who never answered here', () => {
        script.play([round({ ada: true })], { guildId: OTHER_GUILD });
        expect(store.playerStats({ guildId: GUILD, userId: 'ada' })).toEqual({
          guildId: GUILD,
          userId: 'ada',
          displayName: null,
          games: 0,
          answered: 0,
          correct: 0,
          accuracy: null,
          points: 0,
          bestStreak: 0,
          mostMissed: [],
        });
      });

      it("keeps the console's statistics apart from every server's", () => {
        script.play([round({ me: false })], { guildId: null, channelId: null });
        script.play([round({ me: true })]);
        expect(store.playerStats({ guildId: null, userId: 'me' })).toMatchObject({
          guildId: null,
          answered: 1,
          correct: 0,
        });
      });
    });

    describe('text from players', () => {
      const NAMES = [
        "'); DROP TABLE games; --",
        "Robert'); DROP TABLE answers;--",
        '**bold** _it_ `code` <@123456789012345678> @everyone <#200000000000000001>',
        '" OR 1=1 -- \\ % _ ; 🎓 名前',
      ];

      it('stores display names and answers verbatim, SQL and markdown alike', () => {
        const id = store.createGame(newGame({ scope: NAMES[0] }));
        store.recordReveal(
          reveal(
            id,
            0,
            NAMES.map((name, i) =>
              answer(`user-${i}`, true, { displayName: name, given: name, points: 10 - i }),
            ),
            { prompt: NAMES[1], answer: NAMES[2] },
          ),
        );
        const board = store.leaderboard({ guildId: GUILD, by: 'points', limit: 10 });
        expect(board.entries.map((e) => e.displayName)).toEqual(NAMES);
        expect(store.getGame(id)?.scope).toBe(NAMES[0]);
        const [interrupted] = store.interruptRunningGames(T0 + 1);
        expect(interrupted?.scores.map((s) => s.displayName)).toEqual(NAMES);
        // Every table is still there and working.
        const next = store.createGame(newGame());
        store.recordReveal(reveal(next, 0, [answer('ada', true)]));
        expect(store.leaderboard({ guildId: GUILD, by: 'points', limit: 10 }).total).toBe(5);
      });
    });

    describe('health', () => {
      it('answers a health check while open and says it is closed after close', () => {
        expect(store.health()).toEqual({ ok: true });
        store.close();
        expect(store.health()).toEqual({
          ok: false,
          message: STORE_ERROR_MESSAGES.unavailable(STORE_ERROR_MESSAGES.closed),
        });
        store.close();
      });
    });
  });
}
