import type Database from 'better-sqlite3';
import * as z from '../zod.js';
import { checkMissQuery, checkNewQuestion, DAY_MS } from './questionChecks.js';
import {
  ASK_SURFACES,
  QUESTION_STATUSES,
  type AskedQuestionId,
  type AskedQuestionRecord,
  type MissGroup,
  type MissLine,
  type MissQuery,
  type MissReport,
  type NewAskedQuestion,
  type QuestionLog,
  type QuestionReports,
  type QuestionScope,
  type QuestionStats,
} from './questionLog.js';
import { count, guardWrite, parseRow } from './sqliteRows.js';

/** The schema version that brought the question log (`002_questions.sql`). */
export const QUESTION_LOG_VERSION = 2;

// ---------------------------------------------------------------------------------------------
// Rows.

const confidence = z.number().check(z.minimum(0), z.maximum(1));

const questionRow = z.object({
  id: z.number().check(z.int()),
  asked_at: z.number(),
  guild_id: z.nullable(z.string()),
  channel_id: z.nullable(z.string()),
  user_id: z.nullable(z.string()),
  surface: z.enum(ASK_SURFACES),
  scope: z.nullable(z.string()),
  status: z.enum(QUESTION_STATUSES),
  question: z.nullable(z.string()),
  fact_id: z.nullable(z.string()),
  confidence,
  picked_fact_id: z.nullable(z.string()),
  picked_at: z.nullable(z.number()),
  not_what_i_asked_at: z.nullable(z.number()),
});

const candidateRow = z.pipe(
  z.object({ fact_id: z.string(), confidence }),
  z.transform((r) => ({ factId: r.fact_id, confidence: r.confidence })),
);

const missTotalsRow = z.object({ misses: count, groups: count });

const missLineRow = z.object({
  group_rank: z.number().check(z.int()),
  group_fact: z.nullable(z.string()),
  group_misses: count,
  group_picked: count,
  group_questions: count,
  group_last: z.number(),
  question: z.string(),
  count,
  picked: count,
  did_you_mean: count,
  declined: count,
  not_what_i_asked: count,
  last_asked_at: z.number(),
});

const statsTotalsRow = z.object({
  questions: count,
  answered: count,
  did_you_mean: count,
  declined: count,
  not_what_i_asked: count,
});

const dayRow = z.pipe(
  z.object({
    day: z.number().check(z.int()),
    questions: count,
    answered: count,
    did_you_mean: count,
    declined: count,
  }),
  z.transform((r) => ({
    day: r.day * DAY_MS,
    questions: r.questions,
    answered: r.answered,
    didYouMean: r.did_you_mean,
    declined: r.declined,
  })),
);

const factCountRow = z.pipe(
  z.object({ fact_id: z.string(), count }),
  z.transform((r) => ({ factId: r.fact_id, count: r.count })),
);

const medianRow = z.object({ median: z.nullable(confidence) });

// ---------------------------------------------------------------------------------------------
// Statements: constants, prepared once, bound with parameters. A report reads one server's
// questions (`guild_id IS @guildId`, which also matches the NULL of DMs and the console) or, for
// the operator's terminal, everyone's; the two variants are written from this fixed pair, never
// from input.

type ScopeKind = 'one' | 'all';
const SCOPE_FILTER: Readonly<Record<ScopeKind, string>> = {
  one: 'q.guild_id IS @guildId AND',
  all: '',
};

