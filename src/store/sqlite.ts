import { accessSync, constants, mkdirSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import * as z from '../zod.js';
import { STORE_ERROR_MESSAGES } from './errorMessages.js';
import { leaderboardWindow } from './leaderboardWindow.js';
import { loadMigrations, migrate, schemaVersionOf, type Migration } from './migrate.js';
import {
  createSqliteQuestionLog,
  createSqliteQuestionReports,
  QUESTION_LOG_VERSION,
} from './sqliteQuestions.js';
import { count, guardWrite, parseRow } from './sqliteRows.js';
import { StoreError } from './storeError.js';
import {
  GAME_MODES,
  GAME_STATUSES,
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
  type QuestionReports,
  type RevealedQuestion,
  type Store,
  type StoreHealth,
} from './types.js';

/** How long a statement waits for another connection's lock before failing (`busy_timeout`). */
export const BUSY_TIMEOUT_MS = 5000;

export interface OpenStoreOptions {
  /**
   * The database file (`DATABASE_PATH`; see `DEFAULT_DATABASE_PATH`), relative to the working
   * directory unless absolute. Its folder is created when missing.
   */
  readonly path: string;
  /** Where the `NNN_name.sql` migrations are; the folder beside this module by default. */
  readonly migrationsFolder?: string;
}

/** The connection settings in force, for a start-up log line and for tests. */
export interface SqliteSettings {
  readonly journalMode: string;
  readonly foreignKeys: boolean;
  /** `PRAGMA synchronous`: 0 off, 1 normal, 2 full, 3 extra. */
  readonly synchronous: number;
  readonly busyTimeoutMs: number;
  readonly schemaVersion: number;
}

/** The SQLite store: a `Store`, plus what only a file-backed store can tell. */
export interface SqliteStore extends Store {
  /** The database file, resolved. */
  readonly path: string;
  settings(): SqliteSettings;
}

export type OpenStoreResult =
  | { readonly ok: true; readonly store: SqliteStore }
  | { readonly ok: false; readonly error: StoreError };

/**
 * Opens (creating on first run) the database at `path`: creates its folder, refuses a database
 * written by a newer Almanac, sets WAL, `busy_timeout`, foreign keys and `synchronous = NORMAL`
 * (safe with WAL: a power cut may lose the last commits, never corrupt), and applies the
 * migrations it has not had yet. Every expected failure comes back as a `StoreError` value whose
 * message says what to do; anything else is a bug and is thrown.
 */
export function openStore(options: OpenStoreOptions): OpenStoreResult {
  const path = resolve(options.path);
  try {
    const migrations = loadMigrations(options.migrationsFolder);
    prepareFolder(path);
    const db = openDatabase(path, migrations);
    return { ok: true, store: createSqliteStore(db, path) };
  } catch (error) {
    if (error instanceof StoreError) return { ok: false, error };
    throw error;
  }
}

/** The question log's reports on a database opened read-only. */
export interface ReportStore extends QuestionReports {
  /** The database file, resolved. */
  readonly path: string;
  /** Closes the connection. Safe to repeat. */
  close(): void;
}

export type OpenReportStoreResult =
  | { readonly ok: true; readonly store: ReportStore }
  | { readonly ok: false; readonly error: StoreError };

/**
 * Opens the database at `path` read-only, for `npm run misses` and `npm run stats`: never
 * creates, migrates or writes anything, so it is safe beside a running bot (WAL lets it read
 * while the bot writes). A missing file is `missing-database`; one a newer Almanac wrote is
 * `newer-schema`; one not yet upgraded to hold the question log is `older-schema`.
 */
export function openReportStore(options: OpenStoreOptions): OpenReportStoreResult {
  const path = resolve(options.path);
  let db: Database.Database | undefined;
  try {
    const known = loadMigrations(options.migrationsFolder).length;
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (error) {
      if (codeOf(error) === 'ENOENT') {
        throw new StoreError('missing-database', STORE_ERROR_MESSAGES.missingDatabase(path));
      }
      throw error;
    }
    if (stats.isDirectory()) {
      throw new StoreError('path-is-directory', STORE_ERROR_MESSAGES.pathIsDirectory(path));
    }
    checkAccess(path, constants.R_OK);
    db = new Database(path, { readonly: true, fileMustExist: true });
    // The number is our own constant; PRAGMA takes no bound parameter.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const found = schemaVersionOf(db);
    if (found > known) {
      throw new StoreError('newer-schema', STORE_ERROR_MESSAGES.newerSchema(path, found, known));
    }
    if (found < QUESTION_LOG_VERSION) {
      throw new StoreError(
        'older-schema',
        STORE_ERROR_MESSAGES.olderSchema(path, found, QUESTION_LOG_VERSION),
      );
    }
    const opened = db;
    return {
      ok: true,
      store: {
        ...createSqliteQuestionReports(opened),
        path,
        close: () => {
          if (opened.open) opened.close();
        },
      },
    };
  } catch (error) {
    db?.close();
    const classified = classifyOpenError(error, path);
    if (classified instanceof StoreError) return { ok: false, error: classified };
    throw classified;
  }
}

const UNWRITABLE_REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  SQLITE_READONLY: 'the database is read-only',
  SQLITE_READONLY_DIRECTORY: 'the folder is read-only',
  SQLITE_READONLY_DBMOVED: 'the database file was moved',
  SQLITE_READONLY_RECOVERY: 'the database is read-only',
  SQLITE_READONLY_CANTINIT: 'the write-ahead log cannot be set up',
  SQLITE_READONLY_CANTLOCK: 'the write-ahead log cannot be locked',
  SQLITE_CANTOPEN: 'the file cannot be opened',
  SQLITE_PERM: 'permission denied',
};

