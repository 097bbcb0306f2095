import { STORE_ERROR_MESSAGES } from '../../src/store/errorMessages.js';
import { leaderboardWindow } from '../../src/store/leaderboardWindow.js';
import { StoreError } from '../../src/store/storeError.js';
import {
  STORE_RULES,
  type GameEnd,
  type GameId,
  type GameRecord,
  type GameScore,
  type InterruptedGame,
  type LeaderboardEntry,
  type LeaderboardOrder,
  type LeaderboardPage,
  type LeaderboardQuery,
  type NewGame,
  type PlayerStats,
  type RevealedQuestion,
  type Store,
  type StoreHealth,
} from '../../src/store/types.js';
import { createMemoryQuestionLog } from './memoryQuestionLog.js';

/** A stored answer with the keys the SQLite store joins on. */
interface AnswerRow {
  readonly gameId: GameId;
  readonly index: number;
  readonly factId: string;
  readonly userId: string;
  readonly displayName: string;
  readonly correct: boolean;
  readonly points: number;
  readonly answeredAt: number;
}

type MutableGame = { -readonly [K in keyof GameRecord]: GameRecord[K] };

/** SQLite's BINARY collation on the ASCII ids the tests use. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The order a player answered in; ties go to the earlier game, then question. */
const byAnswerOrder = (a: AnswerRow, b: AnswerRow): number =>
  a.answeredAt - b.answeredAt || a.gameId - b.gameId || a.index - b.index;

const refuse = (detail: string): never => {
  throw new StoreError('invalid-input', STORE_ERROR_MESSAGES.invalidInput(detail));
};

const isCount = (n: number, min: number) => Number.isInteger(n) && n >= min;

interface Totals {
  userId: string;
  displayName: string;
  points: number;
  answered: number;
  correct: number;
  games: number;
}

/** Sums answers per player; each player's name is the one of their latest answer. */
function totalsOf(answers: readonly AnswerRow[]): Totals[] {
  const players = new Map<string, Totals & { gameIds: Set<GameId> }>();
  for (const a of [...answers].sort(byAnswerOrder)) {
    const p = players.get(a.userId) ?? {
      userId: a.userId,
      displayName: a.displayName,
      points: 0,
      answered: 0,
      correct: 0,
      games: 0,
      gameIds: new Set<GameId>(),
    };
    p.displayName = a.displayName;
    p.points += a.points;
    p.answered += 1;
    p.correct += a.correct ? 1 : 0;
    p.gameIds.add(a.gameId);
    p.games = p.gameIds.size;
    players.set(a.userId, p);
  }
  return [...players.values()].map(({ gameIds: _, ...totals }) => totals);
}

const LEADERBOARD_ORDER: Readonly<Record<LeaderboardOrder, (a: Totals, b: Totals) => number>> = {
  points: (a, b) => b.points - a.points || b.correct - a.correct || byText(a.userId, b.userId),
  accuracy: (a, b) =>
    b.correct / b.answered - a.correct / a.answered ||
    b.answered - a.answered ||
    b.points - a.points ||
    byText(a.userId, b.userId),
  games: (a, b) => b.games - a.games || b.points - a.points || byText(a.userId, b.userId),
};

/**
 * A `Store` in memory, for unit tests of the code above the store. It follows the same contract
 * as the SQLite store (`test/store/contract.ts` runs against both): the same rules refused with
 * the same codes, the same orderings and tie-breaks.
 */