/** Misses in scope, keyed by the fact they came closest to (see `MissGroup`). */
const missLinesCte = (scope: ScopeKind) => `WITH keyed AS (
    SELECT q.question, q.status, q.asked_at, q.picked_fact_id,
      COALESCE(q.picked_fact_id,
        CASE WHEN q.status = 'answered' THEN q.fact_id
          ELSE (SELECT c.fact_id FROM asked_candidates c
            WHERE c.question_id = q.id AND c.confidence > 0 ORDER BY c.rank LIMIT 1)
        END) AS group_fact
    FROM asked_questions q
    WHERE ${SCOPE_FILTER[scope]} q.asked_at >= @since AND q.question IS NOT NULL
      AND (q.status <> 'answered' OR q.not_what_i_asked_at IS NOT NULL)),
  lines AS (
    SELECT group_fact, question, COUNT(*) AS count,
      SUM(picked_fact_id IS NOT NULL) AS picked,
      SUM(status = 'did-you-mean') AS did_you_mean,
      SUM(status = 'declined') AS declined,
      SUM(status = 'answered' AND picked_fact_id IS NULL) AS not_what_i_asked,
      MAX(asked_at) AS last_asked_at
    FROM keyed GROUP BY group_fact, question),
  groups AS (
    SELECT group_fact, SUM(count) AS misses, SUM(picked) AS picked, COUNT(*) AS questions,
      MAX(last_asked_at) AS last_asked_at,
      ROW_NUMBER() OVER (
        ORDER BY SUM(count) DESC, MAX(last_asked_at) DESC, group_fact IS NULL, group_fact
      ) AS group_rank
    FROM lines GROUP BY group_fact)`;

const missTotalsSql = (scope: ScopeKind) => `${missLinesCte(scope)}
  SELECT COALESCE(SUM(misses), 0) AS misses, COUNT(*) AS groups FROM groups`;

const missLinesSql = (scope: ScopeKind) => `${missLinesCte(scope)}
  SELECT * FROM (
    SELECT g.group_rank, g.group_fact, g.misses AS group_misses, g.picked AS group_picked,
      g.questions AS group_questions, g.last_asked_at AS group_last,
      l.question, l.count, l.picked, l.did_you_mean, l.declined, l.not_what_i_asked,
      l.last_asked_at,
      ROW_NUMBER() OVER (
        PARTITION BY g.group_rank ORDER BY l.count DESC, l.last_asked_at DESC, l.question
      ) AS line_rank
    FROM groups g JOIN lines l ON l.group_fact IS g.group_fact
    WHERE g.group_rank <= @groups)
  WHERE line_rank <= @perGroup
  ORDER BY group_rank, line_rank`;

const scopedCte = (scope: ScopeKind) => `WITH scoped AS (
    SELECT * FROM asked_questions q WHERE ${SCOPE_FILTER[scope]} q.asked_at >= @since)`;

const statsTotalsSql = (scope: ScopeKind) => `${scopedCte(scope)}
  SELECT COUNT(*) AS questions,
    COALESCE(SUM(status = 'answered'), 0) AS answered,
    COALESCE(SUM(status = 'did-you-mean'), 0) AS did_you_mean,
    COALESCE(SUM(status = 'declined'), 0) AS declined,
    COALESCE(SUM(not_what_i_asked_at IS NOT NULL), 0) AS not_what_i_asked
  FROM scoped`;

// Times are positive, so integer division is the floor: the UTC day.
const statsDaysSql = (scope: ScopeKind) => `${scopedCte(scope)}
  SELECT asked_at / ${DAY_MS} AS day, COUNT(*) AS questions,
    SUM(status = 'answered') AS answered,
    SUM(status = 'did-you-mean') AS did_you_mean,
    SUM(status = 'declined') AS declined
  FROM scoped GROUP BY day ORDER BY day`;

const statsFactsSql = (scope: ScopeKind) => `${scopedCte(scope)}
  SELECT fact_id, COUNT(*) AS count FROM (
    SELECT CASE
      WHEN picked_fact_id IS NOT NULL THEN picked_fact_id
      WHEN status = 'answered' AND not_what_i_asked_at IS NULL THEN fact_id
    END AS fact_id FROM scoped)
  WHERE fact_id IS NOT NULL
  GROUP BY fact_id ORDER BY count DESC, fact_id`;

/** The middle value, or the mean of the middle two; no row (NULL) for an empty set. */
const medianSql = (scope: ScopeKind, answeredOnly: boolean) => {
  const filter = answeredOnly ? "WHERE status = 'answered'" : '';
  return `${scopedCte(scope)}, chosen AS (SELECT confidence FROM scoped ${filter})
  SELECT AVG(confidence) AS median FROM (
    SELECT confidence FROM chosen ORDER BY confidence
    LIMIT 2 - (SELECT COUNT(*) FROM chosen) % 2
    OFFSET ((SELECT COUNT(*) FROM chosen) - 1) / 2)`;
};