const codeOf = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

/**
 * Creates the database's folder and checks, before SQLite does, what SQLite would report only
 * as "unable to open database file": a folder that cannot be created or written (WAL adds
 * `-wal` and `-shm` files beside the database), a path that is a folder, a read-only file.
 */
function prepareFolder(path: string): void {
  const folder = dirname(path);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    const code = codeOf(error);
    if (code === 'ENOTDIR' || code === 'EEXIST') {
      throw new StoreError('folder-is-a-file', STORE_ERROR_MESSAGES.folderIsAFile(folder), {
        cause: error,
      });
    }
    const reason = code === undefined ? undefined : UNWRITABLE_REASONS[code];
    if (reason) {
      throw new StoreError('unwritable', STORE_ERROR_MESSAGES.unwritable(folder, reason), {
        cause: error,
      });
    }
    throw error;
  }
  let stats: Stats | undefined;
  try {
    stats = statSync(path);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw error;
  }
  if (stats?.isDirectory()) {
    throw new StoreError('path-is-directory', STORE_ERROR_MESSAGES.pathIsDirectory(path));
  }
  checkAccess(folder, constants.W_OK);
  if (stats) checkAccess(path, constants.R_OK | constants.W_OK);
}

function checkAccess(path: string, mode: number): void {
  try {
    accessSync(path, mode);
  } catch (error) {
    const code = codeOf(error);
    const reason = code === undefined ? undefined : UNWRITABLE_REASONS[code];
    if (!reason) throw error;
    throw new StoreError('unwritable', STORE_ERROR_MESSAGES.unwritable(path, reason), {
      cause: error,
    });
  }
}

function openDatabase(path: string, migrations: readonly Migration[]): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(path);
    // The numbers are our own constants; PRAGMA takes no bound parameter.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // The first read of the file: a file that is not a database fails here.
    const found = schemaVersionOf(db);
    const known = migrations.length;
    if (found > known) {
      throw new StoreError('newer-schema', STORE_ERROR_MESSAGES.newerSchema(path, found, known));
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Off by default in SQLite, per connection, and ignored inside a transaction: set it here.
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, path);
    return db;
  } catch (error) {
    db?.close();
    throw classifyOpenError(error, path);
  }
}

