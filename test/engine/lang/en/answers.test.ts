import { describe, expect, it } from 'vitest';
import { answerIntents } from '../../../../src/engine/lang/en/answers.js';
import { wordsOf } from '../../../../src/engine/normalize.js';

const kinds = (answer: string) => answerIntents(wordsOf(answer).join(' '));

describe('what kind of thing an English answer gives', () => {
  it('gives a time when it names a year, a date, a month, a century or a length of time', () => {
    expect(kinds('Wegener first set out the idea in 1912.')).toEqual(['_when']);
    expect(kinds('The 1960s saw the theory accepted.')).toEqual(['_when']);
    expect(kinds('The quarantine began on 24 October.')).toEqual(['_when']);
    expect(kinds('It was lifted in November.')).toEqual(['_when']);
    expect(kinds('It began in the 18th century.')).toEqual(['_when']);
    expect(kinds('The cycle first evolved about 2.4 billion years ago.')).toContain('_when');
    expect(kinds('The crew stayed on the surface for twenty one hours.')).toContain('_when');
  });

  it('reads "may" and "march" as months only beside a day', () => {
    expect(kinds('They may have met in secret.')).toEqual([]);
    expect(kinds('The protesters march on the palace.')).toEqual([]);
    expect(kinds('The treaty was signed on 9 May.')).toEqual(['_when']);
  });

  it('gives an amount when it names a number that is no year or day of a month', () => {
    expect(kinds('There are seven major plates.')).toEqual(['_amount']);
    expect(kinds('Trade grew by 45 percent.')).toEqual(['_amount']);
    expect(kinds('About 100,000 people marched.')).toEqual(['_amount']);
    expect(kinds('It was signed on 22 October 1962.')).toEqual(['_when']);
  });

  it('gives neither when it names no time and no number', () => {
    expect(kinds('Chlorophyll absorbs red and blue light and reflects green.')).toEqual([]);
    expect(kinds('He was the Soviet premier.')).toEqual([]);
  });
});
