import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  MAX_QUESTION_LENGTH,
  normalizeText,
  tokenize,
  truncateQuestion,
  wordsOf,
} from '../../src/engine/normalize.js';

describe('normalizeText', () => {
  it.each([
    ['When did BHUTTO go to Moscow?', 'when did bhutto go to moscow'],
    ['Ｂｈｕｔｔｏ', 'bhutto'],
    ['Pokémon Café', 'pokemon cafe'],
    ["bhutto's visit", 'bhutto visit'],
    ["didn't", 'didnt'],
    ['<@123456789012345678> when?', 'when'],
    ['<@!123456789012345678> <@&223456789012345678> <#323456789012345678> hi', 'hi'],
    ['<:pepe:123456789012345678> moscow <a:dance:123456789012345678>', 'pepe moscow dance'],
    ['||spoiler|| `code` **bold** __under__ ~~strike~~', 'spoiler code bold under strike'],
    ['see https://example.com/a?b=c and <https://x.y>', 'see and'],
    ['[the label](https://example.com) here', 'the label here'],
    ['@everyone @here trade', 'trade'],
    ['36.2 million to 92.3, not 3.62', '36.2 million to 92.3 not 3.62'],
    ['₨.4.5 billion', 'rs 4.5 billion'],
    ['4,500 rubles.', '4500 rubles'],
    ['1979–1988', '1979 1988'],
    // A designation is one word, as it is typed without its hyphen; a year or a score is not.
    ['a U-2 and a MiG-21', 'a u2 and a mig21'],
    ['pre-1900, covid-19, a 1-2 win', 'pre 1900 covid 19 a 1 2 win'],
    // A time of day is one word, so its hour is no number a question names; a ratio is not.
    ['at 13:32 UTC, 9:05 or 10:30:15; 3:1', 'at 13h32 utc 9h05 or 10 30 15 3 1'],
    ['h̸̡̪̯ͨ͊̽̅̾̎e̬̩̾͛ͪ̈́̀́͘l̡̛̖l̨o', 'hello'],
    ['🙂🙂🙂', ''],
    ['   ', ''],
  ])('folds %j to %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('truncateQuestion', () => {
  it('keeps a question of the maximum length whole', () => {
    const q = 'a'.repeat(MAX_QUESTION_LENGTH);
    expect(truncateQuestion(q)).toEqual({ text: q, truncated: false });
  });

  it('cuts a longer question to the maximum and says so', () => {
    const cut = truncateQuestion('b'.repeat(5_000));
    expect(cut.truncated).toBe(true);
    expect(cut.text).toHaveLength(MAX_QUESTION_LENGTH);
  });

  it('never splits an emoji in half', () => {
    const cut = truncateQuestion('😀'.repeat(MAX_QUESTION_LENGTH + 10));
    expect(Array.from(cut.text)).toHaveLength(MAX_QUESTION_LENGTH);
    expect(cut.text).not.toMatch(/[\uD800-\uDBFF]$/);
  });
});

describe('wordsOf', () => {
  /** Text made of the characters where the plain-text reading could go wrong. */
  const tricky = fc
    .array(
      fc.constantFrom(
        ..."aZ09.,. ?!-'`’s<@[]:/_~|\t\né".split(''),
        'http://x.y',
        'https:',
        'HTTP:',
        'http',
        '\x7f',
        '1,234',
        '12,3456',
        "it's",
        '3.5',
        'ABC',
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));

  test.prop([fc.oneof(tricky, fc.string({ maxLength: 200 }))])(
    'reads the same words as tokenize(normalizeText(text))',
    (text) => {
      expect(wordsOf(text)).toEqual(tokenize(normalizeText(text)));
    },
  );

  it.each([
    'When did BHUTTO go to Moscow?',
    '36.2 million to 92.3, not 3.62. 1..2 .5 5. a.b',
    "bhutto's visit, 4,500 rubles",
    '',
    '  ?? ',
    'the U-2 and u2, pre-1900',
    'at 13:32 UTC, 9:05 or 10:30:15; 3:1',
  ])('reads %j like the full fold', (text) => {
    expect(wordsOf(text)).toEqual(tokenize(normalizeText(text)));
  });
});
