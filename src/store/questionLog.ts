/**
 * The question log: what members asked and how Almanac answered, so a curator can see what the
 * packs miss (the "curator's inbox") and how they are used. Part of the one `Store`; nothing here
 * knows SQLite. `sqliteQuestions.ts` implements it, `test/support/memoryQuestionLog.ts` is the
 * in-memory stand-in, and `test/store/questionLogContract.ts` holds both to one contract.
 *
 * **What a row holds.** Every question that reached the engine and was read as one (not an
 * empty mention): when, where (server and channel; `null` for the console, and the channel of a
 * direct message is kept only with the asker, since it names them), who only when the operator
 * chose to keep askers, the scope it was asked in, the verdict, the confidence and up to
 * {@link QUESTION_LOG_RULES.maxCandidates} facts that came closest. A miss (a "did you mean" or a
 * decline) keeps the question as normalised; an answer keeps the fact it gave, and its question
 * only until {@link QUESTION_LOG_RULES.answeredTextMs} has passed (see `pruneQuestions`), unless a
 * member said "Not what I asked", which makes it a miss too.
 *
 * Times are milliseconds since the Unix epoch, passed in by the caller.
 */

/** A row's id, assigned by the store. */
export type AskedQuestionId = number;

/** How Almanac met a question: answered it, asked "did you mean", or declined it. */
export const QUESTION_STATUSES = ['answered', 'did-you-mean', 'declined'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/**
 * Where a question was asked: `/ask`; a message (a mention, a reply or a direct message); an
 * `!ask` message in prefix mode; the "Ask Almanac" message menu; the console.
 */
export const ASK_SURFACES = ['slash', 'message', 'prefix', 'menu', 'console'] as const;
export type AskSurface = (typeof ASK_SURFACES)[number];

/** The numbers that shape the question log, shared by every implementation. */
export const QUESTION_LOG_RULES = Object.freeze({
  /** How many of the closest facts a row keeps: as many as a reply offers as buttons. */
  maxCandidates: 3,
  /**
   * How long an answered question keeps its text: long enough for a member to say "Not what I
   * asked" (which makes it a miss, text and all), not so long that the log becomes a transcript.
   */
  answeredTextMs: 24 * 60 * 60 * 1000,
  /** The most groups, and questions per group, one miss report may ask for. */
  maxReportGroups: 100,
  maxReportQuestions: 100,
} as const);

/** A fact that came close to a question, with the engine's confidence that it answers it. */
export interface AskedCandidate {
  readonly factId: string;
  /** From 0 to 1; 0 for the packs' key questions offered for want of near misses. */
  readonly confidence: number;
}

/** A question as the shells record it. */
export interface NewAskedQuestion {
  readonly askedAt: number;
  /** The server, or `null` for a direct message or the console. */
  readonly guildId: string | null;
  /** The channel (or thread); `null` for the console, and for a DM unless askers are kept. */
  readonly channelId: string | null;
  /** The asker, only when the operator keeps askers (`RECORD_ASKERS=true`). */
  readonly userId: string | null;
  readonly surface: AskSurface;
  /** The pack id (or `#tag`) the question was limited to; `null` for every pack. */
  readonly scope: string | null;
  readonly status: QuestionStatus;
  /**
   * The question as normalised (`normalizeText`): required for a miss; for an answer, kept
   * until the next prune after {@link QUESTION_LOG_RULES.answeredTextMs}, or `null`.
   */
  readonly question: string | null;
  /** The fact given: set exactly when answered. */
  readonly factId: string | null;
  readonly confidence: number;
  /**
   * The closest facts, best first, at most {@link QUESTION_LOG_RULES.maxCandidates}: the "did you
   * mean" candidates, a decline's suggestions, or an answer's runners-up ("Not what I asked").
   */
  readonly candidates: readonly AskedCandidate[];
}

/** A question as stored, with what members did about it since. */
export interface AskedQuestionRecord extends NewAskedQuestion {
  readonly id: AskedQuestionId;
  /** The fact a member picked from the reply's buttons (the first pick counts). */
  readonly pickedFactId: string | null;
  readonly pickedAt: number | null;
  /** When a member first said "Not what I asked" about the answer. */
  readonly notWhatIAskedAt: number | null;
}

/** A member picked one of the facts a reply offered. */
export interface QuestionPick {
  readonly id: AskedQuestionId;
  readonly factId: string;
  /** The server the click came from (`null` outside one): it must be the question's. */
  readonly guildId: string | null;
  readonly at: number;
}

/** A member said an answer was not what they asked. */
export interface NotWhatIAsked {
  readonly id: AskedQuestionId;
  readonly guildId: string | null;
  readonly at: number;
}

/**
 * Which questions a report reads: one server (`guildId` a string), direct messages and the
 * console together (`null`), or everything (`undefined`, for the operator's terminal).
 */
export interface QuestionScope {
  readonly guildId?: string | null | undefined;
  /** From this time on (inclusive). */
  readonly since: number;
}

export interface MissQuery extends QuestionScope {
  /** How many groups, 1 to {@link QUESTION_LOG_RULES.maxReportGroups}. */
  readonly groups: number;
  /** How many questions per group, 1 to {@link QUESTION_LOG_RULES.maxReportQuestions}. */
  readonly questionsPerGroup: number;
}

/** One question (as normalised) within a group, and what became of it. */
export interface MissLine {
  readonly question: string;
  /** How many times it was missed. */
  readonly count: number;
  /** Of those, how many times a member then picked the group's fact. */
  readonly picked: number;
  readonly didYouMean: number;
  readonly declined: number;
  /** Answered with the group's fact, then "Not what I asked" (and nothing picked after). */
  readonly notWhatIAsked: number;
  readonly lastAskedAt: number;
}

/**
 * Misses grouped by the fact they came closest to: the fact a member picked when one did, else
 * the best candidate with a confidence above 0, else none (`factId: null`).
 */
export interface MissGroup {
  readonly factId: string | null;
  readonly misses: number;
  /** Misses after which a member picked this group's fact. */
  readonly picked: number;
  /** The most frequent questions first (then the latest, then alphabetical). */
  readonly questions: readonly MissLine[];
  /** Distinct questions of the group left out of `questions`. */
  readonly moreQuestions: number;
  readonly lastAskedAt: number;
}

/** The curator's inbox: the most frequent recent misses. */
export interface MissReport {
  /** Misses in scope, whether their group is listed or not. */
  readonly misses: number;
  /** The groups with most misses first (then the latest, then by fact id, none last). */
  readonly groups: readonly MissGroup[];
  /** Groups left out of `groups`. */
  readonly moreGroups: number;
}

/** Questions of one UTC day. */
export interface DayCount {
  /** Midnight UTC starting the day, in milliseconds. */
  readonly day: number;
  readonly questions: number;
  readonly answered: number;
  readonly didYouMean: number;
  readonly declined: number;
}

/** How often a fact was the answer. */
export interface FactCount {
  readonly factId: string;
  readonly count: number;
}

/** How the packs were used over a period. */
export interface QuestionStats {
  readonly questions: number;
  readonly answered: number;
  readonly didYouMean: number;
  readonly declined: number;
  /** Answers a member said were not what they asked. */
  readonly notWhatIAsked: number;
  /** Days with at least one question, oldest first. */
  readonly days: readonly DayCount[];
  /**
   * Every fact that was the answer, most often first (then by fact id): answered directly, or
   * picked from a "did you mean", a decline's suggestions or "Not what I asked". An answer
   * flagged "Not what I asked" does not count for the fact it gave.
   */
  readonly facts: readonly FactCount[];
  /** The median of every question's confidence; `null` without questions. */
  readonly medianConfidence: number | null;
  /** The median confidence of the answered questions; `null` without any. */
  readonly medianAnsweredConfidence: number | null;
}

/** What a prune removed. */
export interface PruneResult {
  /** Questions asked before the retention window, deleted. */
  readonly deleted: number;
  /** Answered questions whose text was dropped (older than the text's day). */
  readonly textsCleared: number;
}

/**
 * The reading half of the log, all a report needs: what `npm run misses` and `npm run stats`
 * open, read-only.
 */
export interface QuestionReports {
  /**
   * The most frequent misses in scope, grouped by the fact they came closest to.
   * @throws StoreError `invalid-input` when `groups` or `questionsPerGroup` is out of range.
   */
  missReport(query: MissQuery): MissReport;
  /** Questions per day, their outcomes, the facts given and the median confidence. */
  questionStats(query: QuestionScope): QuestionStats;
}

/** The question log as the shells use it. */
export interface QuestionLog extends QuestionReports {
  /**
   * Records a question and its closest facts, all or nothing, and returns its id.
   * @throws StoreError `invalid-input` for a record that breaks the log's rules (a miss without
   *   its question, an answer without its fact, a confidence outside 0 to 1, too many
   *   candidates).
   */
  recordQuestion(question: NewAskedQuestion): AskedQuestionId;
  /** Reads a question, or `null` when there is none with that id (or it was pruned). */
  getQuestion(id: AskedQuestionId): AskedQuestionRecord | null;
  /**
   * Records the fact a member picked from a question's reply.
   * @returns whether it was recorded: only the first pick counts, only of a fact the reply
   *   offered (one of its candidates), and only from the question's own server.
   */
  recordPick(pick: QuestionPick): boolean;
  /**
   * Records that a member said an answer was not what they asked.
   * @returns whether it was recorded: only for an answered question, once, from its server.
   */
  recordNotWhatIAsked(flag: NotWhatIAsked): boolean;
  /**
   * Deletes the questions asked before `before`, and drops the text of answered questions asked
   * before `answeredTextBefore` that no member flagged "Not what I asked".
   */
  pruneQuestions(limits: {
    readonly before: number;
    readonly answeredTextBefore: number;
  }): PruneResult;
}
