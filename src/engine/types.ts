import type { Fact, Pack } from '../knowledge/schema.js';
import type { DecisionFeature } from './decide.js';
import type { RemarkKind } from './language.js';
import type { Evidence, QuestionShape } from './score.js';
import type { Steps } from './steps.js';

/** A fact together with the pack that holds it. */
export interface PackedFact {
  readonly fact: Fact;
  readonly pack: Pack;
}

/** A pointer to a fact, enough to offer it as a button or a numbered choice. */
export interface FactRef {
  readonly factId: string;
  readonly question: string;
}

/** A fact the engine considered, with its confidence from 0 to 1. */
export interface Candidate extends FactRef {
  readonly confidence: number;
}

/** Limits a question to part of the loaded knowledge. */
export interface Scope {
  /** Only facts of this pack. */
  readonly packId?: string | undefined;
  /** Only facts carrying at least one of these tags. */
  readonly tags?: readonly string[] | undefined;
}

export interface AskOptions extends Scope {
  /**
   * The fact the asker was last answered with. When the question alone is ambiguous, that fact's
   * related facts are preferred, so "and who did he meet?" follows on from the previous answer.
   */
  readonly previousFactId?: string | undefined;
}

/** Why a question could not even be looked up. */
/**
 * Why a message was not judged as a question: it was empty, had no words, named nothing to look
 * up ("who are you", "5"), was thanks or a greeting that asked nothing the packs hold, or asked for
 * help with Almanac itself ("how does this work").
 */
export type RejectReason = 'empty' | 'no-words' | 'no-subject' | RemarkKind;

export type MatchResult =
  | {
      readonly status: 'answered';
      readonly fact: Fact;
      readonly pack: Pack;
      readonly confidence: number;
      /** Related facts to offer next, in the pack's order. */
      readonly followUps: readonly FactRef[];
      /** The runners-up, for "not what I asked". */
      readonly alternatives: readonly Candidate[];
      /** True when the previous answer's context decided between close candidates. */
      readonly viaContext: boolean;
    }
  | {
      readonly status: 'ambiguous';
      readonly confidence: number;
      /** The close candidates, best first (two or three). */
      readonly candidates: readonly Candidate[];
    }
  | {
      readonly status: 'no-match';
      readonly confidence: number;
      /**
       * Facts worth suggesting instead: near misses, with the probability that each answers the
       * question, when there are any; else the packs' key questions, at confidence 0.
       */
      readonly suggestions: readonly Candidate[];
      readonly rejected?: RejectReason | undefined;
    };

/** The engine's whole verdict on one question. */
export type AskResult = MatchResult & {
  /** The question as it was judged (cut to its first {@link MAX_QUESTION_LENGTH} characters). */
  readonly question: string;
  /** True when the question was longer than the engine judges and was cut. */
  readonly truncated: boolean;
};

/** How a question was read and scored: for tools that study the engine, not for users. */
export interface Inspection {
  /** The question's terms: intents (`_when`…), then stems. */
  readonly terms: readonly string[];
  readonly shape: QuestionShape;
  /** Facts with a phrasing that reads exactly as the question. */
  readonly exact: readonly string[];
  /** The best facts after the tie-break, best first, with what their scores were made of. */
  readonly ranked: readonly {
    readonly factId: string;
    readonly score: number;
    readonly complete: boolean;
    readonly evidence?: Evidence;
  }[];
  /** The decision features of the best fact, when there is one. */
  readonly features?: Readonly<Record<DecisionFeature, number>>;
  /** The fitted probability that the best fact answers the question. */
  readonly probability?: number;
  /** The work the question cost: postings scoring visited, strings the speller looked at. */
  readonly work: { readonly postings: number; readonly spelling: number };
}

export interface Engine {
  /**
   * Makes now what answering would otherwise make at the first question that needs it: the
   * typo corrector's tables. For a shell with time to spare before questions arrive (and for a
   * benchmark that times a build ready for any question); answers are the same either way.
   */
  prepare(): void;
  /**
   * Makes in steps (see `steps.ts`) everything questions would otherwise make when first
   * needed: the corrector's tables, the words by sound, the shortenings, and the look-up by
   * meaning (reading the word vectors). For a shell that keeps serving meanwhile and wants no
   * question after to pay for them; answers are the same either way.
   */
  readySteps(): Steps<void>;
  /** How a question is read and scored (see {@link Inspection}). */
  inspect(question: string, options?: Scope): Inspection;
  /** Every loaded pack, in load order. */
  readonly packs: readonly Pack[];
  /** How many facts are loaded in all. */
  readonly size: number;
  /** Answers, asks "did you mean", or declines. Never throws, whatever the input. */
  ask(question: string, options?: AskOptions): AskResult;
  /**
   * The answer for a fact picked by id (an autocomplete choice, a follow-up, a "did you mean"
   * button): answered with full confidence, with its follow-ups. Undefined for an unknown id.
   */
  answerFact(factId: string, scope?: Scope): AskResult | undefined;
  /** The facts fuzzy matching ranks highest for a question, best first, at most `limit` (10). */
  rank(question: string, options?: Scope & { readonly limit?: number }): Candidate[];
  /** Fact questions for a partly typed question, best first, at most `limit` (default 25). */
  autocomplete(partial: string, options?: Scope & { readonly limit?: number }): Candidate[];
  /** A fact by id. */
  fact(factId: string): PackedFact | undefined;
  /** Every fact in scope, in pack order. */
  facts(scope?: Scope): PackedFact[];
  /** One fact in scope picked with the given random source (a function returning [0, 1)). */
  randomFact(random: () => number, scope?: Scope): PackedFact | undefined;
  /** The tags in use, with how many facts carry each. */
  tags(): ReadonlyMap<string, number>;
}
