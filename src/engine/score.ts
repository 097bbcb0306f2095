import Fuse from 'fuse.js';
import { isIntent, type Analysis, type ChooseCorrection } from './analyze.js';
import { RANKING } from './config.js';
import type { KnowledgeIndex } from './index.js';
import {
  codeInAnswer,
  codeWeight,
  listLength,
  promptsStart,
  weightFor,
  weightsByPack,
} from './index.js';
import { kthLargest } from './order.js';

/**
 * How the final score mixes its signals (see `RANKING.score`). The phrasing score asks "is this
 * one of the ways the fact's question is put?"; coverage asks "does the fact speak of every topic
 * the question names?"; a question word the fact does not explain at all pulls the score down,
 * counted in words rather than weight, since in a short question every word matters ("when did
 * brezhnev die"); each thing the question asks for (a time, a place, a person…) that none of the
 * fact's phrasings asks for multiplies it by `intentMiss`: "when did he visit china" is not
 * answered by why ties with China suffered. Fuse's character-level similarity then separates
 * close candidates that share their words (see {@link rerank}).
 */
const SCORE_WEIGHTS = RANKING.score;
/** How many of the best candidates Fuse re-ranks. */
export const RERANK_DEPTH = RANKING.tieBreak.depth;
/** The most Fuse's similarity can add to a tied fact's score. */
export const TIE_BREAK_WEIGHT = RANKING.tieBreak.weight;

export interface ScoredFact {
  readonly factIndex: number;
  readonly score: number;
  /**
   * True when all the fact leaves unexplained is everyday words: it holds every telling word of
   * the question (see {@link TELLING_WORD}) as written, not guessed (see `guessed` in
   * {@link Analysis}), and answers every intent (absent: not known).
   */
  readonly complete?: boolean;
  /** What the score was made of, for the decision (absent: not known). */
  readonly evidence?: Evidence;
}

/** The signals behind one fact's score, each from 0 to 1 but the counts. */
export interface Evidence {
  /** The F-measure of the fact's best phrasing against the question. */
  readonly phrasing: number;
  /** How much of the question's weight the fact's fields hold (answer words count less). */
  readonly coverage: number;
  /** The share of the question's content words the fact holds at all, each by how telling it is. */
  readonly explained: number;
  /** How many of the question's intents none of the fact's phrasings has. */
  readonly intentsMissed: number;
  /** How many telling words of the question (not intents) the fact does not surely hold. */
  readonly tellingMissed: number;
  /**
   * True when the question names a number the fact does not hold while the fact holds another
   * of as many digits: "how much did trade grow in 1980" of a fact about 1972.
   */
  readonly numberConflict: boolean;
  /**
   * True when the question asks one of a pair of opposites the fact's phrasings or keywords do
   * not hold, while they hold the other: "when did the terror start" of a fact about its end.
   */
  readonly opposed: boolean;
}

/** What a question brings to scoring, whatever the fact. */
export interface QuestionShape {
  /** Content terms that must be explained (optional ones left out). */
  readonly contentTerms: number;
  readonly intents: number;
  /** Telling words (not intents) among the content terms. */
  readonly tellingWords: number;
  /** The share of the question's weight that rests on guesses (see `guessed` in Analysis). */
  readonly guessedShare: number;
}

/** The shape of a question as scoring weighs it. */
export function questionShape(index: KnowledgeIndex, analysis: Analysis): QuestionShape {
  const { terms, mass } = queryTerms(index, analysis);
  return shapeOf(terms, mass, analysis);
}

function shapeOf(terms: readonly QueryTerm[], mass: number, analysis: Analysis): QuestionShape {
  let contentTerms = 0;
  let intents = 0;
  let tellingWords = 0;
  let guessed = 0;
  for (const [i, term] of terms.entries()) {
    if (term.intent) intents += 1;
    else if (!term.optional) contentTerms += 1;
    if (term.telling && !term.intent) tellingWords += 1;
    if (!term.optional && analysis.guessed?.has(analysis.terms[i]!)) guessed += term.weight;
  }
  return { contentTerms, intents, tellingWords, guessedShare: mass > 0 ? guessed / mass : 0 };
}

