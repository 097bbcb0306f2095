import type { PartialDate, Token } from './answerText.js';
import { CHECK_CONFIG } from './checkConfig.js';
import { type CheckLanguage, findInVocabulary } from './spelling.js';

/**
 * An exact decimal, `digits × 10^exponent`, kept with no trailing zeros in `digits` so that equal
 * values have equal fields: 92.3 million and 92,300,000 are both `923 × 10^5`. Numbers must be
 * equal, not near, and binary floating point would make 92.3 × 10^6 differ from 92,300,000.
 */
export interface Decimal {
  readonly digits: bigint;
  readonly exponent: number;
}

/** The decimal `digits × 10^exponent`, normalised. */
export function makeDecimal(digits: bigint, exponent: number): Decimal {
  if (digits === 0n) return { digits: 0n, exponent: 0 };
  let d = digits;
  let e = exponent;
  while (d % 10n === 0n) {
    d /= 10n;
    e += 1;
  }
  return { digits: d, exponent: e };
}

/** Whether two decimals are the same number. */
export function sameDecimal(a: Decimal, b: Decimal): boolean {
  return a.digits === b.digits && a.exponent === b.exponent;
}

/** `value × 10^power`. */
export function scaleDecimal(value: Decimal, power: number): Decimal {
  return makeDecimal(value.digits, value.exponent + power);
}

/**
 * Whether `a` and `b` are the same figure at a different scale, a factor of 1000 to the power
 * 1 to {@link CHECK_CONFIG.scaleSteps} apart: "92.3 thousand" for "92.3 million".
 */
export function differsByScale(a: Decimal, b: Decimal): boolean {
  const steps = (a.exponent - b.exponent) / 3;
  return (
    a.digits === b.digits &&
    a.digits !== 0n &&
    steps !== 0 &&
    Number.isInteger(steps) &&
    Math.abs(steps) <= CHECK_CONFIG.scaleSteps
  );
}

/** The value when it is a whole number up to 9,999 (a day, a month, a year), else undefined. */
export function smallInteger(value: Decimal): number | undefined {
  if (value.exponent < 0 || value.exponent > 4) return undefined;
  const whole = value.digits * 10n ** BigInt(value.exponent);
  return whole >= 0n && whole <= 9999n ? Number(whole) : undefined;
}

function fromParts(whole: string, fraction: string): Decimal {
  return makeDecimal(BigInt(`${whole}${fraction}`), -fraction.length);
}

/**
 * Reads digits with grouping and decimal marks, as English and most of Europe write them. A
 * mark followed by exactly three digits, repeated, groups thousands ("1,972", "92,300,000",
 * "92.300.000"); a single comma followed by one, two or four or more digits is a decimal comma
 * ("92,3" is 92.3, as most of Europe writes it: no English number groups one digit), and a single
 * dot is a decimal point ("1.500" is 1.5). With both marks, the last one is the decimal mark
 * ("92,300.5", "92.300,5"). Anything else is a list of numbers ("3,4,5").
 */
export function readDigits(written: string): Decimal[] {
  const groups = written.split(/[.,]/u);
  const marks = written.replace(/\d/gu, '');
  const first = groups[0] ?? '';
  const rest = groups.slice(1);
  const groupsThousands = (parts: readonly string[]) =>
    first.length <= 3 && parts.every((part) => part.length === 3);
  if (marks.length === 0) return [fromParts(written, '')];
  if (marks.length === 1) {
    if (marks === ',' && groupsThousands(rest)) return [fromParts(groups.join(''), '')];
    return [fromParts(first, rest[0] ?? '')];
  }
  if (new Set(marks).size === 1 && groupsThousands(rest)) return [fromParts(groups.join(''), '')];
  const decimalMark = marks.at(-1);
  const groupMarks = new Set(marks.slice(0, -1));
  if (
    groupMarks.size === 1 &&
    !groupMarks.has(decimalMark ?? '') &&
    groupsThousands(rest.slice(0, -1))
  ) {
    return [fromParts(groups.slice(0, -1).join(''), rest.at(-1) ?? '')];
  }
  return groups.filter((group) => group !== '').map((group) => fromParts(group, ''));
}

