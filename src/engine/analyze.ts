import { RANKING } from './config.js';
import type { Lexicon } from './lexicon.js';
import { FNV_OFFSET, fnvStep, hashRange, wordsOf } from './normalize.js';
import type { SpellIndex } from './spell.js';

/**
 * A synonym table: each variant phrase (as words) is rewritten to its canonical phrase, in
 * questions and facts alike, so "ussr" and "soviet union" meet.
 */
export interface SynonymTable {
  /** Variant phrase joined by spaces → canonical words. */
  readonly phrases: ReadonlyMap<string, readonly string[]>;
  /** The longest variant, in words: how far ahead a rewrite has to look. */
  readonly longest: number;
  /** For each first word, the lengths (in words) of the variants starting with it, longest first. */
  readonly spans: ReadonlyMap<string, readonly number[]>;
  /** Every pair of neighbouring words in a phrase of the table ("steel mills"). */
  readonly bigrams: ReadonlySet<string>;
}

function bigramsOf(phrases: ReadonlyMap<string, readonly string[]>): Set<string> {
  const bigrams = new Set<string>();
  const add = (words: readonly string[]) => {
    for (let i = 1; i < words.length; i++) bigrams.add(`${words[i - 1]} ${words[i]}`);
  };
  for (const [key, target] of phrases) {
    add(key.split(' '));
    add(target);
  }
  return bigrams;
}

function spansOf(phrases: ReadonlyMap<string, readonly string[]>): Map<string, number[]> {
  const spans = new Map<string, number[]>();
  for (const key of phrases.keys()) {
    const words = key.split(' ');
    const list = spans.get(words[0]!) ?? [];
    if (!list.includes(words.length)) list.push(words.length);
    spans.set(words[0]!, list);
  }
  for (const list of spans.values()) list.sort((a, b) => b - a);
  return spans;
}

/**
 * Builds the table from a pack's `synonyms` (canonical → variants). A one-word variant that is a
 * function word ("us" for "united states") is skipped: it would turn "tell us" into a country.
 */
export function buildSynonymTable(
  synonyms: Iterable<readonly [string, readonly string[]]>,
  lexicon: Lexicon,
): SynonymTable {
  const phrases = new Map<string, readonly string[]>();
  let longest = 0;
  // Packs of one syllabus repeat each other's synonyms: each phrase is read once.
  const read = new Map<string, { words: string[]; key: string }>();
  const readPhrase = (text: string) => {
    let phrase = read.get(text);
    if (!phrase) {
      const words = wordsOf(text);
      read.set(text, (phrase = { words, key: words.join(' ') }));
    }
    return phrase;
  };
  for (const [canonical, variants] of synonyms) {
    const { words: target, key: canonicalKey } = readPhrase(canonical);
    if (target.length === 0) continue;
    // The canonical phrase maps to itself, so that "soviet union" is consumed whole and never
    // read as the variant "soviet" followed by a stray "union".
    if (!phrases.has(canonicalKey)) {
      phrases.set(canonicalKey, target);
      longest = Math.max(longest, target.length);
    }
    for (const variant of variants) {
      const { words, key } = readPhrase(variant);
      if (words.length === 0) continue;
      if (words.length === 1 && lexicon.isFunctionWord(words[0]!)) continue;
      if (phrases.has(key)) continue;
      phrases.set(key, target);
      longest = Math.max(longest, words.length);
    }
  }
  return { phrases, longest, spans: spansOf(phrases), bigrams: bigramsOf(phrases) };
}

/** Rewrites variant phrases to their canonical words, longest match first, left to right. */
export function applySynonyms(words: readonly string[], table: SynonymTable): string[] {
  if (table.longest === 0) return [...words];
  const out: string[] = [];
  let i = 0;
  while (i < words.length) i = rewriteAt(words, i, table, out);
  return out;
}

/**
 * One step of {@link applySynonyms}: appends to `out` what the words from `words[i]` on read as
 * (a variant phrase's canonical words, or the word itself) and returns where the next step starts.
 */
export function rewriteAt(
  words: readonly string[],
  i: number,
  table: SynonymTable,
  out: string[],
): number {
  for (const span of table.spans.get(words[i]!) ?? []) {
    if (i + span > words.length) continue;
    const target = table.phrases.get(span === 1 ? words[i]! : words.slice(i, i + span).join(' '));
    if (target) {
      out.push(...target);
      return i + span;
    }
  }
  // A plural or a possessive written without its apostrophe ("zabs") still finds "zab".
  const word = words[i]!;
  const singular =
    word.length > 3 && word.endsWith('s') ? table.phrases.get(word.slice(0, -1)) : undefined;
  if (singular) out.push(...singular);
  else out.push(word);
  return i + 1;
}

