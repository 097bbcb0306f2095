import { stemmer } from 'stemmer';
import { normalizeText, tokenize } from './normalize.js';
import type { SpellIndex } from './spell.js';
import { IRREGULAR_FORMS, STOPWORDS } from './stopwords.js';

/**
 * A synonym table: each variant phrase (as words) is rewritten to its canonical phrase, in
 * questions and facts alike, so "ussr" and "soviet union" meet.
 */
export interface SynonymTable {
  /** Variant phrase joined by spaces → canonical words. */
  readonly phrases: ReadonlyMap<string, readonly string[]>;
  /** The longest variant, in words: how far ahead a rewrite has to look. */
  readonly longest: number;
}

export const EMPTY_SYNONYMS: SynonymTable = { phrases: new Map(), longest: 0 };

/**
 * Builds the table from a pack's `synonyms` (canonical → variants). A one-word variant that is a
 * function word ("us" for "united states") is skipped: it would turn "tell us" into a country.
 */
export function buildSynonymTable(
  synonyms: Iterable<readonly [string, readonly string[]]>,
): SynonymTable {
  const phrases = new Map<string, readonly string[]>();
  let longest = 0;
  for (const [canonical, variants] of synonyms) {
    const target = tokenize(normalizeText(canonical));
    if (target.length === 0) continue;
    // The canonical phrase maps to itself, so that "soviet union" is consumed whole and never
    // read as the variant "soviet" followed by a stray "union".
    const canonicalKey = target.join(' ');
    if (!phrases.has(canonicalKey)) {
      phrases.set(canonicalKey, target);
      longest = Math.max(longest, target.length);
    }
    for (const variant of variants) {
      const words = tokenize(normalizeText(variant));
      if (words.length === 0) continue;
      if (words.length === 1 && STOPWORDS.has(words[0]!)) continue;
      const key = words.join(' ');
      if (phrases.has(key)) continue;
      phrases.set(key, target);
      longest = Math.max(longest, words.length);
    }
  }
  return { phrases, longest };
}

/** Rewrites variant phrases to their canonical words, longest match first, left to right. */
export function applySynonyms(words: readonly string[], table: SynonymTable): string[] {
  if (table.longest === 0) return [...words];
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (let span = Math.min(table.longest, words.length - i); span >= 1; span--) {
      const target = table.phrases.get(words.slice(i, i + span).join(' '));
      if (target) {
        out.push(...target);
        i += span;
        matched = true;
        break;
      }
    }
    if (!matched) out.push(words[i++]!);
  }
  return out;
}

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** The index form of one word: irregular forms folded, then the Porter stem. */
export function stemWord(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const stem = stemmer(IRREGULAR_FORMS.get(word) ?? word);
  if (stemCache.size < STEM_CACHE_LIMIT) stemCache.set(word, stem);
  return stem;
}

/** One analysed piece of text. */
export interface Analysis {
  /** The words after typo correction and synonyms, function words kept: the exact-match key. */
  readonly words: readonly string[];
  /** The stems of the content words, in order, without repeats. */
  readonly terms: readonly string[];
  /** Words that were corrected, original → correction. */
  readonly corrections: ReadonlyMap<string, string>;
}

/**
 * Turns text into matchable terms: normalise, correct typos against the vocabulary (when a
 * speller is given), apply synonyms, drop function words, stem. Facts are analysed without a
 * speller; questions with one.
 */
export function analyze(text: string, synonyms: SynonymTable, speller?: SpellIndex): Analysis {
  const raw = tokenize(normalizeText(text));
  const corrections = new Map<string, string>();
  const corrected = speller
    ? raw.map((word) => {
        if (STOPWORDS.has(word) || speller.has(word)) return word;
        const fix = speller.correct(word);
        if (fix === undefined) return word;
        corrections.set(word, fix);
        return fix;
      })
    : raw;
  const words = applySynonyms(corrected, synonyms);
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const word of words) {
    if (STOPWORDS.has(word)) continue;
    const term = stemWord(word);
    if (seen.has(term)) continue;
    seen.add(term);
    terms.push(term);
  }
  return { words, terms, corrections };
}
