import type { Intent } from '../../language.js';

/**
 * What kinds of thing an English answer gives, read from its folded text (lower case, words
 * separated by single spaces, as `normalizeText` makes it): a time when it names a year, a month,
 * a weekday, a century or a length of time; an amount when it names a number that is no year or
 * day of a month. "When did Wegener publish it" may be answered by the fact about who proposed
 * continental drift, whose answer gives the year. Every expression here is linear.
 */

const MONTHS = 'january|february|april|june|july|august|september|october|november|december';
/** "may" and "march" are months only beside a day's number ("4 march", "may 9"). */
const AMBIGUOUS_MONTHS = 'may|march';
const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const UNITS_OF_TIME = 'seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries';

/** A date: a day and its month, either way round. */
const DATE = new RegExp(
  `\\b(?:\\d{1,2} (?:${MONTHS}|${AMBIGUOUS_MONTHS})|(?:${MONTHS}|${AMBIGUOUS_MONTHS}) \\d{1,2})\\b`,
);
/** A year from 1000 to 2099, or its decade ("1960s"). */
const YEAR = /\b(?:1\d{3}|20\d{2})s?\b/;
const DATES = new RegExp(DATE.source, 'g');
const YEARS = new RegExp(YEAR.source, 'g');

const TIME = new RegExp(
  [
    `\\b(?:${MONTHS}|${WEEKDAYS})\\b`,
    '\\bcentur(?:y|ies)\\b',
    // "2.4 billion years ago", "three days later", "for eight days".
    `\\b(?:${UNITS_OF_TIME}) (?:ago|later|earlier|before|after|long)\\b`,
    `\\b(?:\\d+(?:\\.\\d+)?|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|few) (?:million |billion |thousand |hundred )?(?:${UNITS_OF_TIME})\\b`,
    '\\b\\d+ (?:bc|bce|ad|ce)\\b',
  ].join('|'),
);

const AMOUNT = new RegExp(
  [
    '\\b\\d+(?:\\.\\d+)?\\b',
    '\\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\\b',
    '\\b(?:sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?)\\b',
    '\\b(?:percent|half|double|doubled|tripled|twice|thrice)\\b',
  ].join('|'),
);

/** The intents an English answer can satisfy by what it gives: a time, an amount. */
export function answerIntents(folded: string): Intent[] {
  const intents: Intent[] = [];
  if (DATE.test(folded) || YEAR.test(folded) || TIME.test(folded)) intents.push('_when');
  // A day of a month and a year say when, not how much: only a number left without them counts.
  if (AMOUNT.test(folded.replace(DATES, ' ').replace(YEARS, ' '))) intents.push('_amount');
  return intents;
}
