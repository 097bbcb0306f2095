import type { Fact, Pack } from '../knowledge/schema.js';
import {
  analyzeWords,
  applySynonyms,
  buildSynonymTable,
  hashWords,
  isIntent,
  type SynonymTable,
} from './analyze.js';
import { answerWordKinds, intentsOfKinds } from './answerKinds.js';
import { RANKING } from './config.js';
import type { Lexicon } from './lexicon.js';
import { tokenize, wordsOf } from './normalize.js';
import { lowerBound, orderByKey, orderByLists, sortSmall } from './order.js';
import { createTermReader } from './reader.js';
import { buildShortenings } from './shortened.js';
import { buildSpellIndex, type SpellIndex } from './spell.js';
import { finish, stepDue, type Steps } from './steps.js';
import type { PackedFact } from './types.js';

/**
 * Lists of numbers stored back to back in one array: list `i` is `items[start[i]]` up to, not
 * including, `items[start[i + 1]]`. Hundreds of thousands of small typed arrays would cost more
 * in object headers than in numbers; one array and its offsets cost only the numbers.
 */
export interface PackedLists {
  readonly start: Int32Array;
  readonly items: Int32Array;
}

/** The length of list `i`. */
export const listLength = (lists: PackedLists, i: number): number =>
  lists.start[i + 1]! - lists.start[i]!;

/**
 * Everything the engine precomputes at load so that answering is a handful of look-ups:
 * term ids and weights, postings from terms to phrasings and to facts, the exact-phrasing keys,
 * the typo corrector and a sorted list of phrasings for prefix completion.
 *
 * A phrasing is one way a fact's question is put: its canonical question, an alternate, or the
 * prompt of one of its trivia items (see {@link phrasingsOf}). The phrasings of fact `f` are
 * numbered `factPhrasingStart[f]` up to `factPhrasingStart[f + 1]`, the canonical question
 * first and the prompts last (from {@link promptsStart}); everything about phrasing `p` lies at
 * index `p` of the `phrasing…` arrays. Facts and phrasings are numbered in load order.
 */
export interface KnowledgeIndex {
  /** The language the packs are read in. */
  readonly lexicon: Lexicon;
  readonly packs: readonly Pack[];
  readonly facts: readonly PackedFact[];
  readonly factIndexById: ReadonlyMap<string, number>;
  readonly factPhrasingStart: Int32Array;
  readonly phrasingCount: number;
  readonly phrasingFact: Int32Array;
  /** Each phrasing's term ids, without repeats, in the order its text names them. */
  readonly phrasingTerms: PackedLists;
  /** The sum of each phrasing's term weights. */
  readonly phrasingMass: Float64Array;
  /** Each phrasing's normalised text, for character-level comparison and prefix completion. */
  readonly phrasingText: readonly string[];
  readonly synonyms: SynonymTable;
  readonly speller: SpellIndex;
  readonly termIds: ReadonlyMap<string, number>;
  /** For each term id: how many digits the term has when it is a number ("1972": 4), else 0. */
  readonly termDigits: Uint8Array;
  /**
   * The language's opposites as terms, each way ("start" → "end" and "end" → "start"), read
   * through the packs' synonyms and the thesaurus as pack text is.
   */
  readonly opposites: ReadonlyMap<string, string>;
  /**
   * The terms of each pack's title in order, by pack, read through the synonyms as pack text is:
   * the name of what every fact of the pack is about, whether or not its own words say so ("what
   * do the russians call the cuban missile crisis" of a fact that names only the crisis). Only
   * terms some fact holds.
   */
  readonly titleTerms: readonly (readonly number[])[];
  /**
   * The head of each part of each pack's title, by pack: the word the topic is called by on its
   * own ("the crisis" of "The Cuban Missile Crisis", "the visit" of "Bhutto's 1972 visit to the
   * Soviet Union"): the last of the part's first run of content words, when it is no number.
   */
  readonly titleHeads: readonly (readonly number[])[];
  /** Every pack's {@link titleTerms} and {@link titleHeads}: the question terms worth checking. */
  readonly anyTitleTerm: ReadonlySet<number>;
  /** Each fact's pack, by its place in `packs`. */
  readonly factPack: Int32Array;
  /** 1 for each fact whose answer gives a time of day (the profile's `answerWords.clock`). */
  readonly factClock: Uint8Array;
  /**
   * Weight of each term id over all the packs (inverse document frequency over facts, everyday
   * words capped): for what is weighed across packs, such as autocomplete's expansions.
   */
  readonly termWeight: Float64Array;
  /** The weight a word unknown to every pack gets. */
  readonly unknownWeight: number;
  /**
   * Term id → the packs holding it, in order, with {@link termPackWeight} beside: the term's
   * weight within each, its inverse document frequency over that pack's facts alone. Facts are
   * scored with their own pack's weights, so what a pack answers does not change when other
   * packs are loaded beside it (a word every fact of one pack holds says nothing there, however
   * rare it is in the others).
   */
  readonly termPacks: PackedLists;
  readonly termPackWeight: Float64Array;
  /** By pack: how many facts it holds (a fact another pack already gave is not counted). */
  readonly packFacts: Int32Array;
  /** Term id → the phrasings holding it, in order. */
  readonly phrasingPostings: PackedLists;
  /** Term id → the facts holding it, in order, with {@link factPostingWeights} beside. */
  readonly factPostings: PackedLists;
  /** For each item of {@link factPostings}: the term's field code in that fact (see {@link fieldCode}). */
  readonly factPostingWeights: Uint16Array;
  /** Fact index → its term ids, sorted, with {@link factTermWeights} beside. */
  readonly factTerms: PackedLists;
  /**
   * For each item of {@link factTerms}: the term's field weight × 1000 (an even number), plus 1
   * when the fact's answer holds the term (see {@link fieldCode}).
   */
  readonly factTermWeights: Uint16Array;