/**
 * True when {@link applySynonyms} may rewrite text at this word: a variant phrase starts with it,
 * or it is the plural of one. Text none of whose words may be rewritten comes out unchanged.
 */
export function mayRewrite(word: string, table: SynonymTable): boolean {
  if (table.longest === 0) return false;
  if (table.spans.has(word)) return true;
  return word.length > 3 && word.endsWith('s') && table.phrases.has(word.slice(0, -1));
}

/**
 * The exact-match key of a phrasing (its words after synonyms) as a number instead of a string
 * of forty-odd characters: each word's hash folded in turn. Index building folds hashes its
 * reader keeps per word, so a phrasing's key costs a step per word, not per character.
 */
export function hashWords(words: readonly string[]): number {
  let key = FNV_OFFSET;
  for (const word of words) key = fnvStep(key, hashRange(word, 0, word.length));
  return key >>> 0;
}

/** True for the pseudo-terms {@link intentsOf} produces. */
export const isIntent = (term: string): boolean => term.startsWith('_');

/** One analysed piece of text. */
export interface Analysis {
  /** The words after typo correction and synonyms, function words kept: the exact-match key. */
  readonly words: readonly string[];
  /** The intents, then the stems of the content words, in order, without repeats. */
  readonly terms: readonly string[];
  /** For each term, the word it came from (the intent itself for intents). */
  readonly termWords: readonly string[];
  /** Words that were corrected, original → correction. */
  readonly corrections: ReadonlyMap<string, string>;
  /**
   * Terms standing in for a question word of similar meaning (see `approximate` in semantic.ts),
   * with the similarity they count for; a term not listed counts in full.
   */
  readonly similarity?: ReadonlyMap<string, number>;
  /**
   * Terms read by inference rather than as typed: the correction of a real English word
   * ("munich" as the pack's "munch", see `knownWord` in RANKING.spelling) and the neighbour by meaning of a
   * word no pack uses. They score like any term but never explain a telling word of the
   * question (see `complete` in score.ts): a fact far ahead of a weak field only on such a
   * reading is not answered. Absent when there are none.
   */
  readonly guessed?: ReadonlySet<string>;
  /**
   * Terms only of what comes before the question in a message ("ok so i'm studying for my exam
   * and i need to know when…", see {@link clauseStarts}): they count when a fact holds them and
   * cost nothing when none does. Absent when there are none.
   */
  readonly optional?: ReadonlySet<string>;
  /**
   * Terms of words right after a definite word ("the crisis"): they may name something already
   * known, such as a pack's topic (see `titleHeads` in the index). Absent when there are none.
   */
  readonly definite?: ReadonlySet<string>;
  /**
   * Terms of words that only name what an intent asks for ("year" in "what year", "time" in
   * "what time"): optional, and no subject of their own. "what year is it" names nothing to
   * look up. Absent when there are none.
   */
  readonly intentNames?: ReadonlySet<string>;
}

/**
 * Turns text into matchable terms: normalise, correct typos against the vocabulary (when a
 * speller is given), apply synonyms, drop function words, stem. Facts are analysed without a
 * speller; questions with one.
 */
export function analyze(
  text: string,
  lexicon: Lexicon,
  synonyms: SynonymTable,
  speller?: SpellIndex,
  choose?: ChooseCorrection,
): Analysis {
  const words = wordsOf(text);
  return analyzeWords(
    words,
    lexicon,
    synonyms,
    speller,
    choose,
    speller && clauseStarts(text, words, lexicon),
  );
}

/** Punctuation that ends a clause when a space or the end follows ("hey, why…"; not "36.2"). */
const CLAUSE_END = /[.!?;:,]+(?=\s|$)/;

/**
 * Where, in `words` (the words of `text`), a question may start after something else: the first
 * word after a clause's end ("hey almanac, quick question: why did…") and a question word after
 * a lead-in ("i need to know when…"). A chat message often opens with a greeting or a reason
 * before its question; the intents are read at each such start as at the first word. Empty when
 * the clauses cannot be told apart from the words (the text folds differently in pieces).
 */
