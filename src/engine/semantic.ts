import type { Analysis } from './analyze.js';
import { isIntent } from './analyze.js';
import { RANKING } from './config.js';
import type { KnowledgeIndex } from './index.js';
import type { WordVectors } from './language.js';
import { mulberry32 } from './order.js';
import { finish, stepDue, type Steps } from './steps.js';

export type { WordVectors } from './language.js';

/**
 * The least cosine at which a question word is read as a pack word, and the least specificity
 * of a word on either side: everyday words ("people", "later", "good") sit close to many others
 * in any word-vector space without meaning the same thing, so only the rarer words, which carry
 * a topic, are read as one another.
 */
const { similar: SIMILAR, specificity: SEMANTIC_SPECIFICITY } = RANKING.meaning;
/** Above this many pack words, candidates are first narrowed by their hash signatures. */
const BRUTE_FORCE_LIMIT = 1_500;
/** How many pack words, closest by signature, get an exact comparison. */
const SHORTLIST = 40;
/** Signature length in 32-bit words (64 random hyperplanes). */
const SIGNATURE_WORDS = 2;
const CACHE_LIMIT = 20_000;

/** A pack word standing in for a question word the packs never use. */
export interface Neighbour {
  readonly word: string;
  /** The pack's term (stem) for that word. */
  readonly term: string;
  readonly similarity: number;
}