interface QueryTerm {
  readonly id: number;
  /** The term's weight over all the packs: for what the question is as a whole. */
  readonly weight: number;
  /** Its weight in each pack (see `termPacks` in the index): for that pack's facts. */
  readonly weights: Float64Array;
  readonly intent: boolean;
  /** An intent or a telling word: see {@link ScoredFact.complete}. */
  readonly telling: boolean;
  /**
   * 1 when a fact holding the term explains a telling word, 0 when the term is not telling or
   * only a guess at what the question meant (see `guessed` in {@link Analysis}).
   */
  readonly explains: number;
  /** Optional (see `optional` in {@link Analysis}): adds when held, costs nothing when not. */
  readonly optional: boolean;
  /** How much a fact that does not hold the term explains the question less (0: nothing). */
  readonly need: number;
  /** Said of something already known ("the crisis"): see `definite` in {@link Analysis}. */
  readonly definite: boolean;
}

/**
 * Weighs the question's terms, over all the packs and in each; a word no pack knows weighs as
 * much as the rarest known one. `masses` holds the question's weight in each pack.
 */
function queryTerms(
  index: KnowledgeIndex,
  analysis: Analysis,
): { terms: QueryTerm[]; mass: number; masses: Float64Array } {
  const terms: QueryTerm[] = [];
  let mass = 0;
  const masses = new Float64Array(index.packs.length);
  analysis.terms.forEach((term, i) => {
    const id = index.termIds.get(term);
    const similarity = analysis.similarity?.get(term) ?? 1;
    const weight =
      (id !== undefined
        ? index.termWeight[id]!
        : weightFor(index.lexicon, analysis.termWords[i]!, index.unknownWeight)) * similarity;
    const weights = new Float64Array(index.packs.length);
    weightsByPack(index, id ?? -1, analysis.termWords[i]!, weights);
    if (similarity !== 1) for (let k = 0; k < weights.length; k++) weights[k]! *= similarity;
    const intent = isIntent(term);
    // A name, a number, a rare word: a fact that leaves one unexplained does not answer the
    // question however far ahead it is ("how much did trade grow in 1975"); one that leaves out
    // only everyday words ("what was his title, the top guy") may.
    const telling =
      intent ||
      index.lexicon.specificity(analysis.termWords[i]!) >=
        (id === undefined ? RANKING.words.unknownTelling : RANKING.words.telling);
    const optional = analysis.optional?.has(term) === true;
    const explains = telling && !optional && analysis.guessed?.has(term) !== true ? 1 : 0;
    // Everyday light words ("go", "year", "happen") are asked around, not asked about: a fact
    // need not hold them. The others count by how telling they are, so an unheld "china" costs
    // more than an unheld "think".
    const word = analysis.termWords[i]!;
    const need = intent || optional ? 0 : index.lexicon.isLightWord(word) ? LIGHT_NEED : 1;
    terms.push({
      id: id ?? -1,
      weight,
      weights,
      intent,
      telling: telling && !optional,
      explains,
      optional,
      need,
      definite: analysis.definite?.has(term) === true,
    });
    if (!optional) {
      mass += weight;
      for (let k = 0; k < weights.length; k++) masses[k]! += weights[k]!;
    }
  });
  return { terms, mass, masses };
}

const NUMBER = /^\d+(?:\.\d+)?$/;

/** How many of the best facts carry their {@link Evidence}: the decision weighs the first few. */
const EVIDENCE_DEPTH = 8;

/** How much an unheld everyday light word counts against a fact, next to any other word. */
const LIGHT_NEED = 0.5;

/** The most title terms of a question counted as held by the facts of their pack: a bit each. */
const TITLE_TERMS = 8;