export function clauseStarts(text: string, words: readonly string[], lexicon: Lexicon): number[] {
  const starts: number[] = [];
  const pieces = text.split(CLAUSE_END);
  if (pieces.length > 1) {
    let at = 0;
    for (const piece of pieces) {
      const count = wordsOf(piece).length;
      at += count;
      if (count > 0 && at < words.length) starts.push(at);
    }
    if (at !== words.length) starts.length = 0;
  }
  for (let i = 1; i < words.length; i++) {
    if (lexicon.isLeadIn(words[i - 1]!) && lexicon.mayAsk(words[i]!) && !starts.includes(i)) {
      starts.push(i);
    }
  }
  return starts;
}

/**
 * Picks among equally close corrections of one word (most frequent first), given the question's
 * words, those with a single correction already read as it: "ptel" is "patel" beside "wildly"
 * when a fact speaks of both, though "peel" is commoner.
 */
export type ChooseCorrection = (candidates: readonly string[], words: readonly string[]) => string;

/**
 * Corrects a question's words against the packs' vocabulary: `corrected` has each word as read,
 * `corrections` maps each corrected word to its correction, and `guessedWords` holds the
 * corrections of real words (see `knownWord` in RANKING.spelling).
 */
function correctWords(
  raw: readonly string[],
  lexicon: Lexicon,
  synonyms: SynonymTable,
  speller: SpellIndex,
  choose: ChooseCorrection | undefined,
): { corrected: string[]; corrections: Map<string, string>; guessedWords: Set<string> } {
  const { commonWord, knownWord } = RANKING.spelling;
  const corrections = new Map<string, string>();
  const guessedWords = new Set<string>();
  /** Each word's corrections, for the words that need one. */
  const options = raw.map((word) =>
    lexicon.isFunctionWord(word) || speller.has(word) ? undefined : speller.candidates(word),
  );
  // The question as far as it is sure, to choose among close corrections by: a word with one
  // correction, not a common word, is read as it ("ermission ebtcha": the "betcha" beside it
  // tells "remission").
  const context = raw.map((word, i) =>
    options[i]?.length === 1 && lexicon.count(word) < commonWord ? options[i][0]! : word,
  );
  const corrected = raw.map((word, i) => {
    const candidates = options[i];
    if (candidates === undefined) return word;
    const count = lexicon.count(word);
    if (candidates.length === 0) {
      // No typo of a pack word: perhaps a shortening of one ("cm", "rltns", "astro"), unless
      // the language has the word itself. Read so, it is a guess.
      const expansion = count < knownWord ? speller.expand?.(word) : undefined;
      if (expansion === undefined) return word;
      corrections.set(word, expansion);
      for (const part of expansion.split(' ')) guessedWords.add(part);
      return expansion;
    }
    const fix = choose && candidates.length > 1 ? choose(candidates, context) : candidates[0];
    if (fix === undefined) return word;
    // A common word is taken as meant unless its correction completes a phrase the synonym
    // tables name with the word beside it: "steal mills" is "steel mills".
    const completesPhrase =
      synonyms.bigrams.has(`${raw[i - 1]} ${fix}`) || synonyms.bigrams.has(`${fix} ${raw[i + 1]}`);
    if (!completesPhrase) {
      if (count >= commonWord) return word;
      if (count >= knownWord) {
        if (candidates.length > 1) return word;
        guessedWords.add(fix);
      }
    }
    corrections.set(word, fix);
    return fix;
  });
  return { corrected, corrections, guessedWords };
}

