import { fc, test } from '@fast-check/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  analyze,
  clauseStarts,
  INTENT_HEAD,
  INTENTS,
  intentsOf,
  mayAsk,
} from '../../src/engine/analyze.js';
import { wordsOf as tokensOf } from '../../src/engine/normalize.js';
import { buildIndex, type KnowledgeIndex } from '../../src/engine/index.js';
import { bundledPacks, testFact, testPack } from '../support/packs.js';

let index: KnowledgeIndex;
beforeAll(async () => {
  index = buildIndex(await bundledPacks());
});

const wordsOf = (text: string) => analyze(text, index.synonyms, index.speller).words.join(' ');

describe('analyze', () => {
  it('reads two-digit years and decades as the 1900s', () => {
    expect(wordsOf('the 72 visit')).toBe('the 1972 visit');
    expect(wordsOf('ties in the 70s')).toContain('1970s');
    expect(wordsOf('ties in the mid seventies')).toContain('1970s');
  });

  it('reads chat spellings of question words', () => {
    expect(wordsOf('wen did bhutto go')).toMatch(/^when /);
  });

  it('corrects a misspelt pack word but takes a common English word as meant', () => {
    const misspelt = analyze('premeir kosygin', index.synonyms, index.speller);
    expect(misspelt.corrections.get('premeir')).toBe('premier');
    const meant = analyze('was it them making up', index.synonyms, index.speller);
    expect(meant.corrections.has('making')).toBe(false);
  });

  describe('a real word the packs do not use', () => {
    const beach = testFact('beach-cleanup', 'When was the beach cleanup held?', ['cleanup day']);
    const batch = testFact('batch-recall', 'Why was the batch recalled?', ['recall reason']);
    const indexOf = (...facts: ReturnType<typeof testFact>[]) =>
      buildIndex([testPack('coast', 'The coast', 'Notes on the coast.', facts)]);

    it('is taken as meant when several pack words are equally close to it', () => {
      // "bach" is one edit from both "beach" and "batch": which was meant would be a guess.
      const coast = indexOf(beach, batch);
      const analysis = analyze('when was the bach cleanup', coast.synonyms, coast.speller);
      expect(analysis.words).toContain('bach');
      expect(analysis.corrections.size).toBe(0);
    });

    it('is corrected to the one pack word close to it, as a guess', () => {
      // "munich" is one edit from the painter "munch" and from no other word known.
      const munch = testFact('munch-show', 'When did the Munch exhibition open?', ['munch show']);
      const gallery = indexOf(munch);
      const analysis = analyze('when did the munich show open', gallery.synonyms, gallery.speller);
      expect(analysis.corrections.get('munich')).toBe('munch');
      expect([...(analysis.guessed ?? [])]).toEqual([analyze('munch', gallery.synonyms).terms[0]]);
    });

    it('differs from a misspelling, which is corrected as sure', () => {
      const coast = indexOf(beach, batch);
      const analysis = analyze('when was the beahc cleanup', coast.synonyms, coast.speller);
      expect(analysis.corrections.get('beahc')).toBe('beach');
      expect(analysis.guessed).toBeUndefined();
    });
  });

  it('corrects a common word when the correction completes a phrase the pack names', () => {
    expect(wordsOf('where are pakistan steal mills')).toContain('pakistan steel mills');
  });

  it('reads "how did … go" as asking for an outcome', () => {
    const terms = analyze('how did the 1974 trip go', index.synonyms, index.speller).terms;
    expect(terms).toContain(analyze('outcome', index.synonyms).terms[0]);
    expect(analyze('where did he go', index.synonyms, index.speller).terms).not.toContain(
      analyze('outcome', index.synonyms).terms[0],
    );
  });

  it('rewrites synonyms to one form', () => {
    expect(wordsOf('ussr')).toBe('soviet union');
    expect(wordsOf('why were they on bad terms')).toBe(wordsOf('why were they fractured'));
    expect(wordsOf('what went wrong between them')).toBe(wordsOf('what worsen between them'));
  });

  it('reads a word of the thesaurus through it, never as a pack word it is close to', () => {
    const pack = testPack('trade', 'Trade', 'Notes on trade.', [
      testFact('growth-factors', 'Which factors drove the growth?', ['growth drivers']),
    ]);
    const small = buildIndex([pack]);
    const analysis = analyze('which factories grew', small.synonyms, small.speller);
    expect(analysis.corrections.size).toBe(0);
    expect(analysis.words).toContain('industrial');
  });

  it('reads a size asked for as an amount', () => {
    expect(wordsOf('how big did trade get')).toBe('how much did trade get');
    expect(analyze('how large was the increase', index.synonyms).terms).toContain('_amount');
  });
});

describe('clauseStarts', () => {
  const starts = (text: string) => clauseStarts(text, tokensOf(text));

  it('finds where a question may start after a greeting or a reason', () => {
    expect(starts('hey almanac, quick question: why did he go?')).toEqual([2, 4]);
    expect(starts('i need to know when he went')).toEqual([4]);
    expect(starts('why did he go? thanks')).toEqual([4]);
  });

  it('reads no clause into a decimal point, a thousands separator or plain text', () => {
    expect(starts('trade grew 36.2 percent')).toEqual([]);
    expect(starts('1,000 tonnes of steel')).toEqual([]);
    expect(starts('when did he go')).toEqual([]);
  });
});

describe('intentsOf', () => {
  it.each([
    ['when did he go', ['_when']],
    ['on what exact date did pakistan leave', ['_when']],
    ['where did they meet', ['_where']],
    ['who met bhutto', ['_who']],
    ['which soviet union leader met him', ['_who']],
    ['how much did trade grow', ['_amount']],
    ['bhutto executed by', ['_who']],
    ['when was bhutto executed and by', ['_when', '_who']],
    // Chat puts the question word last.
    ['bhutto went to moscow why', ['_why']],
    ['the steel mills opened when', ['_when']],
    // A question word after the first few words asks nothing.
    ['what was his post back in the days when he went', []],
  ])('%j asks for %j', (question, intents) => {
    expect(intentsOf(question.split(' '))).toEqual(intents);
  });

  /** Words the patterns name, words that only fill their gaps, and words no gap takes. */
  const word = fc.constantFrom(
    ...['what', 'which', 'when', 'how', 'who', 'why', 'where', 'for', 'come', 'much', 'long'],
    ...['exact', 'date', 'year', 'city', 'leaders', 'man', 'people', 'soviet', 'the', 'did'],
    ...['36.2', 'москва', 'x', '1972', 'by'],
  );
  /** Shared by every run, as index building shares one across all its phrasings. */
  const memo = new Map<string, readonly string[]>();
  test.prop([fc.array(word, { maxLength: 7 }), fc.boolean()], { numRuns: 1000 })(
    'reads the same intents as the patterns over the leading words, remembered or not',
    (words, remember) => {
      const head = words.slice(0, INTENT_HEAD);
      const text = head.join(' ');
      const last: Record<string, string> = { by: '_who', who: '_who', when: '_when' };
      Object.assign(last, { where: '_where', why: '_why' });
      const trailing = words.length > 1 ? last[words.at(-1)!] : undefined;
      const expected = INTENTS.filter(
        ([pattern, intent]) => (head.some(mayAsk) && pattern.test(text)) || trailing === intent,
      ).map(([, intent]) => intent);
      expect(intentsOf(words, remember ? memo : undefined)).toEqual(expected);
    },
  );
});
