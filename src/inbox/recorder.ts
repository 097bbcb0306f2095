import type { Logger } from 'pino';
import type { Clock, Timer } from '../clock.js';
import type { QuestionLogConfig } from '../config.js';
import { normalizeText } from '../engine/normalize.js';
import type { AskResult, Candidate, Scope } from '../engine/types.js';
import {
  QUESTION_LOG_RULES,
  type AskedQuestionId,
  type AskSurface,
  type NewAskedQuestion,
  type PruneResult,
  type QuestionLog,
  type QuestionStatus,
} from '../store/types.js';

/** One day, the period of the prune. */
export const PRUNE_EVERY_MS = 24 * 60 * 60 * 1000;

/** Where and by whom a question was asked, as the shell that received it knows. */
export interface AskedWhere {
  readonly surface: AskSurface;
  /** The server, or `null` for a direct message or the console. */
  readonly guildId: string | null;
  /** The channel (or thread), or `null` for the console. */
  readonly channelId: string | null;
  /** The asker, or `null` for the console; kept only with `RECORD_ASKERS=true`. */
  readonly userId: string | null;
  /** The pack or tags the question was limited to. */
  readonly scope?: Scope | undefined;
  /** The Discord message or interaction it came in; never stored, only logged and timed. */
  readonly event?: AskedEvent | undefined;
}

/** The Discord message or interaction a question came in. */
export interface AskedEvent {
  readonly kind: 'message' | 'interaction';
  /** The message's or interaction's id. */
  readonly id: string;
  /** How it was asked: `/ask`, the menu's name, `mention`, `reply`, `dm` or `!ask`. */
  readonly command: string;
  /** When Discord created it (ms since the epoch, read from its id). */
  readonly createdAt: number;
}

/**
 * Where the console's questions are asked: one local member, so no server, no channel and no
 * asker are kept. They form their own scope with direct messages (`guildId: null`): the
 * terminal's reports show them, `/almanac` never does.
 */
export const CONSOLE_WHERE: AskedWhere = Object.freeze({
  surface: 'console',
  guildId: null,
  channelId: null,
  userId: null,
});

/** The question log's name for each of the engine's verdicts. */
export const QUESTION_STATUS_OF: Readonly<Record<AskResult['status'], QuestionStatus>> = {
  answered: 'answered',
  ambiguous: 'did-you-mean',
  'no-match': 'declined',
};

/** The engine's confidences are probabilities; a rounding error must not make a row invalid. */
const probability = (value: number): number =>
  Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;

function closest(result: AskResult): readonly Candidate[] {
  switch (result.status) {
    case 'answered':
      return result.alternatives;
    case 'ambiguous':
      return result.candidates;
    case 'no-match':
      return result.suggestions;
  }
}

/** `pack-id`, `#tag` (or `#a,#b`), or `null` for every pack. */
export function scopeLabel(scope: Scope | undefined): string | null {
  if (scope?.packId) return scope.packId;
  if (scope?.tags && scope.tags.length > 0) return scope.tags.map((t) => `#${t}`).join(',');
  return null;
}

/**
 * What the log keeps of a question, or `undefined` when there is nothing to keep: a mention with
 * no question in it, or one with no words to look up, is not a question. Pure: the time is
 * given.
 *
 * The asker is kept only with `askers`; so is the channel of a direct message, which is one
 * member's own channel and would name them just as well.
 */
export function questionRecordOf(
  result: AskResult,
  where: AskedWhere,
  settings: Pick<QuestionLogConfig, 'askers'>,
  now: number,
): NewAskedQuestion | undefined {
  if (result.status === 'no-match' && result.rejected !== undefined) return undefined;
  const question = normalizeText(result.question);
  if (question.length === 0) return undefined;
  const privateChannel = where.guildId === null && !settings.askers;
  return {
    askedAt: now,
    guildId: where.guildId,
    channelId: privateChannel ? null : where.channelId,
    userId: settings.askers ? where.userId : null,
    surface: where.surface,
    scope: scopeLabel(where.scope),
    status: QUESTION_STATUS_OF[result.status],
    question,
    factId: result.status === 'answered' ? result.fact.id : null,
    confidence: probability(result.confidence),
    candidates: closest(result)
      .slice(0, QUESTION_LOG_RULES.maxCandidates)
      .map((c) => ({ factId: c.factId, confidence: probability(c.confidence) })),
  };
}

