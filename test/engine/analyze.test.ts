import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, clauseStarts } from '../../src/engine/analyze.js';
import { wordsOf as tokensOf } from '../../src/engine/normalize.js';
import { buildIndex, type KnowledgeIndex } from '../../src/engine/index.js';
import { bundledPacks, testFact, testPack } from '../support/packs.js';
import { english } from '../../src/knowledge/languages.js';
import { lexiconOf } from '../../src/engine/lexicon.js';

const lexicon = lexiconOf(english);

let index: KnowledgeIndex;
beforeAll(async () => {
  index = buildIndex(await bundledPacks(), lexicon);
});

const wordsOf = (text: string) =>
  analyze(text, index.lexicon, index.synonyms, index.speller).words.join(' ');

describe('analyze', () => {
  it('reads two-digit years and decades as the 1900s', () => {
    expect(wordsOf('the 72 visit')).toBe('the 1972 visit');
    expect(wordsOf('ties in the 70s')).toContain('1970s');
    expect(wordsOf('ties in the mid seventies')).toContain('1970s');
  });

  it('reads small ordinals in digits as words', () => {
    expect(wordsOf('his 2nd visit')).toBe('his second visit');
    expect(wordsOf('the 21st of july')).toBe('the 21st of july');
  });

  it('reads chat spellings of question words', () => {
    expect(wordsOf('wen did bhutto go')).toMatch(/^when /);
  });

  it('corrects a misspelt pack word but takes a common English word as meant', () => {
    const misspelt = analyze('premeir kosygin', index.lexicon, index.synonyms, index.speller);
    expect(misspelt.corrections.get('premeir')).toBe('premier');
    const meant = analyze('was it them making up', index.lexicon, index.synonyms, index.speller);
    expect(meant.corrections.has('making')).toBe(false);
  });

  describe('a real word the packs do not use', () => {
    const beach = testFact('beach-cleanup', 'When was the beach cleanup held?', ['cleanup day']);
    const batch = testFact('batch-recall', 'Why was the batch recalled?', ['recall reason']);
    const indexOf = (...facts: ReturnType<typeof testFact>[]) =>
      buildIndex([testPack('coast', 'The coast', 'Notes on the coast.', facts)], lexicon);

    it('is taken as meant when several pack words are equally close to it', () => {
      // "bach" is one edit from both "beach" and "batch": which was meant would be a guess.
      const coast = indexOf(beach, batch);
      const analysis = analyze(
        'when was the bach cleanup',
        coast.lexicon,
        coast.synonyms,
        coast.speller,
      );
      expect(analysis.words).toContain('bach');
      expect(analysis.corrections.size).toBe(0);
    });

    it('is corrected to the one pack word close to it, as a guess', () => {
      // "munich" is one edit from the painter "munch" and from no other word known.
      const munch = testFact('munch-show', 'When did the Munch exhibition open?', ['munch show']);
      const gallery = indexOf(munch);
      const analysis = analyze(
        'when did the munich show open',
        gallery.lexicon,
        gallery.synonyms,
        gallery.speller,
      );
      expect(analysis.corrections.get('munich')).toBe('munch');
      expect([...(analysis.guessed ?? [])]).toEqual([
        analyze('munch', gallery.lexicon, gallery.synonyms).terms[0],
      ]);
    });

    it('differs from a misspelling, which is corrected as sure', () => {
      const coast = indexOf(beach, batch);
      const analysis = analyze(
        'when was the beahc cleanup',
        coast.lexicon,
        coast.synonyms,
        coast.speller,
      );
      expect(analysis.corrections.get('beahc')).toBe('beach');
      expect(analysis.guessed).toBeUndefined();
    });
  });

  it('corrects a common word when the correction completes a phrase the pack names', () => {
    expect(wordsOf('where are pakistan steal mills')).toContain('pakistan steel mills');
  });

  it('reads "how did … go" as asking for an outcome', () => {
    const terms = analyze(
      'how did the 1974 trip go',
      index.lexicon,
      index.synonyms,
      index.speller,
    ).terms;
    expect(terms).toContain(analyze('outcome', index.lexicon, index.synonyms).terms[0]);
    expect(
      analyze('where did he go', index.lexicon, index.synonyms, index.speller).terms,
    ).not.toContain(analyze('outcome', index.lexicon, index.synonyms).terms[0]);
  });

  it('counts what a question says is not so only where a fact holds it', () => {
    const analysis = analyze(
      'which leaders did bhutto meet without brezhnev',
      index.lexicon,
      index.synonyms,
      index.speller,
    );
    const brezhnev = analysis.terms.find((t) => t.startsWith('brezhnev'))!;
    expect(analysis.optional?.has(brezhnev)).toBe(true);
    expect(analysis.optional?.has(analysis.terms.find((t) => t.startsWith('meet'))!)).toBe(false);
  });

  it('asks for the thing a question word names without asking a fact to name it', () => {
    const optional = (text: string) => {
      const analysis = analyze(text, index.lexicon, index.synonyms, index.speller);
      return analysis.terms.filter((t) => analysis.optional?.has(t));
    };
    // "date" and "country" say what "what" and "which" ask for: a time, a place.
    expect(optional('what date did bhutto arrive in moscow')).toEqual(['date']);
    expect(optional('which country did bhutto visit in 1972')).toEqual(['countri']);
    // "people" is what "how many" counts; "what is the capital" asks for no place.
    expect(optional('how many people went with bhutto')).toEqual([]);
    expect(optional('what is the capital of pakistan')).toEqual([]);
    // "how deep" asks an amount, of depth: the depth is asked.
    const deep = analyze(
      'how deep is the steel mill',
      index.lexicon,
      index.synonyms,
      index.speller,
    );
    expect(deep.terms).toContain('_amount');
    expect(optional('how deep is the steel mill')).toEqual([]);
  });

  it('asks nothing in a clause about the asker after the question', () => {
    const analysis = analyze(
      'when did bhutto visit moscow? i keep mixing up the visits',
      index.lexicon,
      index.synonyms,
      index.speller,
    );
    const optional = analysis.terms.filter((t) => analysis.optional?.has(t));
    expect(optional).toEqual(['keep', 'mix']);
    // The same words in the question itself are asked.
    const asked = analyze(
      'why did bhutto keep visiting moscow',
      index.lexicon,
      index.synonyms,
      index.speller,
    );
    expect(asked.optional).toBeUndefined();
  });

  it("reads the initials of a pack's title, or of a part of it, as the title", () => {
    const crisis = buildIndex(
      [
        testPack('crisis', 'The Cuban Missile Crisis — thirteen days', 'Notes.', [
          testFact('crisis-dates', 'When did the Cuban Missile Crisis start?', ['crisis dates']),
          testFact('quarantine', 'Why was Cuba put under quarantine?', ['naval quarantine']),
        ]),
      ],
      lexicon,
    );
    const read = (text: string) =>
      analyze(text, crisis.lexicon, crisis.synonyms, crisis.speller).corrections;
    expect(read('when did the cmc start').get('cmc')).toBe('cuban missile crisis');
    expect(read('the td of the crisis').get('td')).toBe('thirteen days');
  });

  it('rewrites synonyms to one form', () => {
    expect(wordsOf('ussr')).toBe(wordsOf('soviet union'));
    expect(wordsOf('why were they on bad terms')).toBe(wordsOf('why were they fractured'));
    expect(wordsOf('what went wrong between them')).toBe(wordsOf('what worsen between them'));
  });

  it('reads a word of the thesaurus through it, never as a pack word it is close to', () => {
    const pack = testPack('kitchen', 'Kitchen', 'Notes on the kitchen.', [
      testFact('dinner-chefs', 'Which chefs cooked the dinner?', ['dinner cooks']),
    ]);
    const small = buildIndex([pack], lexicon);
    const analysis = analyze('which chiefs cooked', small.lexicon, small.synonyms, small.speller);
    expect(analysis.corrections.size).toBe(0);
    expect(analysis.words).toContain('leader');
  });

  it('reads a size asked for as an amount', () => {
    expect(wordsOf('how big did trade get')).toBe('how much did trade get');
    expect(analyze('how large was the increase', index.lexicon, index.synonyms).terms).toContain(
      '_amount',
    );
  });
});

describe('clauseStarts', () => {
  const starts = (text: string) => clauseStarts(text, tokensOf(text), lexicon);

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