/** Scale suffixes written against digits ("92.3m", "5k", "3bn"), as powers of ten. */
export const SCALE_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['k', 3],
  ['m', 6],
  ['mn', 6],
  ['bn', 9],
]);

type NumberWord =
  | { readonly type: 'digit' | 'teen' | 'tens' | 'ordinal'; readonly value: number }
  | { readonly type: 'scale'; readonly power: number }
  | { readonly type: 'hundred' | 'point' };

const NUMBER_WORDS: ReadonlyMap<string, NumberWord> = new Map<string, NumberWord>([
  ...['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'].map(
    (word, value): [string, NumberWord] => [word, { type: 'digit', value }],
  ),
  ...[
    'ten',
    'eleven',
    'twelve',
    'thirteen',
    'fourteen',
    'fifteen',
    'sixteen',
    'seventeen',
    'eighteen',
    'nineteen',
  ].map((word, i): [string, NumberWord] => [word, { type: 'teen', value: 10 + i }]),
  ...['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map(
    (word, i): [string, NumberWord] => [word, { type: 'tens', value: 20 + 10 * i }],
  ),
  ...[
    'first',
    'second',
    'third',
    'fourth',
    'fifth',
    'sixth',
    'seventh',
    'eighth',
    'ninth',
    'tenth',
    'eleventh',
    'twelfth',
    'thirteenth',
    'fourteenth',
    'fifteenth',
    'sixteenth',
    'seventeenth',
    'eighteenth',
    'nineteenth',
  ].map((word, i): [string, NumberWord] => [word, { type: 'ordinal', value: 1 + i }]),
  ...[
    'twentieth',
    'thirtieth',
    'fortieth',
    'fiftieth',
    'sixtieth',
    'seventieth',
    'eightieth',
    'ninetieth',
  ].map((word, i): [string, NumberWord] => [word, { type: 'ordinal', value: 20 + 10 * i }]),
  // The two usual misspellings, each one edit from an ordinal too ("fourth", "ninth"), which
  // would otherwise leave them unread as a tie.
  ['fourty', { type: 'tens', value: 40 }],
  ['ninty', { type: 'tens', value: 90 }],
  ['hundred', { type: 'hundred' }],
  ['thousand', { type: 'scale', power: 3 }],
  ['million', { type: 'scale', power: 6 }],
  ['billion', { type: 'scale', power: 9 }],
  ['trillion', { type: 'scale', power: 12 }],
  ['point', { type: 'point' }],
]);

/** "oh" and "o" read as zero only inside a number: "nineteen oh five", "point oh five". */
const SPOKEN_ZERO = new Set(['oh', 'o']);

interface Read {
  readonly token: Token;
  readonly next: number;
}

interface Small {
  readonly value: number;
  readonly next: number;
  readonly ordinal: boolean;
  /** Said as two digits, 10 to 99 ("nineteen", "seventy-two"): half of a year as said. */
  readonly twoDigits: boolean;
}

/**
 * Reads number words as numbers, and digits followed by a scale word ("92.3 million"), over the
 * tokens of a text: cardinals up to the trillions ("two thousand and five", "a million"),
 * decimals ("ninety-two point three"), years said in pairs ("nineteen seventy-two",
 * "nineteen oh five", "twenty twenty") and ordinals ("second", "twenty-first"). Misspelt number
 * words are read when unmistakable ("ninty", "fourty"; see `findInVocabulary`).
 */