/** Turns what SQLite reports at start-up into the store's error codes. */
function classifyOpenError(error: unknown, path: string): unknown {
  const sqliteError = error instanceof StoreError ? error.cause : error;
  if (!(sqliteError instanceof Database.SqliteError)) return error;
  const reason = UNWRITABLE_REASONS[sqliteError.code];
  if (reason) {
    return new StoreError('unwritable', STORE_ERROR_MESSAGES.unwritable(path, reason), {
      cause: sqliteError,
    });
  }
  if (error instanceof StoreError) return error;
  if (sqliteError.code === 'SQLITE_NOTADB') {
    return new StoreError('not-a-database', STORE_ERROR_MESSAGES.notADatabase(path), {
      cause: sqliteError,
    });
  }
  return new StoreError('open-failed', STORE_ERROR_MESSAGES.openFailed(path, sqliteError.code), {
    cause: sqliteError,
  });
}

// ---------------------------------------------------------------------------------------------
// Rows. better-sqlite3 returns `unknown` rows: each is parsed into its record, never cast.

const gameRow = z.pipe(
  z.object({
    id: z.number().check(z.int()),
    guild_id: z.nullable(z.string()),
    channel_id: z.nullable(z.string()),
    thread_id: z.nullable(z.string()),
    starter_user_id: z.string(),
    scope: z.string(),
    mode: z.enum(GAME_MODES),
    question_count: count,
    seconds_per_question: count,
    status: z.enum(GAME_STATUSES),
    started_at: z.number(),
    ended_at: z.nullable(z.number()),
    message_id: z.nullable(z.string()),
    questions_revealed: count,
  }),
  z.transform((r): GameRecord => ({
    id: r.id,
    guildId: r.guild_id,
    channelId: r.channel_id,
    threadId: r.thread_id,
    starterUserId: r.starter_user_id,
    scope: r.scope,
    mode: r.mode,
    questionCount: r.question_count,
    secondsPerQuestion: r.seconds_per_question,
    status: r.status,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    messageId: r.message_id,
    questionsRevealed: r.questions_revealed,
  })),
);

const scoreRow = z.pipe(
  z.object({
    user_id: z.string(),
    display_name: z.string(),
    points: z.number().check(z.int()),
    correct: count,
    answered: count,
  }),
  z.transform((r): GameScore => ({
    userId: r.user_id,
    displayName: r.display_name,
    points: r.points,
    correct: r.correct,
    answered: r.answered,
  })),
);

const playerRow = z.object({
  user_id: z.string(),
  display_name: z.string(),
  points: z.number().check(z.int()),
  answered: count,
  correct: count,
  games: count,
});

const totalRow = z.object({ total: count });

const statsRow = z.object({
  games: count,
  answered: count,
  correct: count,
  points: z.number().check(z.int()),
  display_name: z.nullable(z.string()),
  best_streak: count,
});

const missedRow = z.pipe(
  z.object({ fact_id: z.string(), misses: count }),
  z.transform((r) => ({ factId: r.fact_id, misses: r.misses })),
);

const pragmaNumber = z.number().check(z.int());

// ---------------------------------------------------------------------------------------------
// Statements. Every one is a constant, prepared once and bound with parameters.

const GAME_COLUMNS = `g.id, g.guild_id, g.channel_id, g.thread_id, g.starter_user_id, g.scope, g.mode,
  g.question_count, g.seconds_per_question, g.status, g.started_at, g.ended_at, g.message_id,
  (SELECT COUNT(*) FROM questions q WHERE q.game_id = g.id) AS questions_revealed`;

