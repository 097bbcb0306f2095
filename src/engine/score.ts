import Fuse from 'fuse.js';
import { isIntent, type Analysis } from './analyze.js';
import type { KnowledgeIndex } from './index.js';
import { weightFor } from './index.js';

/**
 * How the final score mixes its signals. The phrasing score asks "is this one of the ways the
 * fact's question is put?"; coverage asks "does the fact speak of every topic the question
 * names?"; Fuse's character-level similarity separates close candidates that share their words.
 */
export const SCORE_WEIGHTS = Object.freeze({
  phrasing: 0.6,
  coverage: 0.3,
  fuse: 0.1,
  /** F-beta over question coverage and phrasing coverage: question coverage counts this much more. */
  beta: 1.6,
  /**
   * How hard a question word the fact does not explain at all pulls its score down, counted in
   * words rather than weight: in a short question every word matters ("when did brezhnev die").
   */
  unexplained: 1,
  /**
   * The factor for each thing the question asks for (a time, a place, a person…) that none of
   * the fact's phrasings asks for: "when did he visit china" is not answered by why ties with
   * China suffered.
   */
  intentMiss: 0.8,
});

/** How many of the best candidates Fuse re-ranks. */
export const RERANK_DEPTH = 8;

export interface ScoredFact {
  readonly factIndex: number;
  readonly score: number;
  /** True when the fact explains every content word of the question (absent: not known). */
  readonly complete?: boolean;
}

interface QueryTerm {
  readonly id: number;
  readonly weight: number;
  readonly intent: boolean;
}

/** Weighs the question's terms; a word no pack knows weighs as much as the rarest known one. */
function queryTerms(
  index: KnowledgeIndex,
  analysis: Analysis,
): { terms: QueryTerm[]; mass: number } {
  const terms: QueryTerm[] = [];
  let mass = 0;
  analysis.terms.forEach((term, i) => {
    const id = index.termIds.get(term);
    const weight =
      id !== undefined
        ? index.termWeight[id]!
        : weightFor(analysis.termWords[i]!, index.unknownWeight);
    terms.push({ id: id ?? -1, weight, intent: isIntent(term) });
    mass += weight;
  });
  return { terms, mass };
}

/** Reusable scratch arrays, sized to the index, so scoring allocates little per question. */
export interface Scratch {
  readonly factHits: Int32Array;
  readonly factIntentHits: Int32Array;
  readonly phrasingShared: Float64Array;
  readonly factShared: Float64Array;
  readonly factBest: Float64Array;
}

export function createScratch(index: KnowledgeIndex): Scratch {
  return {
    factHits: new Int32Array(index.facts.length),
    factIntentHits: new Int32Array(index.facts.length),
    phrasingShared: new Float64Array(index.phrasings.length),
    factShared: new Float64Array(index.facts.length),
    factBest: new Float64Array(index.facts.length),
  };
}

/**
 * Scores every fact that shares a term with the question, best first (ties by load order), for
 * the facts `inScope` accepts. Only postings of the question's terms are visited.
 */
export function scoreFacts(
  index: KnowledgeIndex,
  analysis: Analysis,
  scratch: Scratch,
  inScope: (factIndex: number) => boolean,
): ScoredFact[] {
  const { terms, mass } = queryTerms(index, analysis);
  if (mass === 0) return [];
  const touchedPhrasings: number[] = [];
  const touchedFacts: number[] = [];
  const { phrasingShared, factShared, factBest, factHits, factIntentHits } = scratch;
  let contentTerms = 0;
  let intents = 0;

  for (const term of terms) {
    if (term.intent) intents += 1;
    else contentTerms += 1;
    if (term.id < 0) continue;
    for (const p of index.phrasingPostings[term.id]!) {
      if (phrasingShared[p] === 0) touchedPhrasings.push(p);
      phrasingShared[p]! += term.weight;
    }
    const postings = index.factPostings[term.id]!;
    for (let i = 0; i < postings.length; i += 2) {
      const f = postings[i]!;
      if (factShared[f] === 0 && factHits[f] === 0 && factIntentHits[f] === 0) touchedFacts.push(f);
      factShared[f]! += (term.weight * postings[i + 1]!) / 1000;
      if (term.intent) factIntentHits[f]! += 1;
      else factHits[f]! += 1;
    }
  }

  const beta2 = SCORE_WEIGHTS.beta * SCORE_WEIGHTS.beta;
  for (const p of touchedPhrasings) {
    const shared = phrasingShared[p]!;
    phrasingShared[p] = 0;
    const phrasing = index.phrasings[p]!;
    const recall = shared / mass;
    const precision = phrasing.mass > 0 ? shared / phrasing.mass : 0;
    const f = (1 + beta2) * ((recall * precision) / (beta2 * precision + recall));
    if (f > factBest[phrasing.factIndex]!) factBest[phrasing.factIndex] = f;
  }

  const scored: ScoredFact[] = [];
  const base = SCORE_WEIGHTS.phrasing + SCORE_WEIGHTS.coverage;
  for (const f of touchedFacts) {
    const coverage = Math.min(1, factShared[f]! / mass);
    const best = factBest[f]!;
    const explained = contentTerms === 0 ? 1 : factHits[f]! / contentTerms;
    const intentFactor = SCORE_WEIGHTS.intentMiss ** (intents - factIntentHits[f]!);
    factShared[f] = 0;
    factBest[f] = 0;
    factHits[f] = 0;
    factIntentHits[f] = 0;
    if (!inScope(f)) continue;
    const score =
      ((SCORE_WEIGHTS.phrasing * best + SCORE_WEIGHTS.coverage * coverage) / base) *
      explained ** SCORE_WEIGHTS.unexplained *
      intentFactor;
    if (score > 0) scored.push({ factIndex: f, score, complete: explained >= 1 });
  }
  scored.sort((a, b) => b.score - a.score || a.factIndex - b.factIndex);
  return scored;
}

const FUSE_OPTIONS = Object.freeze({
  keys: ['text'],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.6,
  shouldSort: false,
});

/**
 * Re-ranks the leading candidates with Fuse's character-level similarity between the question
 * and each candidate's phrasings, which tells apart candidates whose words tie (and catches
 * typos the word-level corrector missed). The rest keep their order below.
 */
export function rerank(
  index: KnowledgeIndex,
  text: string,
  scored: readonly ScoredFact[],
): ScoredFact[] {
  if (scored.length === 0 || text.length === 0) return [...scored];
  const head = scored.slice(0, RERANK_DEPTH);
  const docs = head.flatMap(({ factIndex }) =>
    index.facts[factIndex]!.phrasings.map((p) => ({ factIndex, text: index.phrasings[p]!.text })),
  );
  const similarity = new Map<number, number>();
  const fuse = new Fuse(docs, FUSE_OPTIONS);
  for (const hit of fuse.search(text)) {
    const value = 1 - (hit.score ?? 1);
    if (value > (similarity.get(hit.item.factIndex) ?? 0))
      similarity.set(hit.item.factIndex, value);
  }
  const keep = 1 - SCORE_WEIGHTS.fuse;
  const reranked = head.map((s) => ({
    ...s,
    score: keep * s.score + SCORE_WEIGHTS.fuse * (similarity.get(s.factIndex) ?? 0),
  }));
  reranked.sort((a, b) => b.score - a.score || a.factIndex - b.factIndex);
  const tail = scored.slice(RERANK_DEPTH).map((s) => ({ ...s, score: keep * s.score }));
  return [...reranked, ...tail];
}