/**
 * The question log as the shells use it. Nothing here ever throws or makes anyone wait: a store
 * failure is logged and the answer goes out as if nothing were recorded (its buttons then carry
 * no question id).
 */
export interface QuestionRecorder {
  /** Whether questions are being recorded (`RECORD_MISSES`). */
  readonly recording: boolean;
  /** Records a question and its verdict; its id, or `undefined` when nothing was recorded. */
  asked(result: AskResult, where: AskedWhere): AskedQuestionId | undefined;
  /** A member picked `factId` from the reply to question `id` (asked in `guildId`). */
  picked(id: AskedQuestionId, factId: string, guildId: string | null): void;
  /** A member said the answer to question `id` was not what they asked. */
  notWhatIAsked(id: AskedQuestionId, guildId: string | null): boolean;
  /** Deletes what is past the retention window now; `undefined` if the store failed. */
  prune(): PruneResult | undefined;
  /** Prunes now and then once a day on the clock, until `stop()`. */
  startDailyPrune(): { stop(): void };
}

export interface QuestionRecorderOptions {
  readonly store: QuestionLog;
  readonly clock: Clock;
  readonly logger: Pick<Logger, 'warn' | 'info' | 'debug'>;
  readonly settings: QuestionLogConfig;
}

/**
 * The recorder over a store. With `settings.record` off it records nothing at all (picks and
 * flags included) but still prunes, so what was kept before ages out on schedule.
 */
export function createQuestionRecorder(options: QuestionRecorderOptions): QuestionRecorder {
  const { store, clock, logger, settings } = options;

  const guarded = <T>(what: string, details: object, write: () => T): T | undefined => {
    try {
      return write();
    } catch (error) {
      logger.warn({ err: error, ...details }, `could not ${what}; answering anyway`);
      return undefined;
    }
  };

  const prune = (): PruneResult | undefined => {
    const now = clock.now();
    const result = guarded('prune the question log', {}, () =>
      store.pruneQuestions({
        before: now - settings.retentionDays * PRUNE_EVERY_MS,
        answeredTextBefore: now - QUESTION_LOG_RULES.answeredTextMs,
      }),
    );
    if (result && (result.deleted > 0 || result.textsCleared > 0)) {
      logger.info({ ...result, retentionDays: settings.retentionDays }, 'question log pruned');
    }
    return result;
  };

  return {
    recording: settings.record,

    asked(result, where) {
      if (!settings.record) return undefined;
      const record = questionRecordOf(result, where, settings, clock.now());
      if (!record) return undefined;
      return guarded('record a question', { surface: where.surface, guildId: where.guildId }, () =>
        store.recordQuestion(record),
      );
    },

    picked(id, factId, guildId) {
      if (!settings.record) return;
      const at = clock.now();
      const recorded = guarded('record a pick', { questionId: id, guildId }, () =>
        store.recordPick({ id, factId, guildId, at }),
      );
      if (recorded === false) logger.debug({ questionId: id, factId }, 'pick not recorded');
    },

    notWhatIAsked(id, guildId) {
      if (!settings.record) return false;
      const at = clock.now();
      return (
        guarded('record "Not what I asked"', { questionId: id, guildId }, () =>
          store.recordNotWhatIAsked({ id, guildId, at }),
        ) ?? false
      );
    },

    prune,

    startDailyPrune() {
      let timer: Timer | undefined;
      let stopped = false;
      const run = () => {
        if (stopped) return;
        prune();
        timer = clock.setTimeout(run, PRUNE_EVERY_MS);
      };
      run();
      return {
        stop() {
          stopped = true;
          timer?.cancel();
        },
      };
    },
  };
}
