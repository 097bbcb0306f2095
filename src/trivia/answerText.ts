import { CHECK_CONFIG } from './checkConfig.js';
import {
  type Decimal,
  readDates,
  readDigits,
  readNumberWords,
  readNumericDate,
  scaleDecimal,
  SCALE_SUFFIXES,
  smallInteger,
} from './numbers.js';
import type { CheckLanguage } from './spelling.js';

/** A date as far as it was written: "March 1972" has no day, "2 March" no year. */
export interface PartialDate {
  readonly day?: number;
  readonly month?: number;
  readonly year?: number;
}

/**
 * One unit of an answer as the checker compares it: a word, an ordinal ("2nd", "second"), a
 * number with the figure written before its scale word (`mantissa`, 92.3 of "92.3 million"), a
 * date, a numeric date whose day and month may be either way round ("2/3/1972"), or a mark that
 * may separate the parts of an answer ("," ";" "&" "+" "/").
 */
export type Token =
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'ordinal'; readonly value: number }
  | {
      readonly kind: 'number';
      readonly value: Decimal;
      readonly mantissa: Decimal;
      readonly scaled: boolean;
    }
  | { readonly kind: 'date'; readonly date: PartialDate }
  | {
      readonly kind: 'ambiguousDate';
      readonly readings: readonly PartialDate[];
      /** The date as written, "2/3/1972": the same writing is the same date. */
      readonly written: string;
    }
  | { readonly kind: 'mark'; readonly mark: string };

/** Letters that Unicode decomposition leaves whole but readers take for plain ones. */
const PLAIN_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};

/**
 * The text as compared: trimmed, cut to {@link CHECK_CONFIG.maxTextChars} (never inside a
 * surrogate pair), lower case, compatibility forms folded (full-width digits are digits),
 * diacritics and invisible format characters (soft hyphens, zero-width spaces) removed ("Alí" is
 * "ali") and a few whole letters spelt plainly ("ß" is "ss").
 */
export function foldText(text: string): string {
  let kept = text.trim();
  if (kept.length > CHECK_CONFIG.maxTextChars) {
    kept = kept.slice(0, CHECK_CONFIG.maxTextChars);
    const last = kept.charCodeAt(kept.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) kept = kept.slice(0, -1);
  }
  return kept
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}]+/gu, '')
    .replace(/[ßæœøłđðþıħ]/gu, (letter) => PLAIN_LETTERS[letter] ?? letter);
}

/**
 * The pieces of folded text, in order: a numeric date (its three parts and one repeated
 * separator, "2/3/1972", "1972-03-02"); a number with its grouping and decimal marks and an
 * attached suffix, ordinal ("2nd") or scale ("92.3m"), when no letter follows the suffix; a word,
 * apostrophes inside it kept for now; a mark. Anything else (spaces, other punctuation, emoji,
 * control characters) separates pieces. Hyphens separate words, so "ninety-two" is two words.
 */
const PIECE =
  /(?<first>\d{1,4})(?<sep>[./-])(?<second>\d{1,2})\k<sep>(?<third>\d{1,4})(?!\d)|(?<number>\d+(?:[.,]\d+)*)(?:(?<suffix>st|nd|rd|th|mn|bn|k|m)(?![\p{L}\p{N}]))?|(?<word>\p{L}+(?:['’ʼ]\p{L}+)*)|(?<mark>[,;&+/])/gu;

const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);

function wordToken(written: string): Token {
  // "bhutto's" is bhutto; "o'brien" is obrien.
  return { kind: 'word', text: written.replace(/['’ʼ]s$/u, '').replace(/['’ʼ]/gu, '') };
}

function numberTokens(written: string, suffix: string | undefined): Token[] {
  const values = readDigits(written);
  const only = values.length === 1 ? values[0] : undefined;
  if (only && suffix !== undefined) {
    const power = SCALE_SUFFIXES.get(suffix);
    if (power !== undefined) {
      return [{ kind: 'number', value: scaleDecimal(only, power), mantissa: only, scaled: true }];
    }
    const ordinal = smallInteger(only);
    if (ORDINAL_SUFFIXES.has(suffix) && ordinal !== undefined) {
      return [{ kind: 'ordinal', value: ordinal }];
    }
  }
  return values.map((value) => ({ kind: 'number', value, mantissa: value, scaled: false }));
}

/** Single letters joined by dots are one word: "u.s.s.r." is "ussr", "u.s." is "us". */
const DOTTED_LETTERS = /(?<![\p{L}\p{N}.])\p{L}(?:\.\p{L})+\.?(?![\p{L}\p{N}])/gu;

function lex(folded: string): Token[] {
  const tokens: Token[] = [];
  const undotted = folded.replace(DOTTED_LETTERS, (letters) => letters.replaceAll('.', ''));
  for (const match of undotted.matchAll(PIECE)) {
    const { first, second, third, number, suffix, word, mark } = match.groups ?? {};
    if (first !== undefined && second !== undefined && third !== undefined) {
      tokens.push(...readNumericDate(first, second, third));
    } else if (number !== undefined) {
      tokens.push(...numberTokens(number, suffix));
    } else if (word !== undefined) {
      tokens.push(wordToken(word));
    } else if (mark !== undefined) {
      tokens.push({ kind: 'mark', mark });
    }
  }
  return tokens;
}

/**
 * Reads an answer, or a player's answer, into tokens: folded ({@link foldText}), cut into
 * pieces, number words read as numbers ("ninety-two point three", "nineteen seventy-two") and
 * dates recognised in any usual order ("2 March 1972", "March 2nd, 1972", "the second of March
 * 1972"). Both sides of a comparison are read by this one function, so a text always reads as
 * itself.
 */
export function readAnswerText(text: string, language: CheckLanguage): Token[] {
  return readDates(readNumberWords(lex(foldText(text)), language), language);
}
