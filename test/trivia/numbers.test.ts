import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/trivia/editDistance.js';
import { makeDecimal, readDigits } from '../../src/trivia/numbers.js';

describe('readDigits', () => {
  it.each<[string, string, string[]]>([
    ['reads plain digits', '1972', ['1972']],
    ['reads a comma before three digits as grouping', '1,972', ['1972']],
    ['reads repeated grouping commas', '92,300,000', ['92300000']],
    ['reads repeated grouping dots', '92.300.000', ['92300000']],
    ['reads a comma before one digit as a decimal comma', '92,3', ['92.3']],
    ['reads a single dot as a decimal point, even before three digits', '1.500', ['1.5']],
    ['reads grouping commas and a decimal point', '92,300.5', ['92300.5']],
    ['reads grouping dots and a decimal comma', '92.300,5', ['92300.5']],
    ['reads anything else as a list of numbers', '3,4,5', ['3', '4', '5']],
  ])('%s: %s', (_, written, expected) => {
    expect(readDigits(written)).toEqual(
      expected.map((n) => {
        const [whole = '', fraction = ''] = n.split('.');
        return makeDecimal(BigInt(`${whole}${fraction}`), -fraction.length);
      }),
    );
  });
});

describe('editDistance', () => {
  it.each<[string, string, string, number, number]>([
    ['counts a swap of neighbouring letters as one edit', 'kosgyin', 'kosygin', 2, 1],
    ['counts an insertion and a deletion', 'kruschev', 'khrushchev', 2, 2],
    ['counts code points, not UTF-16 units', '𝒜b', 'ab', 2, 1],
    ['stops at one past the limit', 'india', 'china', 2, 3],
    ['stops at once when the lengths alone differ too much', 'a', 'abcdef', 1, 2],
  ])('%s: %s and %s', (_, a, b, max, expected) => {
    expect(editDistance(a, b, max)).toBe(expected);
  });
});
