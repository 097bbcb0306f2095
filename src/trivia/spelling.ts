import { CHECK_CONFIG } from './checkConfig.js';
import { editDistance } from './editDistance.js';

/**
 * What the answer checker knows of the players' language. It arrives as a parameter so that
 * `src/trivia` reads no file: the CLI, the bot and the tests build it from the engine's English
 * word frequencies.
 */
export interface CheckLanguage {
  /**
   * How many times everyday English uses `word` (lower case, diacritics removed); 0 when never.
   * It tells a real word ("india", "chair") from a misspelling ("kosigin"), and a rare name
   * ("kosygin") from an everyday word ("union").
   */
  readonly wordCount: (word: string) => number;
}

/**
 * How a given word stands to an answer's word: the `same` word (plural or singular included),
 * a `typo` within the allowance, a `near` miss one edit past it, or a `different` word.
 */
export type Spelling = 'same' | 'typo' | 'near' | 'different';

/** Edits tolerated in a word of `length` letters (see {@link CHECK_CONFIG}). */
export function typoAllowance(length: number): number {
  if (length >= CHECK_CONFIG.twoEditsFrom) return 2;
  if (length >= CHECK_CONFIG.oneEditFrom) return 1;
  return 0;
}

/** Whether `word` is a real English word, and therefore never a typo of another word. */
export function isRealWord(word: string, language: CheckLanguage): boolean {
  return language.wordCount(word) >= CHECK_CONFIG.realWordMinCount;
}

/**
 * "rubles" and "ruble" are one word: a plural `s` or `es` is not a different word, even though
 * the word list knows both forms. The stem must have four letters, so "bus" is not "bu".
 */
function isPluralOf(longer: string, shorter: string): boolean {
  if (shorter.length < 4 || !longer.startsWith(shorter)) return false;
  const ending = longer.slice(shorter.length);
  return ending === 's' || ending === 'es';
}

/**
 * Compares a given word with an answer's word. A given word that is itself a real word
 * (`givenIsRealWord`) is never a typo or a near miss of a different answer word: "india" is not
 * "china", "prussia" not "russia". Edits are allowed by the answer word's length.
 */
export function compareSpelling(given: string, answer: string, givenIsRealWord: boolean): Spelling {
  if (given === answer || isPluralOf(given, answer) || isPluralOf(answer, given)) return 'same';
  if (givenIsRealWord) return 'different';
  const length = Array.from(answer).length;
  const allowance = typoAllowance(length);
  const distance = editDistance(given, answer, allowance + 1);
  if (distance <= allowance) return 'typo';
  if (distance === allowance + 1 && length >= CHECK_CONFIG.nearMissFrom) return 'near';
  return 'different';
}

/**
 * Finds `word` in a small vocabulary (number words, month names), also when misspelt
 * ("ninty", "febuary"): a word of at least {@link CHECK_CONFIG.oneEditFrom} letters, not itself
 * a real word, within the typo allowance of exactly one entry's value. Ties are refused:
 * "sevent" could be seven, seventh or seventy.
 */
export function findInVocabulary<T>(
  word: string,
  vocabulary: ReadonlyMap<string, T>,
  language: CheckLanguage,
): T | undefined {
  const exact = vocabulary.get(word);
  if (exact !== undefined) return exact;
  if (word.length < CHECK_CONFIG.oneEditFrom || isRealWord(word, language)) return undefined;
  let best: T | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const [entry, value] of vocabulary) {
    const allowance = typoAllowance(entry.length);
    if (allowance === 0) continue;
    const distance = editDistance(word, entry, allowance);
    if (distance > allowance || distance > bestDistance) continue;
    if (distance < bestDistance) {
      best = value;
      bestDistance = distance;
      tied = false;
    } else if (value !== best) {
      tied = true;
    }
  }
  return tied ? undefined : best;
}
