import type { AnswerWords } from '../../language.js';

/** The months: "may" and "march" are left out, as words they are more often no month. */
const MONTHS = [
  ...['january', 'february', 'april', 'june', 'july', 'august', 'september', 'october'],
  ...['november', 'december'],
];

/** The English words by which an answer gives a time or an amount (see {@link AnswerWords}). */
export const ANSWER_WORDS: AnswerWords = Object.freeze({
  times: [
    ...['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
    ...['century', 'centuries', 'ago', 'bc', 'bce'],
  ],
  months: MONTHS,
  units: [
    ...['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week'],
    ...['weeks', 'month', 'months', 'year', 'years', 'decade', 'decades'],
  ],
  amounts: [
    ...['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven'],
    ...['twelve', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'],
    ...['hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion'],
    ...['billions', 'dozen', 'dozens', 'percent', 'half', 'double', 'doubled', 'tripled'],
    ...['twice', 'thrice'],
  ],
  clock:
    /\b(?:\d{1,2}:\d{2}|\d{1,2} ?[ap]\.?m\b\.?|o'?clock|noon|midday|midnight|dawn|dusk|sunrise|sunset|(?:in the|that|this|early|late) (?:morning|afternoon|evening)|at night|overnight)/i,
});