export interface SemanticIndex {
  /** The closest pack word to `word` at or above {@link SIMILAR}, if any. */
  nearest(word: string): Neighbour | undefined;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * Builds the look-up from question words to pack words over the index's vocabulary. Pack words
 * without a vector (names, numbers, rare words) take no part: a name only ever matches itself.
 * For large vocabularies a random-hyperplane signature (SimHash) shortlists the pack words that
 * point the same way before the exact cosine is taken.
 */
export function buildSemanticIndex(index: KnowledgeIndex, vectors: WordVectors): SemanticIndex {
  return finish(semanticIndexSteps(index, vectors));
}

/** {@link buildSemanticIndex} in steps, between slices of words and of signatures. */
export function* semanticIndexSteps(
  index: KnowledgeIndex,
  vectors: WordVectors,
): Steps<SemanticIndex> {
  const { dimensions, scale, rows, data } = vectors;
  const termById: string[] = [];
  for (const [term, id] of index.termIds) termById[id] = term;

  const targetWords: string[] = [];
  const targetTerms: string[] = [];
  const targetRows: number[] = [];
  for (const [v, word] of index.vocabulary.entries()) {
    if (stepDue(v)) yield;
    const row = rows.get(word);
    const ids = index.vocabularyTerms[v]!;
    // A word the synonyms rewrite to a phrase is left to them.
    if (
      row === undefined ||
      ids.length !== 1 ||
      index.lexicon.specificity(word) < SEMANTIC_SPECIFICITY
    )
      continue;
    targetWords.push(word);
    targetTerms.push(termById[ids[0]!]!);
    targetRows.push(row);
  }

  const count = targetRows.length;
  const planes = new Float32Array(SIGNATURE_WORDS * 32 * dimensions);
  const random = mulberry32(0x5eed); // the same hyperplanes at every build
  for (let i = 0; i < planes.length; i++) planes[i] = random() * 2 - 1;
  const signatureOf = (row: number, out: Int32Array, at: number) => {
    const offset = row * dimensions;
    for (let w = 0; w < SIGNATURE_WORDS; w++) {
      let bits = 0;
      for (let b = 0; b < 32; b++) {
        const plane = (w * 32 + b) * dimensions;
        let dot = 0;
        for (let d = 0; d < dimensions; d++) dot += planes[plane + d]! * data[offset + d]!;
        if (dot > 0) bits |= 1 << b;
      }
      out[at + w] = bits;
    }
  };
  const signatures = new Int32Array(count * SIGNATURE_WORDS);
  if (count > BRUTE_FORCE_LIMIT) {
    for (let t = 0; t < count; t++) {
      signatureOf(targetRows[t]!, signatures, t * SIGNATURE_WORDS);
      if (stepDue(t)) yield;
    }
  }

  const cosine = (a: number, b: number): number => {
    const x = a * dimensions;
    const y = b * dimensions;
    let dot = 0;
    for (let d = 0; d < dimensions; d++) dot += data[x + d]! * data[y + d]!;
    return dot / (scale * scale);
  };

  const shortlist = (row: number): number[] => {
    if (count <= BRUTE_FORCE_LIMIT) return Array.from({ length: count }, (_, t) => t);
    const mine = new Int32Array(SIGNATURE_WORDS);
    signatureOf(row, mine, 0);
    const distance = new Uint8Array(count);
    const histogram = new Int32Array(SIGNATURE_WORDS * 32 + 1);
    for (let t = 0; t < count; t++) {
      let bits = 0;
      for (let w = 0; w < SIGNATURE_WORDS; w++) {
        bits += popcount(signatures[t * SIGNATURE_WORDS + w]! ^ mine[w]!);
      }
      distance[t] = bits;
      histogram[bits]! += 1;
    }
    let cut = 0;
    for (let seen = 0; cut < histogram.length && seen < SHORTLIST; cut++) seen += histogram[cut]!;
    const out: number[] = [];
    for (let t = 0; t < count; t++) if (distance[t]! < cut) out.push(t);
    return out;
  };

  const cache = new Map<string, Neighbour | null>();
  return {
    nearest(word) {
      const cached = cache.get(word);
      if (cached !== undefined) return cached ?? undefined;
      const row =
        index.lexicon.specificity(word) < SEMANTIC_SPECIFICITY ? undefined : rows.get(word);
      let best: Neighbour | undefined;
      if (row !== undefined) {
        let bestTarget = -1;
        let bestSimilarity: number = SIMILAR;
        for (const t of shortlist(row)) {
          const similarity = cosine(row, targetRows[t]!);
          if (similarity >= bestSimilarity) {
            bestSimilarity = similarity;
            bestTarget = t;
          }
        }
        if (bestTarget >= 0) {
          best = {
            word: targetWords[bestTarget]!,
            term: targetTerms[bestTarget]!,
            similarity: bestSimilarity,
          };
        }
      }
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(word, best ?? null);
      return best;
    },
  };
}

/**
 * Reads each question word no pack uses as the closest pack word of the same meaning, when
 * there is one: "how far did commerce rise" meets the fact about trade. Such a term counts for
 * its similarity, not in full, and as a guess (see `similarity` and `guessed` in {@link Analysis}).
 */
export function approximate(
  analysis: Analysis,
  index: KnowledgeIndex,
  semantic: SemanticIndex,
): Analysis {
  let changed = false;
  const terms: string[] = [];
  const termWords: string[] = [];
  const similarity = new Map<string, number>();
  const guessed = new Set<string>(analysis.guessed);
  const optional = new Set<string>(analysis.optional);
  analysis.terms.forEach((term, i) => {
    const word = analysis.termWords[i]!;
    const near = isIntent(term) || index.termIds.has(term) ? undefined : semantic.nearest(word);
    // Words for the two ends of an event sit close in meaning ("caused", "result"): a word is
    // never read as its opposite.
    const neighbour = near && index.opposites.get(term) !== near.term ? near : undefined;
    if (!neighbour) {
      terms.push(term);
      termWords.push(word);
      return;
    }
    changed = true;
    // "members of the soviet leadership": a word that only repeats another says nothing more.
    if (analysis.terms.includes(neighbour.term) || terms.includes(neighbour.term)) return;
    terms.push(neighbour.term);
    termWords.push(word);
    similarity.set(neighbour.term, neighbour.similarity);
    guessed.add(neighbour.term);
    // A word before the question stays optional when read as its neighbour.
    if (optional.delete(term)) optional.add(neighbour.term);
  });
  return changed
    ? {
        ...analysis,
        terms,
        termWords,
        similarity,
        guessed,
        ...(optional.size > 0 ? { optional } : {}),
      }
    : analysis;
}
