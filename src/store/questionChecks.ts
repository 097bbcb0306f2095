import { STORE_ERROR_MESSAGES } from './errorMessages.js';
import {
  ASK_SURFACES,
  QUESTION_LOG_RULES,
  QUESTION_STATUSES,
  type MissQuery,
  type NewAskedQuestion,
} from './questionLog.js';
import { StoreError } from './storeError.js';

const refuse = (detail: string): never => {
  throw new StoreError('invalid-input', STORE_ERROR_MESSAGES.invalidInput(detail));
};

const isConfidence = (value: number) => Number.isFinite(value) && value >= 0 && value <= 1;

/**
 * A question checked against the log's rules before anything is written, so every `Store`
 * implementation refuses the same records with the same messages (SQLite's own constraints stay
 * behind these as a second guard).
 * @throws StoreError `invalid-input`
 */
export function checkNewQuestion(question: NewAskedQuestion): void {
  if (!(QUESTION_STATUSES as readonly string[]).includes(question.status)) {
    refuse(STORE_ERROR_MESSAGES.questionShape(`has no status called ${question.status}`));
  }
  if (!(ASK_SURFACES as readonly string[]).includes(question.surface)) {
    refuse(STORE_ERROR_MESSAGES.questionShape(`comes from no surface called ${question.surface}`));
  }
  if ((question.status === 'answered') !== (question.factId !== null)) {
    refuse(STORE_ERROR_MESSAGES.questionShape('names its fact exactly when it was answered'));
  }
  if (question.status !== 'answered' && question.question === null) {
    refuse(STORE_ERROR_MESSAGES.questionShape('that was missed keeps its text'));
  }
  if (question.guildId !== null && question.channelId === null) {
    refuse(STORE_ERROR_MESSAGES.questionShape('asked in a server names its channel'));
  }
  if (!isConfidence(question.confidence)) {
    refuse(STORE_ERROR_MESSAGES.confidenceRange(question.confidence));
  }
  if (question.candidates.length > QUESTION_LOG_RULES.maxCandidates) {
    refuse(
      STORE_ERROR_MESSAGES.tooManyCandidates(
        question.candidates.length,
        QUESTION_LOG_RULES.maxCandidates,
      ),
    );
  }
  for (const candidate of question.candidates) {
    if (!isConfidence(candidate.confidence)) {
      refuse(STORE_ERROR_MESSAGES.confidenceRange(candidate.confidence));
    }
  }
}

/**
 * The page sizes a miss report asks for, checked.
 * @throws StoreError `invalid-input`
 */
export function checkMissQuery(query: MissQuery): void {
  const { groups, questionsPerGroup } = query;
  if (!Number.isInteger(groups) || groups < 1 || groups > QUESTION_LOG_RULES.maxReportGroups) {
    refuse(STORE_ERROR_MESSAGES.missReportGroups(groups, QUESTION_LOG_RULES.maxReportGroups));
  }
  if (
    !Number.isInteger(questionsPerGroup) ||
    questionsPerGroup < 1 ||
    questionsPerGroup > QUESTION_LOG_RULES.maxReportQuestions
  ) {
    refuse(
      STORE_ERROR_MESSAGES.missReportQuestions(
        questionsPerGroup,
        QUESTION_LOG_RULES.maxReportQuestions,
      ),
    );
  }
}

/** Midnight UTC of the day `at` falls in. */
export const DAY_MS = 24 * 60 * 60 * 1000;
export const utcDay = (at: number): number => Math.floor(at / DAY_MS) * DAY_MS;