  /**
   * The phrasings' exact-match keys (their words after synonyms, see `Analysis.words`) as
   * hashes, sorted, with the phrasing of each beside it in {@link exactPhrasings}. A hash is a
   * number where the key would be a string of forty-odd characters; a match is confirmed
   * against the phrasing's own text (see {@link exactFacts}).
   */
  readonly exactHashes: Uint32Array;
  readonly exactPhrasings: Int32Array;
  /** Phrasing indices ordered by their normalised text, for prefix completion. */
  readonly byText: Int32Array;
  /** Vocabulary words sorted, with the number of facts using each, for prefix completion. */
  readonly vocabulary: readonly string[];
  /** For each vocabulary word, the term ids it stands for once synonyms are applied. */
  readonly vocabularyTerms: readonly (readonly number[])[];
}

/**
 * How a fact holds a term, in one small number: its field weight × 1000, rounded to an even
 * number, plus 1 when the answer holds it. Scoring reads both from one array in its hot loop.
 */
export function fieldCode(weight: number, inAnswer: boolean): number {
  return 2 * Math.round(weight * 500) + (inAnswer ? 1 : 0);
}
/** The field weight × 1000 of a {@link fieldCode}. */
export const codeWeight = (code: number): number => code & ~1;
/** True when a {@link fieldCode} says the answer holds the term. */
export const codeInAnswer = (code: number): boolean => (code & 1) === 1;

/** A number as analysis reads it: digits, with a decimal point between some. */
const NUMBER = /^\d+(?:\.\d+)?$/;

/**
 * The ways a fact's question is put, canonical question first: its alternates, then its trivia
 * prompts. A trivia item is built from the fact and answered by it, so its prompt is one more
 * question the pack's author wrote for the fact, often in other words than the alternates.
 */
export function phrasingsOf(fact: Fact): string[] {
  return [fact.question, ...fact.alternates, ...fact.trivia.map((item) => item.prompt)];
}

/**
 * Where fact `f`'s trivia prompts start among its phrasings: the ones before are the question
 * and alternates its author wrote to be matched.
 */
export const promptsStart = (index: KnowledgeIndex, f: number): number =>
  index.factPhrasingStart[f]! + 1 + index.facts[f]!.fact.alternates.length;

/** True when phrasing `p` is its fact's canonical question. */
export const isCanonical = (index: KnowledgeIndex, p: number): boolean =>
  index.factPhrasingStart[index.phrasingFact[p]!] === p;

/** Inverse document frequency, BM25's form: always positive, large for rare terms. */
export function inverseFrequency(documents: number, frequency: number): number {
  return Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
}

/**
 * A word's weight: how rare it is in the packs, times how telling it is in everyday use of the
 * language, with everyday question words and intents capped.
 */
