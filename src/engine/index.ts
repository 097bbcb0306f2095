import type { Fact, Pack } from '../knowledge/schema.js';
import {
  analyzeWords,
  applySynonyms,
  buildSynonymTable,
  isIntent,
  stemWord,
  type SynonymTable,
} from './analyze.js';
import { normalizeText, tokenize } from './normalize.js';
import { buildSpellIndex, type SpellIndex } from './spell.js';
import { specificity } from './english.js';
import { BUILTIN_SYNONYMS } from './thesaurus.js';
import { LIGHT_WORDS, STOPWORDS } from './stopwords.js';

/** How much a term found only in a fact's answer counts, next to one in its phrasings. */
export const ANSWER_FIELD_WEIGHT = 0.6;
/** The most an everyday word (see {@link LIGHT_WORDS}) can weigh. */
export const LIGHT_WORD_CAP = 0.35;

/** One phrasing of a fact's question: its canonical question or an alternate. */
export interface Phrasing {
  readonly factIndex: number;
  /** Where its term ids (without repeats) lie in {@link KnowledgeIndex.phrasingTerms}. */
  readonly termStart: number;
  readonly termEnd: number;
  /** The sum of the terms' weights. */
  readonly mass: number;
  /** Normalised text, for character-level comparison and prefix completion. */
  readonly text: string;
  readonly canonical: boolean;
}

export interface IndexedFact {
  readonly fact: Fact;
  readonly pack: Pack;
  /** Indices of this fact's phrasings; the first is the canonical question. */
  readonly phrasings: readonly number[];
}

/**
 * Everything the engine precomputes at load so that answering is a handful of look-ups:
 * term ids and weights, postings from terms to phrasings and to facts, the exact-phrasing map,
 * the typo corrector and a sorted list of phrasings for prefix completion.
 */
export interface KnowledgeIndex {
  readonly packs: readonly Pack[];
  readonly facts: readonly IndexedFact[];
  readonly factIndexById: ReadonlyMap<string, number>;
  readonly phrasings: readonly Phrasing[];
  /** Every phrasing's term ids, back to back (one array, not one per phrasing, to save memory). */
  readonly phrasingTerms: Int32Array;
  readonly synonyms: SynonymTable;
  readonly speller: SpellIndex;
  readonly termIds: ReadonlyMap<string, number>;
  /** Weight of each term id (inverse document frequency over facts, everyday words capped). */
  readonly termWeight: Float64Array;
  /** The weight a word unknown to every pack gets. */
  readonly unknownWeight: number;
  /** term id → phrasing indices holding it. */
  readonly phrasingPostings: readonly Int32Array[];
  /** term id → pairs (fact index, field weight × 1000), flattened. */
  readonly factPostings: readonly Int32Array[];
  /** fact index → its term ids, sorted, and beside them each term's field weight × 1000. */
  readonly factTerms: readonly Int32Array[];
  readonly factTermWeights: readonly Uint16Array[];
  /** Exact-match key → fact indices whose phrasing it is. */
  readonly exact: ReadonlyMap<string, number | readonly number[]>;
  /** Phrasing indices ordered by their normalised text, for prefix completion. */
  readonly byText: Int32Array;
  /** Vocabulary words sorted, with the number of facts using each, for prefix completion. */
  readonly vocabulary: readonly string[];
  /** For each vocabulary word, the term ids it stands for once synonyms are applied. */
  readonly vocabularyTerms: readonly (readonly number[])[];
}

/** Inverse document frequency, BM25's form: always positive, large for rare terms. */
export function inverseFrequency(documents: number, frequency: number): number {
  return Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
}

/** The most an intent (see `intentsOf`) can weigh: it steers, it does not decide. */
export const INTENT_CAP = 0.6;

/**
 * A word's weight: how rare it is in the packs, times how telling it is in everyday English,
 * with everyday question words and intents capped.
 */
export function weightFor(word: string, idf: number): number {
  if (isIntent(word)) return Math.min(idf, INTENT_CAP);
  const weight = idf * specificity(word);
  return LIGHT_WORDS.has(word) ? Math.min(weight, LIGHT_WORD_CAP) : weight;
}

