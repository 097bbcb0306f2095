import { describe, expect, it } from 'vitest';
import { answerWordKinds, intentsOfKinds } from '../../src/engine/answerKinds.js';
import { lexiconOf } from '../../src/engine/lexicon.js';
import { wordsOf } from '../../src/engine/normalize.js';
import { english } from '../../src/knowledge/languages.js';

const lexicon = lexiconOf(english);
const kindOf = answerWordKinds(english.answerWords);
/** An answer's intents, its words read as pack text is (numbers as English writes them). */
const kinds = (answer: string) =>
  intentsOfKinds(
    wordsOf(answer)
      .map((word) => lexicon.plainForm(word))
      .reduce((union, word) => union | kindOf(word), 0),
  );

describe('what kind of thing an answer gives', () => {
  it('gives a time when it names a year, a month, a weekday, a century or a length of time', () => {
    expect(kinds('Wegener first set out the idea in 1912.')).toEqual(['_when']);
    expect(kinds('The 1960s saw the theory accepted.')).toEqual(['_when']);
    expect(kinds('The quarantine began on 24 October.')).toEqual(['_when']);
    expect(kinds('It was lifted in November.')).toEqual(['_when']);
    expect(kinds('It began in the 18th century.')).toEqual(['_when']);
    expect(kinds('The cycle first evolved about 2.4 billion years ago.')).toContain('_when');
    expect(kinds('The crew stayed on the surface for 21 hours.')).toContain('_when');
  });

  it('reads "may" and "march" as words, not months', () => {
    expect(kinds('They may have met in secret.')).toEqual([]);
    expect(kinds('The protesters march on the palace.')).toEqual([]);
  });

  it('gives an amount when it names a number that is no year or day of a month', () => {
    expect(kinds('There are seven major plates.')).toEqual(['_amount']);
    expect(kinds('There are 7 major plates.')).toEqual(['_amount']);
    expect(kinds('Trade grew by 35 percent.')).toEqual(['_amount']);
    expect(kinds('About 100,000 people marched.')).toEqual(['_amount']);
    expect(kinds('It was signed on 22 October 1962.')).toEqual(['_when']);
  });

  it('gives neither when it names no time and no number', () => {
    expect(kinds('Chlorophyll absorbs red and blue light and reflects green.')).toEqual([]);
    expect(kinds('He was the Soviet premier.')).toEqual([]);
  });
});

describe('a time of day', () => {
  it('is given by an answer that names one, not by a date alone', () => {
    const { clock } = english.answerWords;
    for (const answer of [
      'Eagle landed on July 20, 1969, at 20:17 UTC.',
      'The parade began at 9 a.m. sharp.',
      'They set off at 4pm.',
      'The fort fell at noon.',
      'The attack came early in the morning.',
    ]) {
      expect(clock.test(answer), answer).toBe(true);
    }
    for (const answer of [
      'The crew came home on July 24.',
      'The mill cost 4.5 billion rupees.',
      'It took 12.50 dollars.',
    ]) {
      expect(clock.test(answer), answer).toBe(false);
    }
  });

  it('is asked for by "what time", not by "what time period"', () => {
    const asks = (question: string) => lexicon.asksClock(wordsOf(question));
    expect(asks('what time did they splash down')).toBe(true);
    expect(asks('at what hour did the fort fall')).toBe(true);
    expect(asks('what time period was the empire in')).toBe(false);
    expect(asks('when did they splash down')).toBe(false);
  });
});
