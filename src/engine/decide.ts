import { RANKING } from './config.js';
import type { QuestionShape, ScoredFact } from './score.js';

/**
 * The signals the decision weighs, of the best fact and the question as a whole. Each is a
 * number; `decisionFeatures` computes them and the fitted model (`calibration.json`, written by
 * `npm run calibrate`) says how much each counts.
 */
export const DECISION_FEATURES = [
  'score',
  'margin',
  'ratio',
  'phrasing',
  'coverage',
  'explained',
  'intentsMissed',
  'tellingMissed',
  'complete',
  'contentTerms',
  'tellingWords',
  'guessedShare',
] as const;
export type DecisionFeature = (typeof DECISION_FEATURES)[number];

/**
 * A fitted logistic model of "the best fact answers the question": standardised features,
 * weights and a bias, and the probabilities at which to answer and to ask "did you mean".
 */
export interface DecisionModel {
  /** The features the model weighs, in order; any of {@link DECISION_FEATURES}. */
  readonly features: readonly DecisionFeature[];
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  readonly weights: readonly number[];
  readonly bias: number;
  /** Answer when the probability is at least this: chosen for a target wrong-answer rate. */
  readonly answerAt: number;
  /** Below `answerAt`, offer "did you mean" when it is at least this. */
  readonly askAt: number;
  /**
   * A best score below this was never answered nor asked about in the data fitted: such a
   * question is declined without the character-level tie-break.
   */
  readonly floor: number;
}

/** Caps that keep a count from dominating a linear model: past them, more says no more. */
const CAPS = Object.freeze({
  intentsMissed: 2,
  tellingMissed: 3,
  contentTerms: 12,
  tellingWords: 4,
});

/** The decision features of a best fact, its runner-up and the question. */
export function decisionFeatures(
  best: ScoredFact,
  runnerUp: ScoredFact | undefined,
  shape: QuestionShape,
): Record<DecisionFeature, number> {
  const evidence = best.evidence;
  return {
    score: best.score,
    margin: best.score - (runnerUp?.score ?? 0),
    // How far ahead in proportion: a weak best three times its runner-up stands out.
    ratio: best.score > 0 ? (runnerUp?.score ?? 0) / best.score : 1,
    phrasing: evidence?.phrasing ?? 0,
    coverage: evidence?.coverage ?? 0,
    explained: evidence?.explained ?? 0,
    intentsMissed: Math.min(CAPS.intentsMissed, evidence?.intentsMissed ?? 0),
    tellingMissed: Math.min(CAPS.tellingMissed, evidence?.tellingMissed ?? 0),
    complete: best.complete === true ? 1 : 0,
    contentTerms: Math.log1p(Math.min(CAPS.contentTerms, shape.contentTerms)),
    tellingWords: Math.min(CAPS.tellingWords, shape.tellingWords),
    guessedShare: shape.guessedShare,
  };
}

/** The model's probability that the best fact answers the question. */
export function answerProbability(
  model: DecisionModel,
  features: Readonly<Record<DecisionFeature, number>>,
): number {
  let z = model.bias;
  model.features.forEach((name, i) => {
    z += (model.weights[i]! * (features[name] - model.mean[i]!)) / model.scale[i]!;
  });
  return 1 / (1 + Math.exp(-z));
}

export type Verdict =
  | {
      readonly kind: 'answered';
      readonly best: ScoredFact;
      readonly probability: number;
      readonly viaContext: boolean;
    }
  | {
      readonly kind: 'ambiguous';
      readonly probability: number;
      readonly candidates: readonly ScoredFact[];
    }
  | {
      readonly kind: 'no-match';
      readonly probability: number;
      readonly nearMisses: readonly ScoredFact[];
    };

/**
 * Decides from scored facts (best first). Answer when the model is sure enough that the best
 * fact answers the question. When a few facts are close together, ask "did you mean" if the
 * model would be sure of them as a group, weighed against the first fact outside it: one of
 * them answers the question, but which cannot be told. Ask too when the model is less sure of
 * the best fact but not unsure; decline otherwise, with the near misses as suggestions.
 * `preferred` holds the facts the conversation points to (the previous answer's related facts):
 * when the question alone would be a "did you mean" and exactly one close candidate is
 * preferred, that one is answered.
 */
export function decide(
  scored: readonly ScoredFact[],
  shape: QuestionShape,
  preferred: ReadonlySet<number>,
  model: DecisionModel,
): Verdict {
  const { candidateSpread, maxCandidates, suggestion } = RANKING.decision;
  const best = scored[0];
  const nearMisses = () => scored.filter((s) => s.score >= suggestion).slice(0, maxCandidates);
  if (!best) return { kind: 'no-match', probability: 0, nearMisses: [] };
  const probability = answerProbability(model, decisionFeatures(best, scored[1], shape));
  // A fact that names another number than the question's ("in 1980" of a fact about 1972), or
  // the opposite of what it asks ("ended" when it asks "started"), speaks of something else,
  // however well its words match: it is never answered.
  const contradicted = best.evidence?.numberConflict === true || best.evidence?.opposed === true;
  // A question all of whose words were read as guesses ("slides" as the pack's "side", "page"
  // as its "article" by meaning) says nothing the packs say: it is declined with the near
  // misses, however far ahead one fact is on the guesses.
  const guessedOnly = shape.guessedShare >= 1;
  if (probability >= model.answerAt && !contradicted && !guessedOnly) {
    return { kind: 'answered', best, probability, viaContext: false };
  }
  if (contradicted || guessedOnly) {
    return { kind: 'no-match', probability, nearMisses: nearMisses() };
  }
  // The scores are sorted, so the close facts are the first few.
  let group = 1;
  while (group < scored.length && best.score - scored[group]!.score <= candidateSpread) group++;
  const close = scored.slice(0, group);
  const groupProbability =
    group > 1 ? answerProbability(model, decisionFeatures(best, scored[group], shape)) : 0;
  if (groupProbability < model.answerAt && probability < model.askAt) {
    return { kind: 'no-match', probability, nearMisses: nearMisses() };
  }
  const inContext = close.filter((s) => preferred.has(s.factIndex));
  if (inContext.length === 1) {
    return { kind: 'answered', best: inContext[0]!, probability, viaContext: true };
  }
  return { kind: 'ambiguous', probability, candidates: close.slice(0, maxCandidates) };
}
