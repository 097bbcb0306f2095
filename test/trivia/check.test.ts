import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { english } from '../../src/knowledge/languages.js';
import {
  checkAnswer,
  type CheckLanguage,
  type CloseHint,
  type Verdict,
} from '../../src/trivia/check.js';

const ENGLISH: CheckLanguage = { wordCount: (word) => english.frequencies().counts.get(word) ?? 0 };

/** A behaviour, then the given answer, the item's answer, and the verdict (with its hint). */
type Row = [says: string, given: string, answer: string, verdict: Verdict, hint?: CloseHint];

function expectVerdicts(rows: readonly Row[]) {
  it.each<Row>(rows)('%s: "%s" for "%s"', (_, given, answer, verdict, hint) => {
    const result = checkAnswer({ answer }, given, ENGLISH);
    expect(result.verdict).toBe(verdict);
    if (hint) expect(result).toEqual({ verdict, matched: answer, hint });
  });
}

describe('what never matters', () => {
  expectVerdicts([
    [
      'ignores case, punctuation and extra spaces',
      '  soviet   UNION!! ',
      'Soviet Union',
      'correct',
    ],
    ['ignores an article the answer has', 'Beatles', 'The Beatles', 'correct'],
    ['ignores an article the player adds', 'the Soviet Union', 'Soviet Union', 'correct'],
    ['ignores diacritics the player adds', 'Alí Bhutto', 'Ali Bhutto', 'correct'],
    ['ignores diacritics the answer has', 'Ali Bhutto', 'Alí Bhutto', 'correct'],
    ['reads letters joined by dots as one word', 'U.S.S.R.', 'USSR', 'correct'],
    ['reads a possessive as the name', "Bhutto's", 'Bhutto', 'correct'],
    ['keeps an article that ends the answer', 'vitamin', 'Vitamin A', 'close', 'partial'],
  ]);
});

describe('numbers', () => {
  expectVerdicts([
    [
      'accepts the figure alone, its scale and unit left out',
      '92.3',
      '92.3 million rubles',
      'correct',
    ],
    ['accepts the figure and its scale', '92.3 million', '92.3 million rubles', 'correct'],
    ['accepts the whole answer', '92.3 million rubles', '92.3 million rubles', 'correct'],
    ['reads a comma before one digit as a decimal comma', '92,3', '92.3 million rubles', 'correct'],
    [
      'reads number words with a decimal point',
      'ninety-two point three',
      '92.3 million rubles',
      'correct',
    ],
    ['reads a scale letter', '92.3m', '92.3 million rubles', 'correct'],
    ['reads the figure in full', '92,300,000', '92.3 million rubles', 'correct'],
    [
      'reads a scale word after number words',
      'ninety-two point three million',
      '92.3 million rubles',
      'correct',
    ],
    [
      'takes a spelling of the unit for the unit',
      '92.3 million roubles',
      '92.3 million rubles',
      'correct',
    ],
    [
      'lets the player say it is about that much',
      'about 92.3 million',
      '92.3 million rubles',
      'correct',
    ],
    [
      'reads the usual misspelling of a number word',
      'ninty-two point three',
      '92.3 million rubles',
      'correct',
    ],
    ['reads a misspelt number word', 'sevnty-two', '72', 'correct'],
    [
      'finds the right figure at the wrong scale close',
      '92.3 thousand',
      '92.3 million rubles',
      'close',
      'scale',
    ],
    [
      'finds a billion for a million close',
      '92.3 billion',
      '92.3 million rubles',
      'close',
      'scale',
    ],
    ['finds another unit close', '92.3 million dollars', '92.3 million rubles', 'close', 'extra'],
    ['refuses a rounded figure', '92', '92.3 million rubles', 'wrong'],
    ['refuses a near figure', '92.4 million', '92.3 million rubles', 'wrong'],
    ['refuses the digits without their decimal point', '923', '92.3 million rubles', 'wrong'],
    ['refuses the unit alone', 'rubles', '92.3 million rubles', 'wrong'],
    ['reads a year said in pairs', 'nineteen seventy-two', '1972', 'correct'],
    ['reads a thousands comma', '1,972', '1972', 'correct'],
    ['never takes a different number for a typo', '1971', '1972', 'wrong'],
    ['reads tens and units with a decimal', 'thirty-six point two', '36.2', 'correct'],
    ['reads a trailing zero as the same number', '36.20', '36.2', 'correct'],
    [
      'reads number words into the millions',
      'two million three hundred thousand',
      '2,300,000',
      'correct',
    ],
    ['reads "and" inside a number', 'two thousand and five', '2005', 'correct'],
    ['reads "a million"', 'a million', '1,000,000', 'correct'],
    ['reads an ordinal in words or digits', 'second', '2nd', 'correct'],
  ]);
});