const SQL = {
  insertGame: `INSERT INTO games (guild_id, channel_id, thread_id, starter_user_id, scope, mode,
      question_count, seconds_per_question, started_at)
    VALUES (@guildId, @channelId, @threadId, @starterUserId, @scope, @mode, @questionCount,
      @secondsPerQuestion, @startedAt)`,
  selectGame: `SELECT ${GAME_COLUMNS} FROM games g WHERE g.id = ?`,
  gameExists: `SELECT 1 FROM games WHERE id = ?`,
  setMessage: `UPDATE games SET message_id = @messageId WHERE id = @gameId AND status = 'running'`,
  insertQuestion: `INSERT INTO questions (game_id, question_index, fact_id, prompt, answer, revealed_at)
    VALUES (@gameId, @index, @factId, @prompt, @answer, @revealedAt)`,
  insertAnswer: `INSERT INTO answers (game_id, question_index, user_id, display_name, given, correct,
      points, answered_at)
    VALUES (@gameId, @index, @userId, @displayName, @given, @correct, @points, @answeredAt)`,
  finishGame: `UPDATE games SET status = @status, ended_at = @at
    WHERE id = @gameId AND status = 'running'`,
  runningGames: `SELECT ${GAME_COLUMNS} FROM games g WHERE g.status = 'running' ORDER BY g.id`,
  interruptGame: `UPDATE games SET status = 'interrupted', ended_at = @at
    WHERE id = @gameId AND status = 'running'`,
  // A player's name is the one of their latest answer: the latest of the same instant is the
  // later question.
  gameScores: `WITH ranked AS (
      SELECT user_id, display_name, correct, points,
        ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY answered_at DESC, question_index DESC)
          AS recency
      FROM answers WHERE game_id = ?)
    SELECT user_id, MAX(CASE WHEN recency = 1 THEN display_name END) AS display_name,
      SUM(points) AS points, SUM(correct) AS correct, COUNT(*) AS answered
    FROM ranked GROUP BY user_id
    ORDER BY points DESC, correct DESC, user_id ASC`,
  leaderboardTotal: `SELECT COUNT(*) AS total FROM (
      SELECT a.user_id FROM games g JOIN answers a ON a.game_id = g.id
      WHERE g.guild_id IS @guildId
      GROUP BY a.user_id HAVING COUNT(*) >= @minAnswers)`,
  playerStats: `WITH mine AS (
      SELECT a.game_id, a.question_index, a.display_name, a.correct, a.points, a.answered_at
      FROM answers a JOIN games g ON g.id = a.game_id
      WHERE a.user_id = @userId AND g.guild_id IS @guildId),
    in_order AS (
      SELECT correct, SUM(1 - correct) OVER (
          ORDER BY answered_at, game_id, question_index ROWS UNBOUNDED PRECEDING) AS misses_before
      FROM mine),
    runs AS (SELECT COUNT(*) AS run FROM in_order WHERE correct = 1 GROUP BY misses_before)
    SELECT
      (SELECT COUNT(DISTINCT game_id) FROM mine) AS games,
      (SELECT COUNT(*) FROM mine) AS answered,
      (SELECT COALESCE(SUM(correct), 0) FROM mine) AS correct,
      (SELECT COALESCE(SUM(points), 0) FROM mine) AS points,
      (SELECT display_name FROM mine
        ORDER BY answered_at DESC, game_id DESC, question_index DESC LIMIT 1) AS display_name,
      (SELECT COALESCE(MAX(run), 0) FROM runs) AS best_streak`,
  mostMissed: `SELECT q.fact_id, COUNT(*) AS misses
    FROM answers a
      JOIN games g ON g.id = a.game_id
      JOIN questions q ON q.game_id = a.game_id AND q.question_index = a.question_index
    WHERE a.user_id = @userId AND g.guild_id IS @guildId AND a.correct = 0
    GROUP BY q.fact_id ORDER BY misses DESC, q.fact_id ASC LIMIT @limit`,
  ping: `SELECT 1`,
} as const;

/**
 * A scope's players with their totals, ordered by one of the constant orderings below. The
 * ordering is chosen from this fixed table by `LeaderboardOrder`, never written from input.
 */
