import { GAME_MODES, type GameMode } from '../store/types.js';

/** Multiple choice unless asked otherwise: buttons are the most requested trivia feature. */
const DEFAULT_MODE: GameMode = 'choice';

/**
 * Every number that shapes a trivia game, in one place: option limits and defaults, scoring,
 * attempts. Renderers read them too (the rules message quotes the scoring), so a change here is
 * a change of the game everyone plays.
 */
export const TRIVIA_RULES = Object.freeze({
  /** Questions per game: the default, and the range a game may ask for. */
  questions: Object.freeze({ default: 10, min: 1, max: 50 }),
  /** Seconds each question stays open: the default, and the allowed range. */
  seconds: Object.freeze({ default: 20, min: 5, max: 120 }),
  /** The mode of a game that names none. */
  defaultMode: DEFAULT_MODE,
  /** Options of a multiple-choice question: the right answer and three distractors. */
  choiceOptions: 4,
  /** Points for any correct answer. */
  pointsForCorrect: 1,
  /**
   * The most a speed bonus adds: `round(maxSpeedBonus × time left / time allowed)`. With 1, a
   * correct answer with at least half the time left scores 2, a later one 1. Points stay whole
   * numbers, as the store requires.
   */
  maxSpeedBonus: 1,
  /**
   * Tries per player per open question. More than one forgives a typo the checker cannot
   * (and lets a "close" hint be acted on); a cap stops anyone typing every year from 1960 to
   * 1980 until one scores.
   */
  openAttempts: 3,
} as const);

/** The options of a game, as `resolveGameOptions` returns them: complete and in range. */
export interface GameOptions {
  readonly mode: GameMode;
  /** How many questions to ask, `TRIVIA_RULES.questions.min` to `.max`. */
  readonly questions: number;
  /** How long each question stays open, `TRIVIA_RULES.seconds.min` to `.max`. */
  readonly seconds: number;
}

/** Options as a user gives them: anything left out takes its default. */
export interface GameOptionsInput {
  readonly mode?: string | undefined;
  readonly questions?: number | undefined;
  readonly seconds?: number | undefined;
}

/** The codes of every trivia failure a user can cause. Stable strings: renderers key on them. */
export const TRIVIA_ERROR_CODES = [
  'unknown-mode',
  'questions-out-of-range',
  'seconds-out-of-range',
  'no-questions',
  'too-few-questions',
] as const;

export type TriviaErrorCode = (typeof TRIVIA_ERROR_CODES)[number];

/** An option a game cannot be played with. */
export type GameOptionError =
  | { readonly code: 'unknown-mode'; readonly given: string; readonly modes: readonly GameMode[] }
  | {
      readonly code: 'questions-out-of-range' | 'seconds-out-of-range';
      readonly given: number;
      readonly min: number;
      readonly max: number;
    };

/**
 * Why `deal` could not deal the game asked for:
 * - `no-questions`: nothing in the candidate facts can be asked in this mode;
 * - `too-few-questions`: only `available` distinct questions, fewer than `requested`; the
 *   shell may offer "this topic has N questions; play those?" and deal again asking for
 *   `available` (the same seed deals the same questions).
 */
export type DealError =
  | { readonly code: 'no-questions' }
  | { readonly code: 'too-few-questions'; readonly requested: number; readonly available: number };

/** Any trivia failure a user can cause. */
export type TriviaError = GameOptionError | DealError;

function inRange(
  code: 'questions-out-of-range' | 'seconds-out-of-range',
  given: number,
  range: { readonly min: number; readonly max: number },
): GameOptionError | undefined {
  return Number.isInteger(given) && given >= range.min && given <= range.max
    ? undefined
    : { code, given, min: range.min, max: range.max };
}

/**
 * Completes and checks a game's options: defaults for what is left out (`choice`, 10 questions,
 * 20 seconds), every problem at once otherwise. Counts must be whole numbers within range.
 */
export function resolveGameOptions(
  input: GameOptionsInput,
): { ok: true; options: GameOptions } | { ok: false; errors: GameOptionError[] } {
  const mode = input.mode ?? TRIVIA_RULES.defaultMode;
  const questions = input.questions ?? TRIVIA_RULES.questions.default;
  const seconds = input.seconds ?? TRIVIA_RULES.seconds.default;
  const errors: GameOptionError[] = [];
  const known = GAME_MODES.find((m) => m === mode);
  if (known === undefined) errors.push({ code: 'unknown-mode', given: mode, modes: GAME_MODES });
  const badQuestions = inRange('questions-out-of-range', questions, TRIVIA_RULES.questions);
  if (badQuestions) errors.push(badQuestions);
  const badSeconds = inRange('seconds-out-of-range', seconds, TRIVIA_RULES.seconds);
  if (badSeconds) errors.push(badSeconds);
  if (known === undefined || errors.length > 0) return { ok: false, errors };
  return { ok: true, options: { mode: known, questions, seconds } };
}