export function weightFor(lexicon: Lexicon, word: string, idf: number): number {
  if (isIntent(word)) return Math.min(idf, RANKING.words.intentCap);
  const weight = idf * lexicon.specificity(word);
  return lexicon.isLightWord(word) ? Math.min(weight, RANKING.words.lightWordCap) : weight;
}

/**
 * The weight of a question's term in every pack, into `out` (one place a pack): its weight
 * there when the pack holds it, else that of a word the pack never uses, as if that pack were
 * loaded alone (`id` is -1 for a word no pack knows; `word` is the question's word).
 */
export function weightsByPack(
  index: KnowledgeIndex,
  id: number,
  word: string,
  out: Float64Array,
): void {
  const { packFacts, lexicon } = index;
  for (let pack = 0; pack < out.length; pack++) {
    out[pack] = weightFor(lexicon, word, inverseFrequency(Math.max(packFacts[pack]!, 1), 1));
  }
  if (id >= 0) heldWeights(index, id, out);
}

/** Sets `out[pack]` to term `id`'s weight in each pack that holds it; leaves the others be. */
export function heldWeights(index: KnowledgeIndex, id: number, out: Float64Array): void {
  for (let k = index.termPacks.start[id]!; k < index.termPacks.start[id + 1]!; k++) {
    out[index.termPacks.items[k]!] = index.termPackWeight[k]!;
  }
}

/**
 * The facts (in load order, without repeats) one of whose phrasings has exactly these words as
 * its exact-match key. Hashes only point at phrasings; each is confirmed by analysing its text
 * again, so a hash collision never answers a question.
 */
export function exactFacts(index: KnowledgeIndex, words: readonly string[]): number[] {
  const hash = hashWords(words);
  const out: number[] = [];
  for (
    let i = lowerBound(index.exactHashes, hash);
    i < index.exactHashes.length && index.exactHashes[i] === hash;
    i++
  ) {
    const p = index.exactPhrasings[i]!;
    const key = analyzeWords(tokenize(index.phrasingText[p]!), index.lexicon, index.synonyms).words;
    if (key.length !== words.length || key.some((word, k) => word !== words[k])) continue;
    const f = index.phrasingFact[p]!;
    if (!out.includes(f)) out.push(f);
  }
  return out;
}

/**
 * Inverts packed lists: for each value, the lists that hold it, in list order (a list must not
 * hold a value twice). `from[j]` is where item `j` of the result came from in `lists.items`, to
 * carry along what lies beside the items.
 */
function invert(lists: PackedLists, values: number): { inverted: PackedLists; from: Int32Array } {
  const start = new Int32Array(values + 1);
  for (let k = 0; k < lists.items.length; k++) start[lists.items[k]! + 1]! += 1;
  for (let v = 0; v < values; v++) start[v + 1]! += start[v]!;
  const items = new Int32Array(lists.items.length);
  const from = new Int32Array(lists.items.length);
  const next = start.slice(0, values);
  for (let list = 0; list + 1 < lists.start.length; list++) {
    for (let k = lists.start[list]!; k < lists.start[list + 1]!; k++) {
      const at = next[lists.items[k]!]!++;
      items[at] = list;
      from[at] = k;
    }
  }
  return { inverted: { start, items }, from };
}

/**
 * Adds every word of the synonym entries (canonical phrases and variants, each distinct text
 * read once) to `words` as used by no fact, unless it is there already.
 */
function addSynonymWords(
  words: Map<string, number>,
  entries: Iterable<readonly [string, readonly string[]]>,
): void {
  const texts = new Set<string>();
  for (const [canonical, variants] of entries) {
    texts.add(canonical);
    for (const variant of variants) texts.add(variant);
  }
  for (const text of texts) {
    for (const word of wordsOf(text)) if (!words.has(word)) words.set(word, 0);
  }
}

/**
 * The packs' entities as synonyms: each alias and role reads as the entity's name ("the soviet
 * premier" as "alexei kosygin"). A role more than one entity claims names none of them.
 */