/**
 * Which of the question's `titled` terms (a bit each) name the pack's topic: two or more of
 * the title's words in the question in the title's order ("the cuban missile crisis", "apollo
 * 11"), the one word of a one-word title, or the head a title's part is called by on its own,
 * as something known ("the crisis", see `titleHeads` in the index). Another title word on its
 * own ("moon" of "Apollo 11, the first crewed Moon landing") speaks of part of the topic, which
 * not every fact is about.
 */
function titleNamed(
  title: readonly number[],
  heads: readonly number[],
  terms: readonly QueryTerm[],
  titled: readonly QueryTerm[],
): number {
  const content = terms.filter((t) => !t.intent && !t.optional);
  let bits = 0;
  const mark = (term: QueryTerm) => {
    const at = titled.indexOf(term);
    if (at >= 0) bits |= 1 << at;
  };
  for (const term of content) if (term.definite && heads.includes(term.id)) mark(term);
  if (title.length === 1) {
    for (const term of content) if (term.id === title[0]) mark(term);
    return bits;
  }
  for (let i = 0; i + 1 < content.length; i++) {
    const at = title.indexOf(content[i]!.id);
    if (at >= 0 && title[at + 1] === content[i + 1]!.id) {
      mark(content[i]!);
      mark(content[i + 1]!);
    }
  }
  return bits;
}

/** A term in more facts than this (and far more than the candidates so far) is checked per candidate. */
const COMMON_TERM_MIN = 500;