const SQL = {
  insertQuestion: `INSERT INTO asked_questions (asked_at, guild_id, channel_id, user_id, surface,
      scope, status, question, fact_id, confidence)
    VALUES (@askedAt, @guildId, @channelId, @userId, @surface, @scope, @status, @question,
      @factId, @confidence)`,
  insertCandidate: `INSERT INTO asked_candidates (question_id, rank, fact_id, confidence)
    VALUES (@questionId, @rank, @factId, @confidence)`,
  selectQuestion: `SELECT id, asked_at, guild_id, channel_id, user_id, surface, scope, status,
      question, fact_id, confidence, picked_fact_id, picked_at, not_what_i_asked_at
    FROM asked_questions WHERE id = ?`,
  selectCandidates: `SELECT fact_id, confidence FROM asked_candidates
    WHERE question_id = ? ORDER BY rank`,
  pick: `UPDATE asked_questions SET picked_fact_id = @factId, picked_at = @at
    WHERE id = @id AND guild_id IS @guildId AND picked_fact_id IS NULL
      AND EXISTS (SELECT 1 FROM asked_candidates c
        WHERE c.question_id = asked_questions.id AND c.fact_id = @factId)`,
  notWhatIAsked: `UPDATE asked_questions SET not_what_i_asked_at = @at
    WHERE id = @id AND guild_id IS @guildId AND status = 'answered'
      AND not_what_i_asked_at IS NULL`,
  pruneOld: `DELETE FROM asked_questions WHERE asked_at < @before`,
  clearAnsweredText: `UPDATE asked_questions SET question = NULL
    WHERE status = 'answered' AND question IS NOT NULL AND not_what_i_asked_at IS NULL
      AND asked_at < @answeredTextBefore`,
} as const;

/** The report statements, one of each per scope kind. */
function prepareReports(db: Database.Database, scope: ScopeKind) {
  return {
    missTotals: db.prepare(missTotalsSql(scope)),
    missLines: db.prepare(missLinesSql(scope)),
    statsTotals: db.prepare(statsTotalsSql(scope)),
    statsDays: db.prepare(statsDaysSql(scope)),
    statsFacts: db.prepare(statsFactsSql(scope)),
    median: db.prepare(medianSql(scope, false)),
    answeredMedian: db.prepare(medianSql(scope, true)),
  };
}

/** The parameters of a scope, and which statements serve it. */
function bindScope(scope: QuestionScope): { kind: ScopeKind; params: Record<string, unknown> } {
  return scope.guildId === undefined
    ? { kind: 'all', params: { since: scope.since } }
    : { kind: 'one', params: { since: scope.since, guildId: scope.guildId } };
}

/** Assembles the groups of a report from its lines, which arrive group by group, in order. */
function groupLines(rows: readonly z.infer<typeof missLineRow>[]): MissGroup[] {
  const byRank = new Map<number, { row: (typeof rows)[number]; lines: MissLine[] }>();
  for (const row of rows) {
    const entry = byRank.get(row.group_rank) ?? { row, lines: [] };
    entry.lines.push({
      question: row.question,
      count: row.count,
      picked: row.picked,
      didYouMean: row.did_you_mean,
      declined: row.declined,
      notWhatIAsked: row.not_what_i_asked,
      lastAskedAt: row.last_asked_at,
    });
    byRank.set(row.group_rank, entry);
  }
  return [...byRank.values()].map(({ row, lines }) => ({
    factId: row.group_fact,
    misses: row.group_misses,
    picked: row.group_picked,
    questions: lines,
    moreQuestions: row.group_questions - lines.length,
    lastAskedAt: row.group_last,
  }));
}

/**
 * The reading half of the log on an open database: what `npm run misses` and `npm run stats`
 * use on a read-only connection, and the full store on its own. Each report reads inside one
 * deferred transaction, so its parts agree with each other while the bot keeps writing.
 */