describe('dates', () => {
  expectVerdicts([
    ['accepts month, ordinal day, year', 'March 2nd 1972', '2 March 1972', 'correct'],
    ['accepts the date as written', '2 March 1972', '2 March 1972', 'correct'],
    ['accepts "of" and a comma', '2nd of March, 1972', '2 March 1972', 'correct'],
    ['accepts month, day, year in lower case', 'march 2 1972', '2 March 1972', 'correct'],
    ['accepts a short month name', '2 Mar 1972', '2 March 1972', 'correct'],
    [
      'accepts the date in words',
      'the second of March nineteen seventy-two',
      '2 March 1972',
      'correct',
    ],
    ['accepts an ISO date', '1972-03-02', '2 March 1972', 'correct'],
    ['accepts a misspelt month', 'Marhc 2, 1972', '2 March 1972', 'correct'],
    ['accepts a numeric date with one possible reading', '25/3/1972', '25 March 1972', 'correct'],
    ['accepts a full date for a year', '2 March 1972', '1972', 'correct'],
    [
      'finds day/month digits that read either way close',
      '2/3/1972',
      '2 March 1972',
      'close',
      'ambiguous-date',
    ],
    [
      'finds the American order of those digits close too',
      '3/2/1972',
      '2 March 1972',
      'close',
      'ambiguous-date',
    ],
    [
      'finds a year alone for a full date close',
      '1972',
      '2 March 1972',
      'close',
      'incomplete-date',
    ],
    [
      'finds a year said in words alone close',
      'nineteen seventy-two',
      '2 March 1972',
      'close',
      'incomplete-date',
    ],
    [
      'finds month and year without the day close',
      'March 1972',
      '2 March 1972',
      'close',
      'incomplete-date',
    ],
    [
      'finds day and month without the year close',
      '2 March',
      '2 March 1972',
      'close',
      'incomplete-date',
    ],
    ['refuses another day', '3 March 1972', '2 March 1972', 'wrong'],
    ['refuses another year', '2 March 1971', '2 March 1972', 'wrong'],
    ['refuses another year alone', '1971', '2 March 1972', 'wrong'],
    ['refuses a numeric date that reads as neither', '3/4/1972', '2 March 1972', 'wrong'],
  ]);
});

