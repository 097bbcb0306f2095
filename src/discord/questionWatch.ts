import type { Logger } from 'pino';
import type { AskResult } from '../engine/types.js';
import { QUESTION_STATUS_OF, type AskedWhere, type QuestionRecorder } from '../inbox/recorder.js';
import type { Metrics } from '../monitoring/metrics.js';

export interface QuestionWatchOptions {
  readonly logger: Pick<Logger, 'info'>;
  /** Where questions are counted and timed; nothing is counted without it. */
  readonly metrics?: Metrics | undefined;
  /**
   * The wall clock the latency is read on, against the time Discord wrote into the message's or
   * interaction's id: `Date.now` by default. Not the bot's `Clock`, which tests run by hand.
   */
  readonly now?: () => number;
}

/** The fields of a question's log line: where it came from and its verdict, never its text. */
export function questionLogFields(
  result: AskResult,
  where: AskedWhere,
  latencyMs: number | undefined,
): Record<string, unknown> {
  const event = where.event;
  return {
    ...(event === undefined
      ? {}
      : { [event.kind === 'message' ? 'messageId' : 'interactionId']: event.id }),
    command: event?.command ?? where.surface,
    guildId: where.guildId,
    status: QUESTION_STATUS_OF[result.status],
    factId: result.status === 'answered' ? result.fact.id : null,
    latencyMs,
  };
}

/**
 * The question recorder with every question's verdict counted, timed and logged, at the one
 * place every question goes through (`asked`), whatever `RECORD_MISSES` says: one info line per
 * question with the message or interaction id, how it was asked, the server, the verdict, the
 * fact given and the latency, and never the question's text. A mention with no question in it
 * is no question, and is neither counted nor logged, as it is not recorded.
 */
export function watchQuestions(
  recorder: QuestionRecorder,
  options: QuestionWatchOptions,
): QuestionRecorder {
  const { logger, metrics } = options;
  const now = options.now ?? Date.now;
  return {
    recording: recorder.recording,
    asked(result, where) {
      const id = recorder.asked(result, where);
      if (result.status === 'no-match' && result.rejected !== undefined) return id;
      const latencyMs =
        where.event === undefined ? undefined : Math.max(0, now() - where.event.createdAt);
      metrics?.question(
        QUESTION_STATUS_OF[result.status],
        latencyMs === undefined ? undefined : latencyMs / 1000,
      );
      logger.info(questionLogFields(result, where, latencyMs), 'question asked');
      return id;
    },
    picked: (id, factId, guildId) => recorder.picked(id, factId, guildId),
    notWhatIAsked: (id, guildId) => recorder.notWhatIAsked(id, guildId),
    prune: () => recorder.prune(),
    startDailyPrune: () => recorder.startDailyPrune(),
  };
}
