import type { AnswerWords, Intent } from './language.js';

/**
 * What kind of thing an answer gives, from its words: a time when it names a year, a month, a
 * weekday, a century or a length of time ("eight days"); an amount when it names a number that
 * is no year and no day of a month it names, or a word of amount ("hundred", "percent"). "When
 * did Wegener publish it" may be answered by the fact on who proposed continental drift, whose
 * answer gives the year. Each word's kind is a few bits, so a text's kind is their union.
 */

const TIME = 1;
const MONTH = 2;
const UNIT = 4;
const AMOUNT = 8;
const YEAR = 16;
/** A number up to 31: a day beside a month, an amount otherwise. */
const SMALL = 32;

const DIGITS = /^\d+(?:\.\d+)?$/;
/** A year from 1000 to 2099, or its decade ("1960s"). */
const YEAR_FORM = /^(?:1\d{3}|20\d{2})s?$/;

/** A word classifier for one language's {@link AnswerWords}. */
export function answerWordKinds(words: AnswerWords): (word: string) => number {
  const kinds = new Map<string, number>();
  const mark = (list: readonly string[], bit: number) => {
    for (const word of list) kinds.set(word, (kinds.get(word) ?? 0) | bit);
  };
  mark(words.times, TIME);
  mark(words.months, MONTH);
  mark(words.units, UNIT);
  mark(words.amounts, AMOUNT);
  return (word) => {
    if (YEAR_FORM.test(word)) return YEAR;
    if (DIGITS.test(word)) return Number(word) <= 31 ? SMALL : AMOUNT;
    return kinds.get(word) ?? 0;
  };
}

/** The intents a text gives, from the union of its words' kinds. */
export function intentsOfKinds(kinds: number): Intent[] {
  const intents: Intent[] = [];
  const counted = (kinds & (AMOUNT | SMALL)) !== 0;
  if ((kinds & (TIME | MONTH | YEAR)) !== 0 || ((kinds & UNIT) !== 0 && counted)) {
    intents.push('_when');
  }
  if ((kinds & AMOUNT) !== 0 || ((kinds & SMALL) !== 0 && (kinds & MONTH) === 0)) {
    intents.push('_amount');
  }
  return intents;
}