/** Where term `id` sits in fact `f`'s list of terms (see `factTerms`), or -1 when it does not. */
function termAt(index: KnowledgeIndex, f: number, id: number): number {
  const { start, items } = index.factTerms;
  let lo = start[f]!;
  let hi = start[f + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = items[mid]!;
    if (value === id) return mid;
    if (value < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The field weight × 1000 of a phrasing or keyword: a fact's own words, not only its answer's. */
const STRONG_FIELD = 1000;

/** The field weight × 1000 with which fact `f` holds term `id`, or 0 when it does not. */
export function fieldWeight(index: KnowledgeIndex, f: number, id: number): number {
  const at = termAt(index, f, id);
  return at < 0 ? 0 : codeWeight(index.factTermWeights[at]!);
}

/** How many of a correction's facts are checked against the question's other words. */
const CONTEXT_FACTS = 2_000;

/**
 * Chooses among equally close corrections the one a fact speaks of together with the most (by
 * weight, and by the fields both stand in) of the question's other words; the most frequent
 * when none does better.
 */
export function correctionChooser(index: KnowledgeIndex): ChooseCorrection {
  const termOf = (word: string) => index.termIds.get(index.lexicon.stem(word));
  return (candidates, words) => {
    const others: number[] = [];
    for (const word of words) {
      if (index.lexicon.isFunctionWord(word) || candidates.includes(word)) continue;
      const id = termOf(word);
      if (id !== undefined && !others.includes(id)) others.push(id);
    }
    let best = candidates[0]!;
    let bestShared = 0;
    for (const candidate of candidates) {
      const id = termOf(candidate);
      if (id === undefined) continue;
      const from = index.factPostings.start[id]!;
      const to = Math.min(index.factPostings.start[id + 1]!, from + CONTEXT_FACTS);
      for (let k = from; k < to; k++) {
        const f = index.factPostings.items[k]!;
        // Two words in one phrasing say more than two in one answer: weighed by field.
        const own = codeWeight(index.factPostingWeights[k]!) / 1000;
        let shared = 0;
        for (const other of others) {
          shared += (index.termWeight[other]! * own * fieldWeight(index, f, other)) / 1000;
        }
        if (shared > bestShared) {
          best = candidate;
          bestShared = shared;
        }
      }
    }
    return best;
  };
}

/** Reusable scratch arrays, sized to the index, so scoring allocates little per question. */
export interface Scratch {
  /** The `need` of the question's terms each fact holds. */
  readonly factHits: Float64Array;

  readonly factTellingHits: Int32Array;
  readonly factIntentHits: Int32Array;
  readonly phrasingShared: Float64Array;
  readonly factShared: Float64Array;
  readonly factBest: Float64Array;

  /** Each scored fact's score, by fact index. */
  readonly factScore: Float64Array;
  /** How many postings scoring has visited so far: its work, for tests. */
  readonly visited: { postings: number };
  /** The weight of the question's terms each fact's answer holds. */
  readonly factAnswerShared: Float64Array;

  /** A mark per phrasing, for autocomplete. */
  readonly phrasingMark: Uint8Array;
  /** Which of the question's title terms (a bit each) each fact holds itself. */
  readonly factTitleHeld: Uint8Array;
  /** How many of the question's intents each fact's answer gives the kind of thing for. */
  readonly factKindHits: Int32Array;
}

export function createScratch(index: KnowledgeIndex): Scratch {
  return {
    factHits: new Float64Array(index.facts.length),
    factTellingHits: new Int32Array(index.facts.length),
    factIntentHits: new Int32Array(index.facts.length),
    phrasingShared: new Float64Array(index.phrasingCount),
    factShared: new Float64Array(index.facts.length),
    factBest: new Float64Array(index.facts.length),
    factScore: new Float64Array(index.facts.length),
    visited: { postings: 0 },
    factAnswerShared: new Float64Array(index.facts.length),
    phrasingMark: new Uint8Array(index.phrasingCount),
    factTitleHeld: new Uint8Array(index.facts.length),
    factKindHits: new Int32Array(index.facts.length),
  };
}

/**
 * Which of the scored facts a caller needs: the best `top` of them, and any scoring at least
 * `floor`. Either way a prefix of the whole ranking, so nothing else about it changes; a
 * question made of common words can touch thousands of facts that nobody will ever look at.
 */
export interface Keep {
  readonly top: number;
  readonly floor: number;
}

/**
 * Scores every fact that shares a term with the question, best first (ties by load order), for
 * the facts `inScope` accepts; with `keep`, only those it asks for. Only postings of the
 * question's terms are visited.
 */
export function scoreFacts(
  index: KnowledgeIndex,
  analysis: Analysis,
  scratch: Scratch,
  inScope: (factIndex: number) => boolean,
  keep?: Keep,
): ScoredFact[] {
  return scoreQuestion(index, analysis, scratch, inScope, keep).scored;
}

/** {@link scoreFacts}, with the question's shape, the question's terms weighed once for both. */
export function scoreQuestion(
  index: KnowledgeIndex,
  analysis: Analysis,
  scratch: Scratch,
  inScope: (factIndex: number) => boolean,
  keep?: Keep,
): { scored: ScoredFact[]; shape: QuestionShape } {
  const { terms, mass, masses } = queryTerms(index, analysis);
  const shape = shapeOf(terms, mass, analysis);
  if (mass === 0) return { scored: [], shape };
  const { factPack, phrasingFact } = index;
  const touchedPhrasings: number[] = [];
  const touchedFacts: number[] = [];
  const { phrasingShared, factShared, factBest, factHits, factIntentHits, factTellingHits } =
    scratch;
  const { factAnswerShared } = scratch;
  let needed = 0;
  let intents = 0;
  let tellingTerms = 0;

  for (const term of terms) {
    if (term.intent) intents += 1;
    needed += term.need;
    if (term.telling) tellingTerms += 1;
  }
  // Rare terms first: they find the candidates. A very common term then only adds to the
  // candidates already found, checked one by one, instead of walking its long postings.
  const known = terms
    .filter((t) => t.id >= 0)
    .sort((a, b) => listLength(index.factPostings, a.id) - listLength(index.factPostings, b.id));
  const { phrasingTerms, factPostings, factPostingWeights, phrasingPostings } = index;
  // The question's terms that name a pack's topic (at most 8, a bit each; see below).
  const titled = terms
    .filter((t) => !t.intent && !t.optional && index.anyTitleTerm.has(t.id))
    .slice(0, TITLE_TERMS);
  const { factTitleHeld, factKindHits } = scratch;
  // An intent a phrasing asks for answers it; one the answer only gives the kind of thing for
  // ("in 1912" to "when") answers it in part (see `answerKinds.ts`).
  const countIntent = (f: number, code: number) => {
    if (codeWeight(code) >= STRONG_FIELD) factIntentHits[f]! += 1;
    else factKindHits[f]! += 1;
  };
  for (const term of known) {
    const titleAt = titled.indexOf(term);
    const titleBit = titleAt < 0 ? 0 : 1 << titleAt;
    const from = factPostings.start[term.id]!;
    const to = factPostings.start[term.id + 1]!;
    scratch.visited.postings += to - from;
    const common =
      touchedFacts.length > 0 && to - from > COMMON_TERM_MIN && to - from > touchedFacts.length * 8;
    if (common) {
      for (const p of touchedPhrasings) {
        for (let k = phrasingTerms.start[p]!; k < phrasingTerms.start[p + 1]!; k++) {
          if (phrasingTerms.items[k] === term.id) {
            phrasingShared[p]! += term.weights[factPack[phrasingFact[p]!]!]!;
            break;
          }
        }
      }
      for (const f of touchedFacts) {
        const at = termAt(index, f, term.id);
        if (at < 0) continue;
        const code = index.factTermWeights[at]!;
        const weight = term.weights[factPack[f]!]!;
        factShared[f]! += (weight * codeWeight(code)) / 1000;
        if (codeInAnswer(code)) factAnswerShared[f]! += weight;
        if (term.intent) countIntent(f, code);
        factHits[f]! += term.need;
        factTellingHits[f]! += term.explains;
        factTitleHeld[f]! |= titleBit;
      }
      continue;
    }
    for (let k = phrasingPostings.start[term.id]!; k < phrasingPostings.start[term.id + 1]!; k++) {
      const p = phrasingPostings.items[k]!;
      if (phrasingShared[p] === 0) touchedPhrasings.push(p);
      phrasingShared[p]! += term.weights[factPack[phrasingFact[p]!]!]!;
    }
    for (let k = from; k < to; k++) {
      const f = factPostings.items[k]!;
      if (
        factShared[f] === 0 &&
        factHits[f] === 0 &&
        factIntentHits[f] === 0 &&
        factKindHits[f] === 0
      )
        touchedFacts.push(f);
      const code = factPostingWeights[k]!;
      const weight = term.weights[factPack[f]!]!;
      factShared[f]! += (weight * codeWeight(code)) / 1000;
      if (codeInAnswer(code)) factAnswerShared[f]! += weight;
      if (term.intent) countIntent(f, code);
      factHits[f]! += term.need;
      factTellingHits[f]! += term.explains;
      factTitleHeld[f]! |= titleBit;
    }
  }

  // A question may name the pack's topic ("in the cuban missile crisis") of a fact that takes
  // it as read: the title's terms the question names it with (see {@link titleNamed}) count as
  // held, for what a fact explains, by every fact of that pack. They add nothing to its match or
  // coverage.
  if (titled.length > 0) {
    const named = new Map<number, number>();
    for (const f of touchedFacts) {
      const pack = index.factPack[f]!;
      let bits = named.get(pack);
      if (bits === undefined) {
        bits = titleNamed(index.titleTerms[pack]!, index.titleHeads[pack]!, terms, titled);
        named.set(pack, bits);
      }
      if (bits === 0) continue;
      titled.forEach((term, bit) => {
        if ((bits & (1 << bit)) !== 0 && (factTitleHeld[f]! & (1 << bit)) === 0) {
          factHits[f]! += term.need;
          factTellingHits[f]! += term.explains;
        }
      });
    }
  }

  const beta2 = SCORE_WEIGHTS.beta * SCORE_WEIGHTS.beta;
  for (const p of touchedPhrasings) {
    const shared = phrasingShared[p]!;
    phrasingShared[p] = 0;
    const phrasingMass = index.phrasingMass[p]!;
    const factIndex = index.phrasingFact[p]!;
    const recall = Math.min(1, shared / masses[factPack[factIndex]!]!);
    const precision = phrasingMass > 0 ? shared / phrasingMass : 0;
    const f = (1 + beta2) * ((recall * precision) / (beta2 * precision + recall));
    if (f > factBest[factIndex]!) factBest[factIndex] = f;
  }

  const { factScore } = scratch;
  const positive: number[] = [];
  const positiveScores: number[] = [];
  const base = SCORE_WEIGHTS.phrasing + SCORE_WEIGHTS.coverage;
  // "what time did they land" asks for a time of day: a fact whose answer gives only the date
  // misses what is asked, as a fact none of whose phrasings asks "when" misses a "when".
  const asksClock = index.lexicon.asksClock(analysis.words);
  const explainedOf = (f: number) => (needed === 0 ? 1 : Math.min(1, factHits[f]! / needed));
  /** How much of the question's weight in the fact's pack the fact's fields hold. */
  const coverageOf = (f: number) => Math.min(1, factShared[f]! / masses[factPack[f]!]!);
  // A question may ask for one detail of a fact's answer in words none of its phrasings uses
  // ("what island is the space center on"): the answer, held to the question's words alone,
  // stands in for a phrasing, below a phrasing's full match.
  const bestOf = (f: number) =>
    Math.max(
      factBest[f]!,
      SCORE_WEIGHTS.answerRoute * Math.min(1, factAnswerShared[f]! / masses[factPack[f]!]!),
    );
  for (const f of touchedFacts) {
    if (!inScope(f)) continue;
    const intentFactor =
      SCORE_WEIGHTS.intentMiss ** (intents - factIntentHits[f]! - factKindHits[f]!) *
      SCORE_WEIGHTS.answerIntent ** factKindHits[f]! *
      (asksClock && index.factClock[f] === 0 ? SCORE_WEIGHTS.intentMiss : 1);
    const score =
      ((SCORE_WEIGHTS.phrasing * bestOf(f) + SCORE_WEIGHTS.coverage * coverageOf(f)) / base) *
      explainedOf(f) ** SCORE_WEIGHTS.unexplained *
      intentFactor *
      (intents === 0 && factBest[f]! === 0 ? SCORE_WEIGHTS.unasked : 1);
    if (score > 0) {
      positive.push(f);
      positiveScores.push(score);
      factScore[f] = score;
    }
  }
  const least =
    keep === undefined ? -Infinity : Math.min(kthLargest(positiveScores, keep.top), keep.floor);
  // The numbers the question names, by their digits: a fact holding another of as many digits
  // and not this one speaks of another year, another amount.
  const numbers = terms.flatMap((term, i) => {
    const word = analysis.termWords[i]!;
    const digits = term.id >= 0 ? index.termDigits[term.id]! : NUMBER.test(word) ? word.length : 0;
    return digits > 0 && !term.optional ? [{ id: term.id, digits }] : [];
  });
  const conflicts = (f: number): boolean =>
    numbers.some(({ id, digits }) => {
      if (id >= 0 && termAt(index, f, id) >= 0) return false;
      const { start, items } = index.factTerms;
      for (let k = start[f]!; k < start[f + 1]!; k++) {
        if (index.termDigits[items[k]!] === digits) return true;
      }
      return false;
    });
  // The question's words that have an opposite in the packs ("start" of "end"): a fact whose
  // phrasings hold the opposite and not the word itself speaks of the other end of the event.
  const opposed = terms.flatMap((term, i) => {
    if (term.intent || term.optional) return [];
    const other = index.opposites.get(analysis.terms[i]!);
    const id = other === undefined ? undefined : index.termIds.get(other);
    return id === undefined ? [] : [{ id: term.id, opposite: id }];
  });
  const opposes = (f: number): boolean =>
    opposed.some(
      ({ id, opposite }) =>
        (id < 0 || termAt(index, f, id) < 0) && fieldWeight(index, f, opposite) >= STRONG_FIELD,
    );
  const kept: { factIndex: number; score: number }[] = [];
  for (const f of positive) {
    const score = factScore[f]!;
    if (score >= least) kept.push({ factIndex: f, score });
  }
  kept.sort((a, b) => b.score - a.score || a.factIndex - b.factIndex);
  // What the leading scores were made of, read before the scratch space is cleared for the next
  // question: thousands of facts may be touched, a few are weighed by the decision.
  const scored: ScoredFact[] = kept.map(({ factIndex: f, score }, rank) =>
    rank >= EVIDENCE_DEPTH
      ? { factIndex: f, score, complete: factTellingHits[f] === tellingTerms }
      : {
          factIndex: f,
          score,
          complete: factTellingHits[f] === tellingTerms,
          evidence: {
            phrasing: bestOf(f),
            coverage: coverageOf(f),
            explained: explainedOf(f),
            intentsMissed: intents - factIntentHits[f]!,
            tellingMissed: tellingTerms - intents - (factTellingHits[f]! - factIntentHits[f]!),
            numberConflict: conflicts(f),
            opposed: opposes(f),
          },
        },
  );
  for (const f of touchedFacts) {
    factShared[f] = 0;
    factBest[f] = 0;
    factAnswerShared[f] = 0;
    factHits[f] = 0;
    factIntentHits[f] = 0;
    factTellingHits[f] = 0;
    factTitleHeld[f] = 0;
    factKindHits[f] = 0;
  }
  return { scored, shape };
}

const FUSE_OPTIONS = Object.freeze({
  keys: ['text'],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.6,
  shouldSort: false,
});

/**
 * Breaks near-ties with Fuse's character-level similarity between the question and each tied
 * fact's phrasings: when words alone cannot separate two facts, the one whose phrasing reads
 * most like the question moves ahead, by at most {@link TIE_BREAK_WEIGHT}. Facts that are not
 * tied keep their scores, so Fuse runs only when it can change the outcome, over a handful of
 * short strings.
 */
export function rerank(
  index: KnowledgeIndex,
  text: string,
  scored: readonly ScoredFact[],
): ScoredFact[] {
  const [first, second] = scored;
  const { tie, patternLength } = RANKING.tieBreak;
  if (!first || !second || first.score - second.score > tie || text.length === 0)
    return [...scored];
  const tied = scored.filter((s) => first.score - s.score <= tie).slice(0, RERANK_DEPTH);
  const docs: { factIndex: number; text: string }[] = [];
  for (const { factIndex } of tied) {
    // The prompts are left out: longer than the phrasings, they would slow the comparison most.
    for (let p = index.factPhrasingStart[factIndex]!; p < promptsStart(index, factIndex); p++) {
      docs.push({ factIndex, text: index.phrasingText[p]! });
    }
  }
  const similarity = new Map<number, number>();
  const fuse = new Fuse(docs, FUSE_OPTIONS);
  for (const hit of fuse.search(text.slice(0, patternLength))) {
    const value = 1 - (hit.score ?? 1);
    if (value > (similarity.get(hit.item.factIndex) ?? 0))
      similarity.set(hit.item.factIndex, value);
  }
  const adjusted = scored.map((s, i) =>
    i < tied.length
      ? { ...s, score: s.score + TIE_BREAK_WEIGHT * (similarity.get(s.factIndex) ?? 0) }
      : s,
  );
  adjusted.sort((a, b) => b.score - a.score || a.factIndex - b.factIndex);
  return adjusted;
}