describe('names', () => {
  expectVerdicts([
    ['accepts a surname alone', 'Kosygin', 'Premier Alexei Kosygin', 'correct'],
    ['accepts the name without the title', 'Alexei Kosygin', 'Premier Alexei Kosygin', 'correct'],
    ['accepts the title with the surname', 'Premier Kosygin', 'Premier Alexei Kosygin', 'correct'],
    ['accepts a surname alone with no title', 'Bhutto', 'Zulfikar Ali Bhutto', 'correct'],
    [
      'accepts a surname after a two-word office',
      'Brezhnev',
      'General Secretary Leonid Brezhnev',
      'correct',
    ],
    [
      'accepts every person of the answer in any order',
      'Brezhnev and Kosygin',
      'Alexei Kosygin and Leonid Brezhnev',
      'correct',
    ],
    [
      'accepts the people listed with a comma',
      'Brezhnev, Kosygin',
      'Alexei Kosygin and Leonid Brezhnev',
      'correct',
    ],
    [
      'accepts full names joined by "&"',
      'Leonid Brezhnev & Alexei Kosygin',
      'Alexei Kosygin and Leonid Brezhnev',
      'correct',
    ],
    [
      'finds one person of two close',
      'Kosygin',
      'Alexei Kosygin and Leonid Brezhnev',
      'close',
      'partial',
    ],
    [
      'finds first names swapped between people close',
      'Alexei Brezhnev and Leonid Kosygin',
      'Alexei Kosygin and Leonid Brezhnev',
      'close',
      'partial',
    ],
    ['finds a first name alone close', 'Alexei', 'Premier Alexei Kosygin', 'close', 'partial'],
    ['finds a wrong first name close', 'Nikolai Kosygin', 'Alexei Kosygin', 'close', 'extra'],
    [
      'finds another guess beside the answer close',
      'Kosygin or Brezhnev',
      'Alexei Kosygin',
      'close',
      'extra',
    ],
    ['finds the everyday last word of a name close', 'Union', 'Soviet Union', 'close', 'partial'],
    [
      'does not read a title before one word as optional',
      'Motors',
      'General Motors',
      'close',
      'partial',
    ],
    ['refuses the title alone', 'Premier', 'Premier Alexei Kosygin', 'wrong'],
    ['refuses another person', 'Nixon', 'Alexei Kosygin', 'wrong'],
  ]);
});

describe('typos', () => {
  expectVerdicts([
    ['accepts one edit in seven letters', 'Kosigin', 'Premier Alexei Kosygin', 'correct'],
    ['accepts a swap of neighbouring letters as one edit', 'Kosgyin', 'Alexei Kosygin', 'correct'],
    ['accepts one edit in a surname of six letters', 'Bhuto', 'Zulfikar Ali Bhutto', 'correct'],
    ['accepts one edit in a city', 'Karachy', 'Karachi', 'correct'],
    ['accepts one edit in a place of six letters', 'Moskow', 'Moscow', 'correct'],
    ['accepts two edits from nine letters', 'Kruschev', 'Nikita Khrushchev', 'correct'],
    ['finds one edit too many close', 'Kosgyn', 'Alexei Kosygin', 'close', 'spelling'],
    ['finds a typo in four letters close', 'Olso', 'Oslo', 'close', 'spelling'],
    ['refuses three edits in nine letters', 'Krusev', 'Khrushchev', 'wrong'],
    ['refuses another real word: India is not China', 'India', 'China', 'wrong'],
    ['refuses another real word: air is not chair', 'air', 'chair', 'wrong'],
    ['refuses another real word: chair is not air', 'chair', 'air', 'wrong'],
    ['refuses another real word: Iran is not Iraq', 'Iran', 'Iraq', 'wrong'],
    ['refuses a real word one edit away: Russia is not Prussia', 'Russia', 'Prussia', 'wrong'],
    ['refuses a real word one edit away: Prussia is not Russia', 'Prussia', 'Russia', 'wrong'],
    [
      'refuses a real word two edits away: Australia is not Austria',
      'Australia',
      'Austria',
      'wrong',
    ],
    ['takes a plural for the same word', 'rubles', 'ruble', 'correct'],
  ]);
});