const leaderboardSql = (orderBy: string) => `WITH scoped AS (
    SELECT a.user_id, a.display_name, a.correct, a.points, a.game_id,
      ROW_NUMBER() OVER (PARTITION BY a.user_id
        ORDER BY a.answered_at DESC, a.game_id DESC, a.question_index DESC) AS recency
    FROM games g JOIN answers a ON a.game_id = g.id
    WHERE g.guild_id IS @guildId),
  players AS (
    SELECT user_id, MAX(CASE WHEN recency = 1 THEN display_name END) AS display_name,
      SUM(points) AS points, COUNT(*) AS answered, SUM(correct) AS correct,
      COUNT(DISTINCT game_id) AS games
    FROM scoped GROUP BY user_id)
  SELECT user_id, display_name, points, answered, correct, games FROM players
  WHERE answered >= @minAnswers
  ORDER BY ${orderBy}
  LIMIT @limit OFFSET @offset`;

const LEADERBOARD_SQL: Readonly<Record<LeaderboardOrder, string>> = {
  points: leaderboardSql('points DESC, correct DESC, user_id ASC'),
  accuracy: leaderboardSql(
    'CAST(correct AS REAL) / answered DESC, answered DESC, points DESC, user_id ASC',
  ),
  games: leaderboardSql('games DESC, points DESC, user_id ASC'),
};

/** The fewest answers a player needs to be ranked on a board. */
const minAnswersFor = (by: LeaderboardOrder): number =>
  by === 'accuracy' ? STORE_RULES.minAnswersForAccuracy : 1;