export function entityNames(
  packs: readonly Pack[],
  read: (words: readonly string[]) => readonly string[] = (words) => words,
): [string, readonly string[]][] {
  const claims = new Map<string, Set<string>>();
  const entities = packs.flatMap((p) => p.entities ?? []);
  for (const entity of entities) {
    for (const other of [...entity.aliases, ...entity.roles]) {
      const key = wordsOf(other).join(' ');
      if (!claims.has(key)) claims.set(key, new Set());
      claims.get(key)!.add(wordsOf(entity.name).join(' '));
    }
  }
  const named = (other: string) => claims.get(wordsOf(other).join(' '))!.size === 1;
  return entities.flatMap((entity): [string, readonly string[]][] => {
    // A name of several words reads as the one of them students use alone, when an alias says
    // which ("bhutto" for Zulfikar Ali Bhutto): one word weighs as a name should, not three.
    const nameWords = wordsOf(entity.name);
    const short = entity.aliases.find((alias) => {
      const words = wordsOf(alias);
      return words.length === 1 && nameWords.length > 1 && nameWords.includes(words[0]!);
    });
    const key = short ?? entity.name;
    const aliases = [...entity.aliases.filter(named), ...(short ? [entity.name] : [])];
    // A role keeps its own words, as the other synonyms read them, and gains the name: "the
    // soviet premier" still speaks of a premier, which a fact about his office holds, and now
    // also of Kosygin.
    const roles = entity.roles
      .filter(named)
      .map((role): [string, readonly string[]] => [
        `${read(wordsOf(role)).join(' ')} ${key}`,
        [role],
      ]);
    return [[key, aliases], ...roles];
  });
}

/** The corrector of question words, with the shortenings it falls back on. */
function speller(
  known: ReadonlyMap<string, number>,
  lexicon: Lexicon,
  synonyms: SynonymTable,
  vocabulary: readonly string[],
  wordFrequency: ReadonlyMap<string, number>,
  facts: readonly PackedFact[],
  packSynonyms: readonly (readonly [string, readonly string[]])[],
  titles: readonly string[],
): SpellIndex {
  const corrector = buildSpellIndex(known, lexicon);
  const shortenings = buildShortenings(
    {
      vocabulary,
      uses: (word) => wordFrequency.get(word) ?? 0,
      // Names are what chat abbreviates: the packs' titles ("cmc" for "the cuban missile
      // crisis", each part of a title on its own), keywords, synonyms and entities.
      *phrases() {
        for (const title of titles) yield* title.split(TITLE_PARTS);
        for (const { fact } of facts) yield* fact.keywords;
        for (const [canonical, variants] of packSynonyms) yield* [canonical, ...variants];
      },
    },
    lexicon,
    synonyms,
  );
  function* readySteps(): Steps<void> {
    yield* corrector.readySteps();
    yield* shortenings.prepareSteps();
  }
  return {
    ...corrector,
    expand: shortenings.expand,
    prepare() {
      corrector.prepare();
      shortenings.prepare();
    },
    readySteps,
  };
}

/** Where a title divides into parts that are named on their own: "Apollo 11 — the first…". */
const TITLE_PARTS = /[,:;()\u2013\u2014]|\s-\s/;

/** Builds the index over the given packs, read in the lexicon's language. Pure and deterministic. */
export function buildIndex(packs: readonly Pack[], lexicon: Lexicon): KnowledgeIndex {
  return finish(indexSteps(packs, lexicon));
}

