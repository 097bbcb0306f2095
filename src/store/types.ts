import type { QuestionLog } from './questionLog.js';

export type * from './questionLog.js';
export { ASK_SURFACES, QUESTION_LOG_RULES, QUESTION_STATUSES } from './questionLog.js';

/**
 * The persistent store as the rest of Almanac sees it: trivia games, the questions they
 * revealed and the answers given, and the leaderboards and statistics read from them; and the
 * question log of what members asked (`questionLog.ts`). Nothing
 * here knows SQLite; `sqlite.ts` implements it, and the tests run one contract against it and
 * against the in-memory stand-in in `test/support/memoryStore.ts`.
 *
 * Times are milliseconds since the Unix epoch, always passed in by the caller (the clock is a
 * parameter). Discord ids (guilds, channels, users, messages) are strings.
 *
 * **Console games** are stored like any other, with `guildId` and `channelId` both `null`: the
 * console is its own scope, so `leaderboard({ guildId: null, … })` ranks console players and
 * no server's leaderboard ever includes them. A game on a server always has a channel.
 */

/**
 * Where the database lives when `DATABASE_PATH` is not set. Here rather than in `sqlite.ts` so
 * the configuration can name it without loading SQLite.
 */
export const DEFAULT_DATABASE_PATH = './data/almanac.sqlite';

/** A game's id, assigned by the store when the game is created. */
export type GameId = number;

/** `choice`: players pick one of several options; `open`: players type their answer. */
export const GAME_MODES = ['choice', 'open'] as const;
export type GameMode = (typeof GAME_MODES)[number];

/**
 * Where a game stands. `running` until it ends: `finished` (every question was asked),
 * `stopped` (someone ended it early) or `interrupted` (Almanac stopped while it ran).
 */
export const GAME_STATUSES = ['running', 'finished', 'stopped', 'interrupted'] as const;
export type GameStatus = (typeof GAME_STATUSES)[number];

/** How a game the bot itself ends can end: the other end, `interrupted`, is set at start-up. */
export type GameEnd = 'finished' | 'stopped';

/** What a leaderboard ranks by (see `Store.leaderboard` for the tie-breaks). */
export const LEADERBOARD_ORDERS = ['points', 'accuracy', 'games'] as const;
export type LeaderboardOrder = (typeof LEADERBOARD_ORDERS)[number];

/** The numbers that shape leaderboards and statistics, shared by every implementation. */
export const STORE_RULES = Object.freeze({
  /**
   * A player needs this many answers in a scope to be ranked by accuracy: one lucky answer
   * out of one is 100 %, and would otherwise top the board.
   */
  minAnswersForAccuracy: 5,
  /** The most entries one leaderboard page may hold (a Discord message shows far fewer). */
  maxLeaderboardLimit: 100,
  /** How many of a player's most-missed facts `playerStats` lists. */
  mostMissedFacts: 5,
} as const);

/** A game as it starts: what `createGame` records. */
export interface NewGame {
  /** The server, or `null` for a console game. */
  readonly guildId: string | null;
  /** The channel the game was started in, or `null` for a console game. */
  readonly channelId: string | null;
  /** The thread the game is played in, when it has one of its own. */
  readonly threadId?: string | null;
  /** Who started the game. */
  readonly starterUserId: string;
  /** What the questions are drawn from: a topic (pack id), or whatever scope the rules name. */
  readonly scope: string;
  readonly mode: GameMode;
  /** How many questions the game means to ask (at least 1). */
  readonly questionCount: number;
  /** How long each question stays open (at least 1). */
  readonly secondsPerQuestion: number;
  readonly startedAt: number;
}

/** A game as stored. */
export interface GameRecord {
  readonly id: GameId;
  readonly guildId: string | null;
  readonly channelId: string | null;
  readonly threadId: string | null;
  readonly starterUserId: string;
  readonly scope: string;
  readonly mode: GameMode;
  readonly questionCount: number;
  readonly secondsPerQuestion: number;
  readonly status: GameStatus;
  readonly startedAt: number;
  /** When the game ended; `null` while it runs. */
  readonly endedAt: number | null;
  /** The message showing the current question, as last set by `setCurrentMessage`. */
  readonly messageId: string | null;
  /** How many questions have been revealed (recorded with `recordReveal`). */
  readonly questionsRevealed: number;
}

/** One player's answer to a revealed question: the one that counted. */
export interface PlayerAnswer {
  readonly userId: string;
  /**
   * The name the player was shown under when they answered, stored verbatim (markdown,
   * mentions and all): escaping is the renderer's job.
   */
  readonly displayName: string;
  /** What the player answered, verbatim. */
  readonly given: string;
  readonly correct: boolean;
  /** Points the answer earned (a whole number). */
  readonly points: number;
  readonly answeredAt: number;
}

/** A question whose answer has been revealed, with every answer it received. */
export interface RevealedQuestion {
  readonly gameId: GameId;
  /** The question's place in its game, from 0; each index is recorded once. */
  readonly index: number;
  readonly factId: string;
  /** The question as it was asked. */
  readonly prompt: string;
  /** The right answer as it was revealed. */
  readonly answer: string;
  readonly revealedAt: number;
  /** At most one answer per player. */
  readonly answers: readonly PlayerAnswer[];
}

/** A player's score in one game. */
export interface GameScore {
  readonly userId: string;
  /** The name of the player's latest answer in the game. */
  readonly displayName: string;
  readonly points: number;
  readonly correct: number;
  readonly answered: number;
}

