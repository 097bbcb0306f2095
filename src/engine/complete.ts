import { analyze, isIntent } from './analyze.js';
import { heldWeights, isCanonical, type KnowledgeIndex } from './index.js';
import { normalizeText, tokenize } from './normalize.js';
import { kthLargest } from './order.js';
import type { ScoredFact, Scratch } from './score.js';

/** How many vocabulary words a partly typed last word may stand for. */
const MAX_EXPANSIONS = 8;

/** First position in the sorted `items` whose key is not below `prefix`. */
function lowerBound(count: number, keyAt: (i: number) => string, prefix: string): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyAt(mid) < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Facts with a phrasing that starts with exactly what was typed, canonical questions first. */
function phrasingsStartingWith(
  index: KnowledgeIndex,
  typed: string,
  inScope: (f: number) => boolean,
  limit: number,
): number[] {
  const out: number[] = [];
  const canonicalFirst: number[] = [];
  const others: number[] = [];
  const textAt = (i: number) => index.phrasingText[index.byText[i]!]!;
  const start = lowerBound(index.byText.length, textAt, typed);
  for (
    let i = start;
    i < index.byText.length && canonicalFirst.length + others.length < limit * 4;
    i++
  ) {
    if (!textAt(i).startsWith(typed)) break;
    const p = index.byText[i]!;
    (isCanonical(index, p) ? canonicalFirst : others).push(index.phrasingFact[p]!);
  }
  for (const f of [...canonicalFirst, ...others]) {
    if (!out.includes(f) && inScope(f)) out.push(f);
    if (out.length >= limit) break;
  }
  return out;
}

/** Term ids of the vocabulary words the unfinished last word could become, most common first. */
function expansionsOf(index: KnowledgeIndex, prefix: string): number[] {
  const ids = new Set<number>();
  const start = lowerBound(index.vocabulary.length, (i) => index.vocabulary[i]!, prefix);
  for (let i = start; i < index.vocabulary.length; i++) {
    const word = index.vocabulary[i]!;
    if (!word.startsWith(prefix)) break;
    for (const id of index.vocabularyTerms[i]!) ids.add(id);
  }
  if (ids.size === 0 && prefix.length >= 4) {
    const fixed = index.speller.correct(prefix);
    const id = fixed ? index.termIds.get(index.lexicon.stem(fixed)) : undefined;
    if (id !== undefined) ids.add(id);
  }
  return [...ids]
    .sort((a, b) => index.termWeight[a]! - index.termWeight[b]! || a - b)
    .slice(0, MAX_EXPANSIONS);
}

/**
 * Ranks fact questions for a partly typed question, for autocomplete: first the facts one of
 * whose phrasings starts with the text as typed, then facts matching the finished words (typos
 * corrected) and any word the unfinished last word could become.
 */
export function completeQuestion(
  index: KnowledgeIndex,
  scratch: Scratch,
  text: string,
  inScope: (f: number) => boolean,
  limit: number,
): ScoredFact[] {
  const typed = normalizeText(text);
  const results: ScoredFact[] = phrasingsStartingWith(index, typed, inScope, limit).map(
    (factIndex, rank) => ({ factIndex, score: 1 - rank / 1000 }),
  );
  if (results.length >= limit) return results;

  const words = tokenize(typed);
  const finished = /\s$/.test(text) ? words : words.slice(0, -1);
  const partial = /\s$/.test(text) ? undefined : words.at(-1);
  const analysis = analyze(finished.join(' '), index.lexicon, index.synonyms, index.speller);
  // Intents ("why", "who") sit in thousands of phrasings and say little about which one is
  // being typed; the phrasing-prefix tier already honours them.
  const terms = analysis.terms.flatMap((t) => {
    if (isIntent(t)) return [];
    const id = index.termIds.get(t);
    return id === undefined ? [] : [id];
  });
  // One typed letter could be thousands of words: wait for two.
  const expansions =
    partial !== undefined && partial.length >= 2 && !index.lexicon.isFunctionWord(partial)
      ? expansionsOf(index, partial)
      : [];
  // Weighed in each pack, as scoring weighs a question (see `termPacks` in the index): the
  // unfinished word by the weightiest word it could become there.
  const packCount = index.packs.length;
  const { factPack, phrasingFact } = index;
  const inPacks = (id: number) => {
    const weights = new Float64Array(packCount);
    heldWeights(index, id, weights);
    return weights;
  };
  const slotWeights = new Float64Array(packCount);
  for (const id of expansions) {
    inPacks(id).forEach((w, pack) => (slotWeights[pack] = Math.max(slotWeights[pack]!, w)));
  }
  const masses = Float64Array.from(slotWeights);
  const termWeights = terms.map((id) => {
    const weights = inPacks(id);
    weights.forEach((w, pack) => (masses[pack]! += w));
    return weights;
  });
  if (masses.every((mass) => mass === 0)) return results;
  const packOf = (p: number) => factPack[phrasingFact[p]!]!;

  const shared = scratch.phrasingShared;
  const touched: number[] = [];
  const touch = (p: number, weight: number) => {
    if (shared[p] === 0) touched.push(p);
    shared[p]! += weight;
  };
  const postings = index.phrasingPostings;
  terms.forEach((id, t) => {
    for (let k = postings.start[id]!; k < postings.start[id + 1]!; k++) {
      const p = postings.items[k]!;
      touch(p, termWeights[t]![packOf(p)]!);
    }
  });
  // A phrasing counts the unfinished word once, however many of its expansions it holds.
  const slotHit = scratch.phrasingMark;
  for (const id of expansions) {
    for (let k = postings.start[id]!; k < postings.start[id + 1]!; k++) {
      const p = postings.items[k]!;
      if (slotHit[p] === 1) continue;
      slotHit[p] = 1;
      touch(p, slotWeights[packOf(p)]!);
    }
  }

  // Each fact's best phrasing score, in scratch space left at zero again below.
  const best = scratch.factBest;
  const facts: number[] = [];
  for (const p of touched) {
    const phrasingMass = index.phrasingMass[p]!;
    const factIndex = index.phrasingFact[p]!;
    const mass = masses[packOf(p)]!;
    const recall = mass > 0 ? shared[p]! / mass : 0;
    shared[p] = 0;
    slotHit[p] = 0;
    const precision = phrasingMass > 0 ? Math.min(1, (recall * mass) / phrasingMass) : 0;
    const score = 0.8 * recall + 0.2 * precision + (isCanonical(index, p) ? 0.001 : 0);
    if (score > best[factIndex]!) {
      if (best[factIndex] === 0) facts.push(factIndex);
      best[factIndex] = score;
    }
  }
  const seen = new Set(results.map((r) => r.factIndex));
  const eligible: number[] = [];
  const scores: number[] = [];
  for (const f of facts) {
    const score = Math.min(0.99, best[f]!);
    best[f] = 0;
    if (seen.has(f) || !inScope(f)) continue;
    eligible.push(f);
    scores.push(score);
  }
  // Only the best few can make the list: those scoring at least the best few's last.
  const least = kthLargest(scores, limit - results.length);
  const ranked: ScoredFact[] = [];
  eligible.forEach((factIndex, k) => {
    if (scores[k]! >= least) ranked.push({ factIndex, score: scores[k]! });
  });
  ranked.sort((a, b) => b.score - a.score || a.factIndex - b.factIndex);
  return [...results, ...ranked].slice(0, limit);
}