export function createMemoryStore(): Store {
  const games = new Map<GameId, MutableGame>();
  const questions = new Set<string>();
  const answers: AnswerRow[] = [];
  let nextId = 1;
  let open = true;

  const ensureOpen = () => {
    if (!open) throw new Error(STORE_ERROR_MESSAGES.closed);
  };
  const questionKey = (gameId: GameId, index: number) => `${gameId}:${index}`;
  const inScope = (guildId: string | null) =>
    answers.filter((a) => games.get(a.gameId)?.guildId === guildId);
  const snapshot = (game: MutableGame): GameRecord => ({ ...game });

  return {
    ...createMemoryQuestionLog(ensureOpen),

    createGame(game: NewGame): GameId {
      ensureOpen();
      if ((game.guildId === null) !== (game.channelId === null)) {
        refuse('a server game needs a channel, a console game has none');
      }
      if (!isCount(game.questionCount, 1) || !isCount(game.secondsPerQuestion, 1)) {
        refuse('question count and seconds per question are whole numbers from 1');
      }
      const id = nextId++;
      games.set(id, {
        id,
        guildId: game.guildId,
        channelId: game.channelId,
        threadId: game.threadId ?? null,
        starterUserId: game.starterUserId,
        scope: game.scope,
        mode: game.mode,
        questionCount: game.questionCount,
        secondsPerQuestion: game.secondsPerQuestion,
        status: 'running',
        startedAt: game.startedAt,
        endedAt: null,
        messageId: null,
        questionsRevealed: 0,
      });
      return id;
    },

    getGame(gameId) {
      ensureOpen();
      const game = games.get(gameId);
      return game ? snapshot(game) : null;
    },

    setCurrentMessage(gameId, messageId) {
      ensureOpen();
      const game = games.get(gameId);
      if (game?.status !== 'running') return false;
      game.messageId = messageId;
      return true;
    },

    recordReveal(question: RevealedQuestion) {
      ensureOpen();
      // Every check comes before the first change: all or nothing, as one transaction.
      const game = games.get(question.gameId);
      if (!game) return refuse(STORE_ERROR_MESSAGES.unknownGame(question.gameId));
      if (!isCount(question.index, 0)) refuse('a question index is a whole number from 0');
      const key = questionKey(question.gameId, question.index);
      if (questions.has(key)) refuse(`question ${key} is recorded already`);
      const players = new Set<string>();
      for (const answer of question.answers) {
        if (players.has(answer.userId)) refuse(`${answer.userId} answered ${key} twice`);
        if (!Number.isInteger(answer.points)) refuse('points are whole numbers');
        players.add(answer.userId);
      }
      questions.add(key);
      game.questionsRevealed += 1;
      for (const answer of question.answers) {
        answers.push({
          gameId: question.gameId,
          index: question.index,
          factId: question.factId,
          userId: answer.userId,
          displayName: answer.displayName,
          correct: answer.correct,
          points: answer.points,
          answeredAt: answer.answeredAt,
        });
      }
    },

    finishGame(gameId: GameId, status: GameEnd, at: number) {
      ensureOpen();
      const game = games.get(gameId);
      if (game?.status !== 'running') return false;
      game.status = status;
      game.endedAt = at;
      return true;
    },

    interruptRunningGames(
      at: number,
      serves: (guildId: string | null) => boolean = () => true,
    ): InterruptedGame[] {
      ensureOpen();
      return [...games.values()]
        .filter((game) => game.status === 'running' && serves(game.guildId))
        .sort((a, b) => a.id - b.id)
        .map((game) => {
          game.status = 'interrupted';
          game.endedAt = at;
          const scores: GameScore[] = totalsOf(answers.filter((a) => a.gameId === game.id))
            .sort(LEADERBOARD_ORDER.points)
            .map(({ userId, displayName, points, correct, answered }) => ({
              userId,
              displayName,
              points,
              correct,
              answered,
            }));
          return { ...snapshot(game), scores };
        });
    },

    leaderboard(query: LeaderboardQuery): LeaderboardPage {
      ensureOpen();
      const { limit, offset } = leaderboardWindow(query);
      const minAnswers = query.by === 'accuracy' ? STORE_RULES.minAnswersForAccuracy : 1;
      const ranked = totalsOf(inScope(query.guildId))
        .filter((p) => p.answered >= minAnswers)
        .sort(LEADERBOARD_ORDER[query.by]);
      const entries = ranked.slice(offset, offset + limit).map((p, i): LeaderboardEntry => ({
        rank: offset + i + 1,
        ...p,
        accuracy: p.correct / p.answered,
      }));
      return { by: query.by, entries, total: ranked.length };
    },

    playerStats({ guildId, userId }): PlayerStats {
      ensureOpen();
      const mine = inScope(guildId)
        .filter((a) => a.userId === userId)
        .sort(byAnswerOrder);
      let bestStreak = 0;
      let streak = 0;
      const misses = new Map<string, number>();
      for (const a of mine) {
        streak = a.correct ? streak + 1 : 0;
        bestStreak = Math.max(bestStreak, streak);
        if (!a.correct) misses.set(a.factId, (misses.get(a.factId) ?? 0) + 1);
      }
      const correct = mine.filter((a) => a.correct).length;
      return {
        guildId,
        userId,
        displayName: mine.at(-1)?.displayName ?? null,
        games: new Set(mine.map((a) => a.gameId)).size,
        answered: mine.length,
        correct,
        accuracy: mine.length === 0 ? null : correct / mine.length,
        points: mine.reduce((sum, a) => sum + a.points, 0),
        bestStreak,
        mostMissed: [...misses]
          .map(([factId, count]) => ({ factId, misses: count }))
          .sort((a, b) => b.misses - a.misses || byText(a.factId, b.factId))
          .slice(0, STORE_RULES.mostMissedFacts),
      };
    },

    health(): StoreHealth {
      return open
        ? { ok: true }
        : { ok: false, message: STORE_ERROR_MESSAGES.unavailable(STORE_ERROR_MESSAGES.closed) };
    },

    close() {
      open = false;
    },
  };
}