/**
 * A game that was running when Almanac stopped, as `interruptRunningGames` found it: enough for
 * the bot to tell its channel (or thread, or the current question's message) what happened.
 */
export interface InterruptedGame extends GameRecord {
  /**
   * The points recorded so far, best first (points, then correct answers, then user id). They
   * stay on the leaderboard.
   */
  readonly scores: readonly GameScore[];
}

/** Which page of which leaderboard to read. */
export interface LeaderboardQuery {
  /** The server, or `null` for the console's leaderboard. */
  readonly guildId: string | null;
  readonly by: LeaderboardOrder;
  /** How many entries, 1 to `STORE_RULES.maxLeaderboardLimit`. */
  readonly limit: number;
  /** How many entries to skip (default 0). */
  readonly offset?: number;
}

/** One player's line on a leaderboard. */
export interface LeaderboardEntry {
  /** The player's place on the whole board, from 1 (`offset + 1` for a page's first entry). */
  readonly rank: number;
  readonly userId: string;
  /** The name of the player's latest answer in this scope, verbatim. */
  readonly displayName: string;
  readonly points: number;
  readonly answered: number;
  readonly correct: number;
  /** `correct / answered`, from 0 to 1. */
  readonly accuracy: number;
  /** Games the player answered at least one question in. */
  readonly games: number;
}

/** A page of a leaderboard. */
export interface LeaderboardPage {
  readonly by: LeaderboardOrder;
  readonly entries: readonly LeaderboardEntry[];
  /** How many players the whole board ranks, for paging. */
  readonly total: number;
}

/** A fact a player answered wrongly, and how often. */
export interface MissedFact {
  readonly factId: string;
  readonly misses: number;
}

/** One player's record in one scope (a server, or the console). */
export interface PlayerStats {
  readonly guildId: string | null;
  readonly userId: string;
  /** The name of the player's latest answer here; `null` when they never answered. */
  readonly displayName: string | null;
  /** Games the player answered at least one question in. */
  readonly games: number;
  readonly answered: number;
  readonly correct: number;
  /** `correct / answered`; `null` when the player never answered. */
  readonly accuracy: number | null;
  readonly points: number;
  /**
   * The longest run of consecutive correct answers, in the order the player answered, across
   * games (a run goes on from one game to the next until a wrong answer).
   */
  readonly bestStreak: number;
  /**
   * The facts the player got wrong most often, at most `STORE_RULES.mostMissedFacts`, most
   * misses first, then by fact id.
   */
  readonly mostMissed: readonly MissedFact[];
}

/** Whether the store answers a trivial query. */
export type StoreHealth = { readonly ok: true } | { readonly ok: false; readonly message: string };

/**
 * The one persistent store. Every method is synchronous: the store is a local file and each
 * call takes well under a millisecond, so a promise would only add ceremony.
 *
 * Records that break the schema's rules (an unknown game, a question index recorded twice, two
 * answers from one player to one question, a server game without a channel) are bugs in the
 * caller: the method throws a `StoreError` with code `invalid-input` and stores nothing.
 */
export interface Store extends QuestionLog {
  /**
   * Records a new game, `running`, and returns its id.
   * @throws StoreError `invalid-input` when the game breaks a rule (a count below 1, a server
   *   game without a channel, a console game with one).
   */
  createGame(game: NewGame): GameId;

  /** Reads a game, or `null` when there is none with that id. */
  getGame(gameId: GameId): GameRecord | null;

  /**
   * Remembers which message shows the game's current question (or `null` for none), so an
   * interrupted game can be announced there after a restart.
   * @returns whether the game exists and is running (nothing is changed otherwise).
   */
  setCurrentMessage(gameId: GameId, messageId: string | null): boolean;

  /**
   * Records a revealed question and every answer it received, all or nothing, in one
   * transaction: a crash never leaves half a question.
   * @throws StoreError `invalid-input` when the game does not exist, the index was recorded
   *   already, or a player answers twice; nothing of the question is stored then.
   */
  recordReveal(question: RevealedQuestion): void;

  /**
   * Ends a running game as `finished` or `stopped` at `at`.
   * @returns whether the game was running (a game that already ended is left as it is).
   */
  finishGame(gameId: GameId, status: GameEnd, at: number): boolean;

  /**
   * For start-up: marks every `running` game `interrupted` at `at` and returns them, oldest
   * first, with their scores so far. Their recorded answers and points are kept.
   * @param serves when given, only games in the servers it is true of are touched (a shard's
   *   own servers: another shard's games are still being played); `null` is the console's.
   */
  interruptRunningGames(
    at: number,
    serves?: (guildId: string | null) => boolean,
  ): InterruptedGame[];

  /**
   * Ranks a scope's players (a server, or the console with `guildId: null`), counting every
   * recorded answer whatever became of its game. Ties are broken so the order never changes
   * between calls:
   * - `points`: total points, then correct answers, then user id;
   * - `accuracy`: correct / answered, then answers (more first), then points, then user id;
   *   only players with at least `STORE_RULES.minAnswersForAccuracy` answers are ranked;
   * - `games`: games played, then points, then user id.
   * @throws StoreError `invalid-input` when `limit` or `offset` is out of range.
   */
  leaderboard(query: LeaderboardQuery): LeaderboardPage;

  /**
   * One player's record in a scope; all zeros (and a `null` name) for a player who never
   * answered there.
   */
  playerStats(query: { readonly guildId: string | null; readonly userId: string }): PlayerStats;

  /** Runs a trivial query, for health checks; never throws. */
  health(): StoreHealth;

  /** Closes the store; further calls other than `health` and `close` fail. Safe to repeat. */
  close(): void;
}