/** {@link buildIndex} in steps: it yields between slices of facts and between its phases. */
export function* indexSteps(packs: readonly Pack[], lexicon: Lexicon): Steps<KnowledgeIndex> {
  const packSynonyms: [string, readonly string[]][] = [];
  for (const pack of packs) {
    for (const canonical in pack.synonyms)
      packSynonyms.push([canonical, pack.synonyms[canonical]!]);
  }
  const thesaurus = Object.entries(lexicon.language.thesaurus);
  // A role's own words are read through the other synonyms first ("pakistani" as "pakistan").
  const plain = buildSynonymTable([...packSynonyms, ...thesaurus], lexicon);
  packSynonyms.push(...entityNames(packs, (words) => applySynonyms(words, plain)));
  const synonyms = buildSynonymTable([...packSynonyms, ...thesaurus], lexicon);
  const reader = createTermReader(lexicon, synonyms);

  const facts: PackedFact[] = [];
  const factIndexById = new Map<string, number>();
  const factPhrasingStart: number[] = [0];
  const phrasingFact: number[] = [];
  const phrasingText: string[] = [];
  const phrasingHash: number[] = [];
  const phrasingTermStart: number[] = [0];
  const phrasingTermItems: number[] = [];
  /** Each phrasing's words as written, by word id, to order the phrasings by their text. */
  const phrasingWordStart: number[] = [0];
  const phrasingWordItems: number[] = [];
  const factTermStart: number[] = [0];
  const factTermItems: number[] = [];
  const factTermWeightItems: number[] = [];
  /** term id → how many facts hold it. */
  const termDocs: number[] = [];
  /** (term, pack, facts of the pack holding it, word), one entry a term and pack, in pack order. */
  const packEntryTerm: number[] = [];
  const packEntryPack: number[] = [];
  const packEntryDocs: number[] = [];
  /** The word the term was first read from in the pack: it decides the term's weight there. */
  const packEntryWord: string[] = [];
  /** term id → its entry for the pack being read, when it has one. */
  const packEntryOf: number[] = [];
  /** The number of facts of each pack, once read without repeats, and each fact's pack. */
  const packFacts: number[] = [];
  const factPackNo: number[] = [];
  const factClock: number[] = [];
  /** term id → 1 + the last fact holding it, and 1 + the last holding it in a strong field. */
  const inFact: number[] = [];
  const strongInFact: number[] = [];
  const answerInFact: number[] = [];

  /** The fact's intents held by its answer's kind alone: they weigh nothing in term frequencies. */
  const kindOnly: number[] = [];
  /** What kind of thing each term's word gives in an answer (see `answerKinds.ts`), as read. */
  const termKinds: number[] = [];
  const kindOfWord = answerWordKinds(lexicon.language.answerWords);

  // One pass reads every fact: its phrasings, keywords and answer become term ids.
  const termsRead: number[] = [];
  /** The fact's term ids so far, without repeats. */
  const union: number[] = [];
  const hold = (f: number, id: number, strong: boolean) => {
    while (termDocs.length <= id) {
      termDocs.push(0);
      inFact.push(0);
      strongInFact.push(0);
      answerInFact.push(0);
      packEntryOf.push(-1);
    }
    if (strong) strongInFact[id] = f + 1;
    else answerInFact[id] = f + 1;
    if (inFact[id] === f + 1) return;
    inFact[id] = f + 1;
    union.push(id);
  };
  for (const [packNo, pack] of packs.entries()) {
    packFacts.push(0);
    reader.startPack();
    const packEntriesFrom = packEntryTerm.length;
    for (const fact of pack.facts) {
      if (factIndexById.has(fact.id)) continue;
      const f = facts.length;
      packFacts[packNo]! += 1;
      factPackNo.push(packNo);
      factIndexById.set(fact.id, f);
      facts.push({ fact, pack });
      union.length = 0;

      const authored = 1 + fact.alternates.length;
      for (const [k, text] of phrasingsOf(fact).entries()) {
        const from = phrasingTermItems.length;
        const { text: normalized, key } = reader.readPhrasing(
          text,
          f,
          phrasingTermItems,
          phrasingWordItems,
        );
        phrasingWordStart.push(phrasingWordItems.length);
        // A prompt names what a trivia question needs out of context (the topic, the setting):
        // its words are held as an answer's are, below the fact's own phrasings and keywords.
        for (let t = from; t < phrasingTermItems.length; t++)
          hold(f, phrasingTermItems[t]!, k < authored);
        phrasingTermStart.push(phrasingTermItems.length);
        phrasingFact.push(f);
        phrasingText.push(normalized);
        phrasingHash.push(key);
      }
      factPhrasingStart.push(phrasingFact.length);
      for (const keyword of fact.keywords) {
        termsRead.length = 0;
        reader.read(keyword, f, termsRead);
        for (const id of termsRead) hold(f, id, true);
      }
      termsRead.length = 0;
      reader.read(fact.answer, f, termsRead);
      for (const id of termsRead) hold(f, id, false);
      factClock.push(lexicon.language.answerWords.clock.test(fact.answer) ? 1 : 0);
      kindOnly.length = 0;
      let kinds = 0;
      for (const id of termsRead) {
        let kind = termKinds[id];
        if (kind === undefined) termKinds[id] = kind = kindOfWord(reader.termFirstWord[id]!);
        kinds |= kind;
      }
      for (const intent of intentsOfKinds(kinds)) {
        const id = reader.intentId(intent);
        if ((inFact[id] ?? 0) === f + 1) continue;
        hold(f, id, false);
        kindOnly.push(id);
      }

      sortSmall(union);
      for (const id of union) {
        if (!kindOnly.includes(id)) {
          termDocs[id]! += 1;
          const entry = packEntryOf[id]!;
          if (entry >= packEntriesFrom) packEntryDocs[entry]! += 1;
          else {
            packEntryOf[id] = packEntryTerm.length;
            packEntryTerm.push(id);
            packEntryPack.push(packNo);
            packEntryDocs.push(1);
            packEntryWord.push(reader.wordInPack(id));
          }
        }
        factTermItems.push(id);
        factTermWeightItems.push(
          fieldCode(
            strongInFact[id] === f + 1 ? 1 : RANKING.words.answerField,
            answerInFact[id] === f + 1,
          ),
        );
      }
      factTermStart.push(factTermItems.length);
      if (stepDue(f)) yield;
    }
  }
  yield;

  const wordFrequency = reader.wordFrequency();
  addSynonymWords(wordFrequency, packSynonyms);

  const documents = facts.length;
  const termCount = reader.termFirstWord.length;
  const termDigits = new Uint8Array(termCount);
  for (let id = 0; id < termCount; id++) {
    const word = reader.termFirstWord[id]!;
    if (NUMBER.test(word)) termDigits[id] = Math.min(255, word.replace('.', '').length);
  }
  const termWeight = new Float64Array(termCount);
  for (let id = 0; id < termCount; id++) {
    termWeight[id] = weightFor(
      lexicon,
      reader.termFirstWord[id]!,
      inverseFrequency(documents, termDocs[id] ?? 0),
    );
  }
  // Each term's weight within each pack holding it, grouped by term (in pack order).
  const termPackStart = new Int32Array(termCount + 1);
  for (const id of packEntryTerm) termPackStart[id + 1]! += 1;
  for (let id = 0; id < termCount; id++) termPackStart[id + 1]! += termPackStart[id]!;
  const termPackItems = new Int32Array(packEntryTerm.length);
  const termPackWeight = new Float64Array(packEntryTerm.length);
  const entryWeight = new Float64Array(packEntryTerm.length);
  const filled = termPackStart.slice(0, termCount);
  packEntryTerm.forEach((id, entry) => {
    const at = filled[id]!++;
    const pack = packEntryPack[entry]!;
    termPackItems[at] = pack;
    termPackWeight[at] = entryWeight[entry] = weightFor(
      lexicon,
      packEntryWord[entry]!,
      inverseFrequency(packFacts[pack]!, packEntryDocs[entry]!),
    );
  });
  const termPacks: PackedLists = { start: termPackStart, items: termPackItems };

  yield;
  const phrasingCount = phrasingFact.length;
  const phrasingTerms: PackedLists = {
    start: Int32Array.from(phrasingTermStart),
    items: Int32Array.from(phrasingTermItems),
  };
  // A phrasing's mass is weighed in its own pack. Facts, and so phrasings, come pack by pack,
  // and so do the pack entries: each pack's weights are spread out once, read, and cleared.
  const phrasingMass = new Float64Array(phrasingCount);
  const inPack = new Float64Array(termCount);
  let entry = 0;
  let p = 0;
  for (let pack = 0; pack < packs.length; pack++) {
    const entriesFrom = entry;
    for (; entry < packEntryTerm.length && packEntryPack[entry] === pack; entry++) {
      inPack[packEntryTerm[entry]!] = entryWeight[entry]!;
    }
    for (; p < phrasingCount && factPackNo[phrasingFact[p]!] === pack; p++) {
      let mass = 0;
      for (let k = phrasingTerms.start[p]!; k < phrasingTerms.start[p + 1]!; k++) {
        mass += inPack[phrasingTerms.items[k]!]!;
      }
      phrasingMass[p] = mass;
    }
    for (let e = entriesFrom; e < entry; e++) inPack[packEntryTerm[e]!] = 0;
  }
  const factTerms: PackedLists = {
    start: Int32Array.from(factTermStart),
    items: Int32Array.from(factTermItems),
  };
  const factTermWeights = Uint16Array.from(factTermWeightItems);
  const factInversion = invert(factTerms, termCount);
  const factPostingWeights = new Uint16Array(factInversion.from.length);
  for (let j = 0; j < factPostingWeights.length; j++) {
    factPostingWeights[j] = factTermWeights[factInversion.from[j]!]!;
  }

  yield;
  const hashes = Uint32Array.from(phrasingHash);
  const exactPhrasings = orderByKey(hashes);
  const exactHashes = new Uint32Array(exactPhrasings.length);
  for (let k = 0; k < exactHashes.length; k++) exactHashes[k] = hashes[exactPhrasings[k]!]!;

  yield;
  const ranks = reader.wordRanks();
  const wordPlaces = new Int32Array(phrasingWordItems.length);
  for (let k = 0; k < wordPlaces.length; k++) wordPlaces[k] = ranks[phrasingWordItems[k]!]!;
  const byText = orderByLists({ start: Int32Array.from(phrasingWordStart), items: wordPlaces });
  yield;
  const vocabulary = [...wordFrequency.keys()].filter((w) => !lexicon.isFunctionWord(w)).sort();
  // The speller also knows the built-in thesaurus, so none of its words is "corrected" into a
  // pack word before the thesaurus reads it ("factories" is industry, not the pack's "factors").
  // Completion and the look-up by meaning keep to the packs' own words.
  const known = new Map(wordFrequency);
  addSynonymWords(known, thesaurus);
  yield;
  const termIds = reader.termIds;
  const phrasingPostings = invert(phrasingTerms, termCount).inverted;
  yield;
  /** The terms one word stands for, read through the synonyms as pack text is. */
  const termsOf = (word: string): string[] =>
    applySynonyms([word], synonyms).flatMap((w) =>
      lexicon.isFunctionWord(w) ? [] : [lexicon.stem(w)],
    );
  const vocabularyTerms: number[][] = [];
  for (const word of vocabulary) {
    vocabularyTerms.push(
      termsOf(word).flatMap((term) => {
        const id = termIds.get(term);
        return id === undefined ? [] : [id];
      }),
    );
    if (stepDue(vocabularyTerms.length)) yield;
  }

  const opposites = new Map<string, string>();
  for (const [one, other] of lexicon.language.opposites) {
    const [a, ...restA] = termsOf(one);
    const [b, ...restB] = termsOf(other);
    if (a === undefined || b === undefined || restA.length + restB.length > 0 || a === b) continue;
    opposites.set(a, b);
    opposites.set(b, a);
  }

  const titleTerms: number[][] = [];
  const titleHeads: number[][] = [];
  const anyTitleTerm = new Set<number>();
  const factPack = Int32Array.from(factPackNo);
  for (const pack of packs) {
    const own: number[] = [];
    for (const word of applySynonyms(wordsOf(pack.title), synonyms)) {
      if (lexicon.isFunctionWord(word)) continue;
      const id = termIds.get(lexicon.stem(word));
      if (id === undefined || (termDocs[id] ?? 0) === 0 || own.includes(id)) continue;
      own.push(id);
      anyTitleTerm.add(id);
    }
    titleTerms.push(own);
    const heads: number[] = [];
    for (const part of pack.title.split(TITLE_PARTS)) {
      const words = applySynonyms(wordsOf(part), synonyms);
      let at = words.findIndex((word) => !lexicon.isFunctionWord(word));
      if (at < 0) continue;
      while (at + 1 < words.length && !lexicon.isFunctionWord(words[at + 1]!)) at++;
      const id = termIds.get(lexicon.stem(words[at]!));
      if (id === undefined || termDigits[id]! > 0 || (termDocs[id] ?? 0) === 0) continue;
      if (!heads.includes(id)) heads.push(id);
      anyTitleTerm.add(id);
    }
    titleHeads.push(heads);
  }

  return {
    lexicon,
    packs,
    facts,
    factIndexById,
    factPhrasingStart: Int32Array.from(factPhrasingStart),
    phrasingCount,
    phrasingFact: Int32Array.from(phrasingFact),
    phrasingTerms,
    phrasingMass,
    phrasingText,
    synonyms,
    speller: speller(
      known,
      lexicon,
      synonyms,
      vocabulary,
      wordFrequency,
      facts,
      packSynonyms,
      packs.map((pack) => pack.title),
    ),
    termIds,
    termDigits,
    opposites,
    titleTerms,
    titleHeads,
    anyTitleTerm,
    factPack,
    factClock: Uint8Array.from(factClock),
    termWeight,
    unknownWeight: inverseFrequency(Math.max(documents, 1), 1),
    termPacks,
    termPackWeight,
    packFacts: Int32Array.from(packFacts),
    phrasingPostings,
    factPostings: factInversion.inverted,
    factPostingWeights,
    factTerms,
    factTermWeights,
    exactHashes,
    exactPhrasings,
    byText,
    vocabulary,
    vocabularyTerms,
  };
}