/** Builds the index over the given packs. Pure and deterministic. */
export function buildIndex(packs: readonly Pack[]): KnowledgeIndex {
  const synonyms = buildSynonymTable([
    ...packs.flatMap((pack) => Object.entries(pack.synonyms)),
    ...Object.entries(BUILTIN_SYNONYMS),
  ]);

  const facts: IndexedFact[] = [];
  /** Each fact's phrasing indices, filled in as the phrasings are laid out. */
  const factPhrasings: number[][] = [];
  const factIndexById = new Map<string, number>();
  const wordFrequency = new Map<string, number>();
  const termIds = new Map<string, number>();
  const termWords: string[] = [];
  const termDocs: number[] = [];
  const termFirstWord: string[] = [];

  const termIdOf = (term: string, word: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = termWords.length;
      termIds.set(term, id);
      termWords.push(term);
      termDocs.push(0);
      termFirstWord.push(word);
    }
    return id;
  };

  interface Draft {
    phrasingTerms: { terms: number[]; key: string; text: string }[];
    answerTerms: Set<number>;
    strongTerms: Set<number>;
  }
  const drafts: Draft[] = [];

  const countWords = (words: readonly string[], seen: Set<string>) => {
    for (const word of words) {
      if (seen.has(word)) continue;
      seen.add(word);
      wordFrequency.set(word, (wordFrequency.get(word) ?? 0) + 1);
    }
  };
  const termsOf = (words: readonly string[]) => {
    const analysis = analyzeWords(words, synonyms);
    const ids = new Set<number>();
    analysis.terms.forEach((term, i) => ids.add(termIdOf(term, analysis.termWords[i]!)));
    return { ids: [...ids], key: analysis.words.join(' ') };
  };

  for (const pack of packs) {
    for (const fact of pack.facts) {
      if (factIndexById.has(fact.id)) continue;
      factIndexById.set(fact.id, facts.length);
      const seenWords = new Set<string>();
      const read = (text: string) => {
        const normalized = normalizeText(text);
        const words = tokenize(normalized);
        countWords(words, seenWords);
        return { normalized, words };
      };
      const phrasingTerms = [fact.question, ...fact.alternates].map((text) => {
        const { normalized, words } = read(text);
        const { ids, key } = termsOf(words);
        return { terms: ids, key, text: normalized };
      });
      const strongTerms = new Set<number>();
      for (const p of phrasingTerms) for (const id of p.terms) strongTerms.add(id);
      for (const keyword of fact.keywords) {
        for (const id of termsOf(read(keyword).words).ids) strongTerms.add(id);
      }
      const answerTerms = new Set<number>(termsOf(read(fact.answer).words).ids);
      for (const id of strongTerms) termDocs[id]! += 1;
      for (const id of answerTerms) if (!strongTerms.has(id)) termDocs[id]! += 1;
      drafts.push({ phrasingTerms, answerTerms, strongTerms });
      const phrasingsOfFact: number[] = [];
      factPhrasings.push(phrasingsOfFact);
      facts.push({ fact, pack, phrasings: phrasingsOfFact });
    }
  }
  for (const [canonical, variants] of packs.flatMap((p) => Object.entries(p.synonyms))) {
    for (const text of [canonical, ...variants]) {
      for (const word of tokenize(normalizeText(text))) {
        if (!wordFrequency.has(word)) wordFrequency.set(word, 0);
      }
    }
  }

  const documents = facts.length;
  const termWeight = new Float64Array(termWords.length);
  for (let id = 0; id < termWords.length; id++) {
    termWeight[id] = weightFor(termFirstWord[id]!, inverseFrequency(documents, termDocs[id]!));
  }

  const phrasings: Phrasing[] = [];
  const phrasingLists: number[][] = termWords.map(() => []);
  const factLists: number[][] = termWords.map(() => []);
  // A phrasing key nearly always belongs to one fact: a number, and a list only when shared.
  const exact = new Map<string, number | number[]>();
  const factTerms: Int32Array[] = [];
  const factTermWeights: Uint16Array[] = [];
  const allTerms: number[] = [];
  drafts.forEach((draft, factIndex) => {
    const mine = factPhrasings[factIndex]!;
    draft.phrasingTerms.forEach((p, order) => {
      const index = phrasings.length;
      let mass = 0;
      const termStart = allTerms.length;
      for (const id of p.terms) {
        mass += termWeight[id]!;
        phrasingLists[id]!.push(index);
        allTerms.push(id);
      }
      phrasings.push({
        factIndex,
        termStart,
        termEnd: allTerms.length,
        mass,
        text: p.text,
        canonical: order === 0,
      });
      mine.push(index);
      const entry = exact.get(p.key);
      if (entry === undefined) exact.set(p.key, factIndex);
      else if (typeof entry === 'number') {
        if (entry !== factIndex) exact.set(p.key, [entry, factIndex]);
      } else if (!entry.includes(factIndex)) entry.push(factIndex);
    });
    const ids = Int32Array.from(new Set([...draft.strongTerms, ...draft.answerTerms])).sort();
    const weights = new Uint16Array(ids.length);
    ids.forEach((id, k) => {
      const weight = Math.round((draft.strongTerms.has(id) ? 1 : ANSWER_FIELD_WEIGHT) * 1000);
      weights[k] = weight;
      factLists[id]!.push(factIndex, weight);
    });
    factTerms.push(ids);
    factTermWeights.push(weights);
  });

  const byText = Int32Array.from(phrasings.keys()).sort((a, b) => {
    const x = phrasings[a]!.text;
    const y = phrasings[b]!.text;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  const vocabulary = [...wordFrequency.keys()].filter((w) => !STOPWORDS.has(w)).sort();

  return {
    packs,
    facts,
    factIndexById,
    phrasings,
    phrasingTerms: Int32Array.from(allTerms),
    synonyms,
    speller: buildSpellIndex(wordFrequency),
    termIds,
    termWeight,
    unknownWeight: inverseFrequency(Math.max(documents, 1), 1),
    phrasingPostings: phrasingLists.map((list) => Int32Array.from(list)),
    factPostings: factLists.map((list) => Int32Array.from(list)),
    factTerms,
    factTermWeights,
    exact,
    byText,
    vocabulary,
    vocabularyTerms: vocabulary.map((word) =>
      applySynonyms([word], synonyms).flatMap((w) => {
        const id = STOPWORDS.has(w) ? undefined : termIds.get(stemWord(w));
        return id === undefined ? [] : [id];
      }),
    ),
  };
}