/** {@link analyze} for text already normalised and split into words. */
export function analyzeWords(
  tokens: readonly string[],
  lexicon: Lexicon,
  synonyms: SynonymTable,
  speller?: SpellIndex,
  choose?: ChooseCorrection,
  clauses: readonly number[] = [],
): Analysis {
  const raw = tokens.map((word) => lexicon.shorthand(word) ?? word);
  const { corrected, corrections, guessedWords } = speller
    ? correctWords(raw, lexicon, synonyms, speller, choose)
    : { corrected: raw, corrections: new Map<string, string>(), guessedWords: new Set<string>() };
  // A shortening may stand for a phrase: its words are read in its place.
  const readAs = (ws: readonly string[]) =>
    ws.flatMap((w) => (w.includes(' ') ? w.split(' ') : [lexicon.language.numberForm(w)]));
  const words = applySynonyms(readAs(corrected), synonyms);
  const terms: string[] = [...lexicon.intentsOf(words)];
  /** Where the question itself starts: the last clause opening with a question word. */
  let question = 0;
  let questionWords: readonly string[] = words;
  for (const start of clauses) {
    const clause = applySynonyms(readAs(corrected.slice(start)), synonyms);
    for (const intent of lexicon.intentsOf(clause)) if (!terms.includes(intent)) terms.push(intent);
    if (lexicon.mayAsk(clause[0]!)) {
      question = start;
      questionWords = clause;
    }
  }
  const order = lexicon.intentOrder;
  if (clauses.length > 0) terms.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  // The terms of the question itself; the rest, before it, are optional (when it has any).
  const asked = new Set<string>();
  if (question > 0) {
    for (const word of questionWords) {
      if (!lexicon.isFunctionWord(word)) asked.add(lexicon.stem(word));
    }
  }
  // A clause after the question about the asker ("…? i keep mixing them up") asks nothing: its
  // terms are optional, unless the question itself has them.
  const aside = new Set<string>();
  const after = [...clauses].sort((a, b) => a - b).filter((start) => start > question);
  const asideAt = after.findIndex((start) => lexicon.isAsker(corrected[start]!));
  if (asideAt >= 0) {
    const from = after[asideAt]!;
    const head = applySynonyms(readAs(corrected.slice(question, from)), synonyms);
    const own = new Set(head.filter((w) => !lexicon.isFunctionWord(w)).map(lexicon.stem));
    for (const word of applySynonyms(readAs(corrected.slice(from)), synonyms)) {
      const term = lexicon.stem(word);
      if (!lexicon.isFunctionWord(word) && !own.has(term)) aside.add(term);
    }
  }
  const termWords: string[] = [...terms];
  const seen = new Set<string>(terms);
  const guessed = new Set<string>();
  const optional = new Set<string>();
  const definite = new Set<string>();
  const intentNames = new Set<string>();
  // What a question says is not so ("without giving off oxygen", "instead of chlorophyll")
  // names what it does not ask about: those words count when a fact holds them, and cost
  // nothing when none does, in a speller's questions only.
  let negated = 0;
  for (const [at, word] of words.entries()) {
    if (speller && lexicon.isNegator(word)) {
      negated = lexicon.negationReach;
      continue;
    }
    if (lexicon.isFunctionWord(word)) continue;
    const term = lexicon.stem(word);
    if (at > 0 && lexicon.isDefinite(words[at - 1]!)) definite.add(term);
    const denied = negated > 0;
    if (negated > 0) negated -= 1;
    if (seen.has(term)) continue;
    seen.add(term);
    terms.push(term);
    termWords.push(word);
    if (guessedWords.has(word)) guessed.add(term);
    if ((asked.size > 0 && !asked.has(term)) || denied || aside.has(term)) optional.add(term);
    // "what date did he land": the date is what the intent asks for, not a topic a fact
    // must name; a fact that does name it gains.
    if (speller && lexicon.namesIntent(words, at)) {
      optional.add(term);
      intentNames.add(term);
    }
  }
  /** Drops the terms `unwanted` names, with their words. */
  const drop = (unwanted: (term: string, word: string) => boolean) => {
    for (let i = terms.length - 1; i >= 0; i--) {
      if (!unwanted(terms[i]!, termWords[i]!)) continue;
      terms.splice(i, 1);
      termWords.splice(i, 1);
    }
  };
  /** Adds the term of a profile word the question's shape asks for, unless it is there. */
  const ask = (word: string) => {
    const term = lexicon.stem(word);
    if (seen.has(term)) return;
    seen.add(term);
    terms.push(term);
    termWords.push(word);
  };
  // "who was kosygin" asks who he was: a fact about his role answers it best, though none of
  // its phrasings asks "who"; the person is named, not asked for. The identity term is an
  // everyday word in the profile: a fact need not hold it.
  if (speller && lexicon.asksWhoSomeoneIs(words)) {
    drop((term) => term === '_who');
    ask(lexicon.identityTerm);
  }
  // "where does the energy come from" asks for its origin, which a fact gives in words like
  // "source", not for a place: the origin takes the place of the intent and of the verb.
  if (speller && lexicon.asksWhereFrom(words)) {
    drop((term, word) => term === '_where' || lexicon.isOriginVerb(word));
    ask(lexicon.originTerm);
  }
  // "how did the talks go" asks how they turned out: the question also asks for an outcome.
  if (speller && lexicon.asksHowItWent(words)) ask(lexicon.outcomeTerm);
  return {
    words,
    terms,
    termWords,
    corrections,
    ...(guessed.size > 0 ? { guessed } : {}),
    ...(optional.size > 0 ? { optional } : {}),
    ...(definite.size > 0 ? { definite } : {}),
    ...(intentNames.size > 0 ? { intentNames } : {}),
  };
}