function createSqliteStore(db: Database.Database, path: string): SqliteStore {
  const statements = {
    insertGame: db.prepare(SQL.insertGame),
    selectGame: db.prepare(SQL.selectGame),
    gameExists: db.prepare(SQL.gameExists),
    setMessage: db.prepare(SQL.setMessage),
    insertQuestion: db.prepare(SQL.insertQuestion),
    insertAnswer: db.prepare(SQL.insertAnswer),
    finishGame: db.prepare(SQL.finishGame),
    runningGames: db.prepare(SQL.runningGames),
    interruptGame: db.prepare(SQL.interruptGame),
    gameScores: db.prepare(SQL.gameScores),
    leaderboardTotal: db.prepare(SQL.leaderboardTotal),
    playerStats: db.prepare(SQL.playerStats),
    mostMissed: db.prepare(SQL.mostMissed),
    ping: db.prepare(SQL.ping),
  };
  const leaderboards = {
    points: db.prepare(LEADERBOARD_SQL.points),
    accuracy: db.prepare(LEADERBOARD_SQL.accuracy),
    games: db.prepare(LEADERBOARD_SQL.games),
  } satisfies Record<LeaderboardOrder, unknown>;

  const getGame = (gameId: GameId): GameRecord | null => {
    const row = statements.selectGame.get(gameId);
    return row === undefined ? null : parseRow(gameRow, row, 'selectGame');
  };

  const recordReveal = db.transaction((question: RevealedQuestion) => {
    if (statements.gameExists.get(question.gameId) === undefined) {
      throw new StoreError(
        'invalid-input',
        STORE_ERROR_MESSAGES.invalidInput(STORE_ERROR_MESSAGES.unknownGame(question.gameId)),
      );
    }
    const key = { gameId: question.gameId, index: question.index };
    statements.insertQuestion.run({
      ...key,
      factId: question.factId,
      prompt: question.prompt,
      answer: question.answer,
      revealedAt: question.revealedAt,
    });
    for (const answer of question.answers) {
      statements.insertAnswer.run({
        ...key,
        userId: answer.userId,
        displayName: answer.displayName,
        given: answer.given,
        // SQLite has no boolean: the column holds 0 or 1.
        correct: answer.correct ? 1 : 0,
        points: answer.points,
        answeredAt: answer.answeredAt,
      });
    }
  });

  const interruptRunningGames = db.transaction(
    (at: number, serves: (guildId: string | null) => boolean): InterruptedGame[] =>
      statements.runningGames
        .all()
        .map((row) => parseRow(gameRow, row, 'runningGames'))
        .filter((game) => serves(game.guildId))
        .map((game) => {
          statements.interruptGame.run({ gameId: game.id, at });
          const scores = statements.gameScores
            .all(game.id)
            .map((score) => parseRow(scoreRow, score, 'gameScores'));
          return { ...game, status: 'interrupted', endedAt: at, scores };
        }),
  );

  const readPlayerStats = db.transaction((guildId: string | null, userId: string): PlayerStats => {
    const params = { guildId, userId };
    const totals = parseRow(statsRow, statements.playerStats.get(params), 'playerStats');
    const mostMissed = statements.mostMissed
      .all({ ...params, limit: STORE_RULES.mostMissedFacts })
      .map((row) => parseRow(missedRow, row, 'mostMissed'));
    return {
      guildId,
      userId,
      displayName: totals.display_name,
      games: totals.games,
      answered: totals.answered,
      correct: totals.correct,
      accuracy: totals.answered === 0 ? null : totals.correct / totals.answered,
      points: totals.points,
      bestStreak: totals.best_streak,
      mostMissed,
    };
  });

  const readLeaderboard = db.transaction((query: LeaderboardQuery): LeaderboardPage => {
    const { limit, offset } = leaderboardWindow(query);
    const minAnswers = minAnswersFor(query.by);
    const params = { guildId: query.guildId, minAnswers };
    const { total } = parseRow(
      totalRow,
      statements.leaderboardTotal.get(params),
      'leaderboardTotal',
    );
    const entries = leaderboards[query.by]
      .all({ ...params, limit, offset })
      .map((row, i): LeaderboardEntry => {
        const p = parseRow(playerRow, row, `leaderboard by ${query.by}`);
        return {
          rank: offset + i + 1,
          userId: p.user_id,
          displayName: p.display_name,
          points: p.points,
          answered: p.answered,
          correct: p.correct,
          accuracy: p.correct / p.answered,
          games: p.games,
        };
      });
    return { by: query.by, entries, total };
  });

  return {
    ...createSqliteQuestionLog(db),

    path,

    createGame: (game: NewGame): GameId =>
      guardWrite(() =>
        Number(
          statements.insertGame.run({
            guildId: game.guildId,
            channelId: game.channelId,
            threadId: game.threadId ?? null,
            starterUserId: game.starterUserId,
            scope: game.scope,
            mode: game.mode,
            questionCount: game.questionCount,
            secondsPerQuestion: game.secondsPerQuestion,
            startedAt: game.startedAt,
          }).lastInsertRowid,
        ),
      ),

    getGame,

    setCurrentMessage: (gameId, messageId) =>
      statements.setMessage.run({ gameId, messageId }).changes === 1,

    // One immediate transaction: the question and all its answers, or nothing.
    recordReveal: (question) => guardWrite(() => recordReveal.immediate(question)),

    finishGame: (gameId: GameId, status: GameEnd, at: number) =>
      guardWrite(() => statements.finishGame.run({ gameId, status, at }).changes === 1),

    interruptRunningGames: (at, serves = () => true) => interruptRunningGames.immediate(at, serves),

    leaderboard: (query) => readLeaderboard.deferred(query),

    playerStats: ({ guildId, userId }) => readPlayerStats.deferred(guildId, userId),

    health: (): StoreHealth => {
      try {
        statements.ping.get();
        return { ok: true };
      } catch (error) {
        const detail = db.open
          ? error instanceof Error
            ? error.message
            : String(error)
          : STORE_ERROR_MESSAGES.closed;
        return { ok: false, message: STORE_ERROR_MESSAGES.unavailable(detail) };
      }
    },

    close: () => {
      if (db.open) db.close();
    },

    settings: (): SqliteSettings => ({
      journalMode: z.string().parse(db.pragma('journal_mode', { simple: true })),
      foreignKeys: pragmaNumber.parse(db.pragma('foreign_keys', { simple: true })) === 1,
      synchronous: pragmaNumber.parse(db.pragma('synchronous', { simple: true })),
      busyTimeoutMs: pragmaNumber.parse(db.pragma('busy_timeout', { simple: true })),
      schemaVersion: schemaVersionOf(db),
    }),
  };
}