export function createSqliteQuestionReports(db: Database.Database): QuestionReports {
  const reports = { one: prepareReports(db, 'one'), all: prepareReports(db, 'all') };

  const missReport = db.transaction((query: MissQuery): MissReport => {
    checkMissQuery(query);
    const { kind, params } = bindScope(query);
    const statements = reports[kind];
    const totals = parseRow(missTotalsRow, statements.missTotals.get(params), 'missTotals');
    const lines = statements.missLines
      .all({ ...params, groups: query.groups, perGroup: query.questionsPerGroup })
      .map((row) => parseRow(missLineRow, row, 'missLines'));
    const groups = groupLines(lines);
    return { misses: totals.misses, groups, moreGroups: totals.groups - groups.length };
  });

  const questionStats = db.transaction((query: QuestionScope): QuestionStats => {
    const { kind, params } = bindScope(query);
    const statements = reports[kind];
    const totals = parseRow(statsTotalsRow, statements.statsTotals.get(params), 'statsTotals');
    const median = (statement: Database.Statement, name: string) =>
      parseRow(medianRow, statement.get(params), name).median;
    return {
      questions: totals.questions,
      answered: totals.answered,
      didYouMean: totals.did_you_mean,
      declined: totals.declined,
      notWhatIAsked: totals.not_what_i_asked,
      days: statements.statsDays.all(params).map((row) => parseRow(dayRow, row, 'statsDays')),
      facts: statements.statsFacts
        .all(params)
        .map((row) => parseRow(factCountRow, row, 'statsFacts')),
      medianConfidence: median(statements.median, 'median'),
      medianAnsweredConfidence: median(statements.answeredMedian, 'answeredMedian'),
    };
  });

  return {
    missReport: (query) => missReport.deferred(query),
    questionStats: (query) => questionStats.deferred(query),
  };
}

/** The whole question log on a writable database (the store's other half is `sqlite.ts`). */
export function createSqliteQuestionLog(db: Database.Database): QuestionLog {
  const statements = {
    insertQuestion: db.prepare(SQL.insertQuestion),
    insertCandidate: db.prepare(SQL.insertCandidate),
    selectQuestion: db.prepare(SQL.selectQuestion),
    selectCandidates: db.prepare(SQL.selectCandidates),
    pick: db.prepare(SQL.pick),
    notWhatIAsked: db.prepare(SQL.notWhatIAsked),
    pruneOld: db.prepare(SQL.pruneOld),
    clearAnsweredText: db.prepare(SQL.clearAnsweredText),
  };

  // The question and its candidates, or nothing.
  const recordQuestion = db.transaction((question: NewAskedQuestion): AskedQuestionId => {
    const { candidates, ...row } = question;
    const id = Number(statements.insertQuestion.run(row).lastInsertRowid);
    candidates.forEach((candidate, rank) =>
      statements.insertCandidate.run({ questionId: id, rank, ...candidate }),
    );
    return id;
  });

  const prune = db.transaction((before: number, answeredTextBefore: number) => ({
    deleted: statements.pruneOld.run({ before }).changes,
    textsCleared: statements.clearAnsweredText.run({ answeredTextBefore }).changes,
  }));

  return {
    ...createSqliteQuestionReports(db),

    recordQuestion(question) {
      checkNewQuestion(question);
      return guardWrite(() => recordQuestion.immediate(question));
    },

    getQuestion(id): AskedQuestionRecord | null {
      const found = statements.selectQuestion.get(id);
      if (found === undefined) return null;
      const r = parseRow(questionRow, found, 'selectQuestion');
      return {
        id: r.id,
        askedAt: r.asked_at,
        guildId: r.guild_id,
        channelId: r.channel_id,
        userId: r.user_id,
        surface: r.surface,
        scope: r.scope,
        status: r.status,
        question: r.question,
        factId: r.fact_id,
        confidence: r.confidence,
        candidates: statements.selectCandidates
          .all(id)
          .map((row) => parseRow(candidateRow, row, 'selectCandidates')),
        pickedFactId: r.picked_fact_id,
        pickedAt: r.picked_at,
        notWhatIAskedAt: r.not_what_i_asked_at,
      };
    },

    recordPick: (pick) => statements.pick.run(pick).changes === 1,

    recordNotWhatIAsked: (flag) => statements.notWhatIAsked.run(flag).changes === 1,

    pruneQuestions: ({ before, answeredTextBefore }) => prune.immediate(before, answeredTextBefore),
  };
}
