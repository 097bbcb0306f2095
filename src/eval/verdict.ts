import type { AskResult } from '../engine/types.js';
import type { Verdict } from './evaluate.js';

/** Reduces an engine result to what the evaluation scores. */
export function verdictOf(result: AskResult): Verdict {
  return {
    status: result.status,
    factId: result.status === 'answered' ? result.fact.id : null,
    candidates: result.status === 'ambiguous' ? result.candidates.map((c) => c.factId) : [],
  };
}