describe('empty and unusual input', () => {
  expectVerdicts([
    ['refuses an empty answer', '', 'Kosygin', 'wrong'],
    ['refuses spaces alone', '   ', 'Kosygin', 'wrong'],
    ['refuses tabs and newlines alone', '\t\r\n', 'Kosygin', 'wrong'],
    ['refuses a NUL', '\0', 'Kosygin', 'wrong'],
    ['refuses emoji', '🙂🎉', 'Kosygin', 'wrong'],
    ['refuses articles alone', 'the', 'The Beatles', 'wrong'],
    ['ignores a control character after the answer', 'Kosygin\0', 'Kosygin', 'correct'],
    ['ignores an invisible soft hyphen inside a word', 'Kosy\u00adgin', 'Kosygin', 'correct'],
    ['accepts an answer of no letters given as written', '?!', '?!', 'correct'],
    ['accepts an answer of articles alone given as written', 'The The', 'The The', 'correct'],
  ]);

  it('reads only the first 200 characters of a long paste', () => {
    expect(checkAnswer({ answer: 'Kosygin' }, 'x'.repeat(10_000), ENGLISH)).toEqual({
      verdict: 'wrong',
    });
    expect(checkAnswer({ answer: 'Kosygin' }, `Kosygin ${'x'.repeat(10_000)}`, ENGLISH)).toEqual({
      verdict: 'close',
      matched: 'Kosygin',
      hint: 'extra',
    });
    expect(checkAnswer({ answer: 'Kosygin' }, `Kosygin${' '.repeat(300)}Nixon`, ENGLISH)).toEqual({
      verdict: 'correct',
      matched: 'Kosygin',
    });
  });
});

describe('accepted alternatives', () => {
  const item = { answer: 'Soviet Union', accept: ['USSR', 'Soviet Russia'] } as const;

  it('accepts an alternative, by the same rules, and says which one matched', () => {
    expect(checkAnswer(item, 'the U.S.S.R.', ENGLISH)).toEqual({
      verdict: 'correct',
      matched: 'USSR',
    });
    expect(checkAnswer(item, 'soviet rusia', ENGLISH)).toEqual({
      verdict: 'correct',
      matched: 'Soviet Russia',
    });
  });

  it('prefers an alternative that is correct to an answer that is close', () => {
    const kosygin = { answer: 'Alexei Kosygin and Leonid Brezhnev', accept: ['Kosygin'] };
    expect(checkAnswer(kosygin, 'Kosygin', ENGLISH)).toEqual({
      verdict: 'correct',
      matched: 'Kosygin',
    });
  });

  it('reports the first close alternative when none is correct', () => {
    expect(checkAnswer(item, 'Union', ENGLISH)).toEqual({
      verdict: 'close',
      matched: 'Soviet Union',
      hint: 'partial',
    });
  });

  it('refuses what matches neither the answer nor an alternative', () => {
    expect(checkAnswer(item, 'Prussia', ENGLISH)).toEqual({ verdict: 'wrong' });
  });
});

/** Text of every kind, and text built from the pieces the checker reads specially. */
const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ minLength: 190, maxLength: 400 }),
  fc
    .array(
      fc.constantFrom(
        '2',
        'March',
        'mar',
        '1972',
        'nineteen',
        'seventy-two',
        'oh',
        'and',
        'the',
        'a',
        'of',
        ',',
        '&',
        '/',
        'Kosygin',
        'Premier',
        'General',
        'Alí',
        "Bhutto's",
        'U.S.S.R.',
        '92.3',
        '92,3',
        '1,500',
        '92.3m',
        '2nd',
        'second',
        'million',
        'hundred',
        'point',
        'three',
        '2/3/1972',
        '1972-03-02',
        '25.12.72',
        'rubles',
        '🙂',
        '\u0301',
        '\0',
      ),
      { maxLength: 40 },
    )
    .map((pieces) => pieces.join(' ')),
);
const answerText = anyText.filter((text) => text.trim() !== '');

describe('any input', () => {
  test.prop([answerText, anyText])('gets one of the three verdicts', (answer, given) => {
    const { verdict } = checkAnswer({ answer }, given, ENGLISH);
    expect(['correct', 'close', 'wrong']).toContain(verdict);
  });

  test.prop([answerText, fc.array(answerText, { maxLength: 3 })])(
    'is correct when it is the answer or an accepted alternative as written',
    (answer, accept) => {
      for (const given of [answer, ...accept]) {
        expect(checkAnswer({ answer, accept }, given, ENGLISH).verdict).toBe('correct');
      }
    },
  );

  test.prop([fc.stringMatching(/^\s*$/u), answerText])('is wrong when blank', (given, answer) => {
    expect(checkAnswer({ answer }, given, ENGLISH)).toEqual({ verdict: 'wrong' });
  });
});