export function readNumberWords(tokens: readonly Token[], language: CheckLanguage): Token[] {
  const looked = new Map<number, NumberWord | undefined>();
  const textAt = (i: number): string | undefined => {
    const token = tokens[i];
    return token?.kind === 'word' ? token.text : undefined;
  };
  const wordAt = (i: number): NumberWord | undefined => {
    if (looked.has(i)) return looked.get(i);
    const text = textAt(i);
    const found = text === undefined ? undefined : findInVocabulary(text, NUMBER_WORDS, language);
    looked.set(i, found);
    return found;
  };

  /** One to 999, or an ordinal; `hundreds` false reads only below a hundred. */
  const readSmall = (j: number, hundreds: boolean): Small | undefined => {
    const word = wordAt(j);
    let value: number;
    let k = j + 1;
    if (textAt(j) === 'a' && hundreds && wordAt(j + 1)?.type === 'hundred') {
      value = 1;
      k = j + 1;
    } else if (word?.type === 'ordinal') {
      return { value: word.value, next: k, ordinal: true, twoDigits: false };
    } else if (word?.type === 'digit' || word?.type === 'teen') {
      value = word.value;
    } else if (word?.type === 'tens') {
      value = word.value;
      const unit = wordAt(k);
      if (unit?.type === 'digit' && unit.value > 0) {
        value += unit.value;
        k += 1;
      } else if (unit?.type === 'ordinal' && unit.value < 10) {
        return { value: value + unit.value, next: k + 1, ordinal: true, twoDigits: false };
      }
    } else {
      return undefined;
    }
    if (!hundreds || value === 0 || wordAt(k)?.type !== 'hundred') {
      return { value, next: k, ordinal: false, twoDigits: value >= 10 };
    }
    value *= 100;
    k += 1;
    const tail = readSmall(textAt(k) === 'and' ? k + 1 : k, false);
    if (!tail) return { value, next: k, ordinal: false, twoDigits: false };
    return { value: value + tail.value, next: tail.next, ordinal: tail.ordinal, twoDigits: false };
  };

  const readWords = (j: number): Read | undefined => {
    let total = 0;
    let k = j;
    let lastPower = Infinity;
    let scales = 0;
    let endsOnScale = false;
    let mantissa = 0;
    let single: Small | undefined;
    for (;;) {
      let small = readSmall(k, true);
      if (!small && textAt(k) === 'a' && wordAt(k + 1)?.type === 'scale') {
        small = { value: 1, next: k + 1, ordinal: false, twoDigits: false };
      }
      if (!small) break;
      if (scales === 0) single = small;
      if (small.ordinal) {
        total += small.value;
        return { token: { kind: 'ordinal', value: total }, next: small.next };
      }
      const scale = wordAt(small.next);
      if (scale?.type === 'scale' && scale.power < lastPower) {
        total += small.value * 10 ** scale.power;
        lastPower = scale.power;
        scales += 1;
        mantissa = small.value;
        endsOnScale = true;
        k = small.next + 1;
        if (textAt(k) === 'and' && readSmall(k + 1, true)) k += 1;
        continue;
      }
      total += small.value;
      endsOnScale = false;
      k = small.next;
      break;
    }
    if (k === j) return undefined;

    // "nineteen seventy-two", "nineteen oh five": a year said as two pairs of digits.
    if (scales === 0 && single?.twoDigits) {
      const zero = SPOKEN_ZERO.has(textAt(k) ?? '') ? wordAt(k + 1) : undefined;
      if (zero?.type === 'digit' && zero.value > 0) {
        return year(total * 100 + zero.value, k + 2);
      }
      const pair = readSmall(k, false);
      if (pair?.twoDigits && !pair.ordinal) return year(total * 100 + pair.value, pair.next);
    }

    let value = makeDecimal(BigInt(total), 0);
    if (!endsOnScale && wordAt(k)?.type === 'point') {
      let fraction = '';
      let f = k + 1;
      for (;;) {
        const digit = SPOKEN_ZERO.has(textAt(f) ?? '') ? 0 : wordAt(f);
        if (digit === 0) fraction += '0';
        else if (digit?.type === 'digit') fraction += String(digit.value);
        else break;
        f += 1;
      }
      if (fraction !== '') {
        value = fromParts(String(total), fraction);
        k = f;
        const scale = wordAt(k);
        if (scales === 0 && scale?.type === 'scale') {
          const scaled = scaleDecimal(value, scale.power);
          return {
            token: { kind: 'number', value: scaled, mantissa: value, scaled: true },
            next: k + 1,
          };
        }
      }
    }
    if (endsOnScale && scales === 1) {
      return {
        token: { kind: 'number', value, mantissa: makeDecimal(BigInt(mantissa), 0), scaled: true },
        next: k,
      };
    }
    return { token: { kind: 'number', value, mantissa: value, scaled: false }, next: k };
  };

  const year = (value: number, next: number): Read => {
    const decimal = makeDecimal(BigInt(value), 0);
    return { token: { kind: 'number', value: decimal, mantissa: decimal, scaled: false }, next };
  };

  const readAt = (i: number): Read | undefined => {
    const token = tokens[i];
    if (token?.kind === 'number' && !token.scaled) {
      const after = wordAt(i + 1);
      if (after?.type === 'scale') {
        const value = scaleDecimal(token.value, after.power);
        return {
          token: { kind: 'number', value, mantissa: token.value, scaled: true },
          next: i + 2,
        };
      }
      if (after?.type === 'hundred') {
        const value = scaleDecimal(token.value, 2);
        return { token: { kind: 'number', value, mantissa: value, scaled: false }, next: i + 2 };
      }
      return undefined;
    }
    return token?.kind === 'word' ? readWords(i) : undefined;
  };

  const out: Token[] = [];
  for (let i = 0; i < tokens.length;) {
    const read = readAt(i);
    if (read) {
      out.push(read.token);
      i = read.next;
    } else {
      out.push(tokens[i]!);
      i += 1;
    }
  }
  return out;
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * Month names and their usual short forms ("sept" too). A month name is read as a month only
 * beside a day or a year ("the Long March" stays words).
 */
const MONTHS: ReadonlyMap<string, number> = new Map([
  ...MONTH_NAMES.map((name, i): [string, number] => [name, i + 1]),
  ...MONTH_NAMES.map((name, i): [string, number] => [name.slice(0, 3), i + 1]),
  ['sept', 9],
]);

const isDay = (n: number) => Number.isInteger(n) && n >= 1 && n <= 31;
const isMonth = (n: number) => Number.isInteger(n) && n >= 1 && n <= 12;

/**
 * Reads a date written in digits. Four digits first is year-month-day ("1972-03-02"). Otherwise
 * day and month may be either way round: "25/3/1972" can only be 25 March, but "2/3/1972" is
 * 2 March in most of the world and 3 February in the United States, so it is kept with both
 * readings and the checker never takes it for either. A two-digit year leaves the century
 * unknown: the date is read without a year. A text that is no date ("92.3.5") is numbers.
 */
export function readNumericDate(first: string, second: string, third: string): Token[] {
  const [a, b, c] = [Number(first), Number(second), Number(third)];
  const readings: PartialDate[] = [];
  if (first.length === 4) {
    if (isMonth(b) && isDay(c) && third.length <= 2) readings.push({ day: c, month: b, year: a });
  } else if (third.length === 4 || third.length === 2) {
    const year = third.length === 4 ? c : undefined;
    if (isDay(a) && isMonth(b)) readings.push({ day: a, month: b, year });
    if (isMonth(a) && isDay(b) && a !== b) readings.push({ day: b, month: a, year });
  }
  const [only] = readings;
  if (readings.length === 1 && only) return [{ kind: 'date', date: only }];
  if (readings.length > 1)
    return [{ kind: 'ambiguousDate', readings, written: `${a}/${b}/${third}` }];
  return [first, second, third].map((digits) => {
    const value = fromParts(digits, '');
    return { kind: 'number', value, mantissa: value, scaled: false };
  });
}

/** Words and marks that may stand between the parts of a date: "2nd of March, 1972". */
const DATE_FILLERS = new Set(['of', 'the', ',']);

/**
 * Reads dates over the tokens of a text, in any usual order: day month year ("2 March 1972",
 * "2nd of March, 1972"), month day year ("March 2nd 1972", "march 2 1972"), year month day, and
 * the partial forms (day and month; month and year). A year has at least three digits; a number
 * from 1 to 31 beside a month is its day.
 */
export function readDates(tokens: readonly Token[], language: CheckLanguage): Token[] {
  const monthAt = (i: number): number | undefined => {
    const token = tokens[i];
    return token?.kind === 'word' ? findInVocabulary(token.text, MONTHS, language) : undefined;
  };
  const integerAt = (i: number): number | undefined => {
    const token = tokens[i];
    if (token?.kind === 'ordinal') return token.value;
    return token?.kind === 'number' && !token.scaled ? smallInteger(token.value) : undefined;
  };
  const dayAt = (i: number): number | undefined => {
    const n = integerAt(i);
    return n !== undefined && isDay(n) ? n : undefined;
  };
  const yearAt = (i: number): number | undefined => {
    const n = tokens[i]?.kind === 'number' ? integerAt(i) : undefined;
    return n !== undefined && n >= 100 ? n : undefined;
  };
  const skip = (i: number): number => {
    let j = i;
    for (;;) {
      const token = tokens[j];
      const text = token?.kind === 'word' ? token.text : token?.kind === 'mark' ? token.mark : '';
      if (!DATE_FILLERS.has(text)) return j;
      j += 1;
    }
  };
  const readAt = (i: number): Read | undefined => {
    const date = (d: PartialDate, next: number): Read => ({
      token: { kind: 'date', date: d },
      next,
    });
    const day = dayAt(i);
    const month = monthAt(i);
    const year = yearAt(i);
    if (day !== undefined) {
      const m = skip(i + 1);
      const monthAfter = monthAt(m);
      if (monthAfter === undefined) return undefined;
      const y = skip(m + 1);
      const yearAfter = yearAt(y);
      return yearAfter === undefined
        ? date({ day, month: monthAfter }, m + 1)
        : date({ day, month: monthAfter, year: yearAfter }, y + 1);
    }
    if (month !== undefined) {
      const d = skip(i + 1);
      const dayAfter = dayAt(d);
      if (dayAfter !== undefined) {
        const y = skip(d + 1);
        const yearAfter = yearAt(y);
        return yearAfter === undefined
          ? date({ day: dayAfter, month }, d + 1)
          : date({ day: dayAfter, month, year: yearAfter }, y + 1);
      }
      const yearAfter = yearAt(d);
      return yearAfter === undefined ? undefined : date({ month, year: yearAfter }, d + 1);
    }
    if (year !== undefined) {
      const m = skip(i + 1);
      const monthAfter = monthAt(m);
      if (monthAfter === undefined) return undefined;
      const d = skip(m + 1);
      const dayAfter = dayAt(d);
      return dayAfter === undefined
        ? date({ month: monthAfter, year }, m + 1)
        : date({ day: dayAfter, month: monthAfter, year }, d + 1);
    }
    return undefined;
  };

  const out: Token[] = [];
  for (let i = 0; i < tokens.length;) {
    const read = readAt(i);
    if (read) {
      out.push(read.token);
      i = read.next;
    } else {
      out.push(tokens[i]!);
      i += 1;
    }
  }
  return out;
}

/**
 * How a given date stands to the answer's: the `same` date (a more precise given date that
 * agrees counts as the same: "2 March 1972" for "March 1972"), `incomplete` when it agrees but
 * leaves out a part the answer has ("March 1972" for "2 March 1972"), or `different`.
 */
export function compareDates(
  given: PartialDate,
  answer: PartialDate,
): 'same' | 'incomplete' | 'different' {
  let incomplete = false;
  for (const field of ['day', 'month', 'year'] as const) {
    const a = answer[field];
    const g = given[field];
    if (a === undefined) continue;
    if (g === undefined) incomplete = true;
    else if (g !== a) return 'different';
  }
  return incomplete ? 'incomplete' : 'same';
}
