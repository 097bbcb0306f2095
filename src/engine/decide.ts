import type { ScoredFact } from './score.js';

/**
 * The thresholds that turn scores into a verdict. Answer only when the best fact is both good
 * enough and clearly ahead of the next (RoboDanny's "exact or far ahead" rule, softened into a
 * margin); offer "did you mean" when a few are close; otherwise decline.
 */
export const DECISION = Object.freeze({
  /** The least score an answer needs. */
  answer: 0.5,
  /** How far ahead of the runner-up an answer must be. */
  margin: 0.06,
  /** The least score a "did you mean" candidate needs. */
  candidate: 0.45,
  /** Candidates further than this below the best are not offered. */
  spread: 0.15,
  /** How many candidates "did you mean" offers. */
  maxCandidates: 3,
  /** The least score for a near miss to be suggested after a decline. */
  suggestion: 0.25,
});

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
  if (!best || best.score < DECISION.candidate) {
    return {
      kind: 'no-match',
      nearMisses: scored.filter((s) => s.score >= DECISION.suggestion).slice(0, 3),
    };
  }
  const runnerUp = scored[1]?.score ?? 0;
  if (best.score >= DECISION.answer && best.score - runnerUp >= DECISION.margin) {
    return { kind: 'answered', best, viaContext: false };
  }
  const close = scored
    .filter((s) => s.score >= DECISION.candidate && best.score - s.score <= DECISION.spread)
    .slice(0, DECISION.maxCandidates);
  if (preferred.size > 0) {
    const inContext = scored.filter(
      (s) => preferred.has(s.factIndex) && s.score >= DECISION.candidate && best.score - s.score <= DECISION.spread,
    );
    if (inContext.length === 1) return { kind: 'answered', best: inContext[0]!, viaContext: true };
  }
  return { kind: 'ambiguous', candidates: close };
}
