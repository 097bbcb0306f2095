import type { ScoredFact } from './score.js';

/**
 * The thresholds that turn scores into a verdict. Answer only when the best fact is both good
 * enough and clearly ahead of the next (RoboDanny's "exact or far ahead" rule, softened into a
 * margin); offer "did you mean" when a few are close; otherwise decline.
 */
export const DECISION = Object.freeze({
  /** The least score an answer needs. */
  answer: 0.555,
  /** How far ahead of the runner-up an answer must be. */
  margin: 0.06,
  /**
   * A weaker best fact is still answered when it is this many times the runner-up's score:
   * a question put in words the pack does not use scores low, but nothing else comes close.
   */
  dominance: 3,
  /** The least score the dominance rule applies to. */
  dominant: 0.333,
  /** The least score a "did you mean" candidate needs. */
  candidate: 0.5,
  /** Candidates further than this below the best are not offered. */
  spread: 0.15,
  /** How many candidates "did you mean" offers. */
  maxCandidates: 3,
  /** The least score for a near miss to be suggested after a decline. */
  suggestion: 0.25,
});

/**
 * A best score below this can only be declined: it is neither a "did you mean" candidate nor
 * far enough ahead to be answered (see {@link decide}).
 */
export const DECLINE_BELOW = Math.min(DECISION.candidate, DECISION.dominant);

export type Verdict =
  | { readonly kind: 'answered'; readonly best: ScoredFact; readonly viaContext: boolean }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly ScoredFact[] }
  | { readonly kind: 'no-match'; readonly nearMisses: readonly ScoredFact[] };

/**
 * Decides from scored facts (best first). `preferred` holds the facts the conversation points
 * to (the previous answer's related facts): when the question alone is ambiguous and exactly one
 * close candidate is preferred, that one is answered.
 */
export function decide(scored: readonly ScoredFact[], preferred: ReadonlySet<number>): Verdict {
  const best = scored[0];
  const runnerUp = scored[1]?.score ?? 0;
  // Far ahead of a weak field counts only when the fact explains every word of the question:
  // "when was the treaty signed" is far ahead too, yet nothing in the pack says when.
  const dominantBest =
    best !== undefined &&
    best.complete === true &&
    best.score >= DECISION.dominant &&
    best.score >= DECISION.dominance * runnerUp;
  if (!best || (best.score < DECISION.candidate && !dominantBest)) {
    return {
      kind: 'no-match',
      nearMisses: scored.filter((s) => s.score >= DECISION.suggestion).slice(0, 3),
    };
  }
  const clearlyAhead = best.score >= DECISION.answer && best.score - runnerUp >= DECISION.margin;
  if (clearlyAhead || dominantBest) return { kind: 'answered', best, viaContext: false };
  const close = scored.filter(
    (s) => s.score >= DECISION.candidate && best.score - s.score <= DECISION.spread,
  );
  const inContext = close.filter((s) => preferred.has(s.factIndex));
  if (inContext.length === 1) return { kind: 'answered', best: inContext[0]!, viaContext: true };
  return { kind: 'ambiguous', candidates: close.slice(0, DECISION.maxCandidates) };
}
