import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { analyzeWords, buildSynonymTable, hashWords } from '../../src/engine/analyze.js';
import { tokenize, normalizeText } from '../../src/engine/normalize.js';
import { orderByLists, orderByText } from '../../src/engine/order.js';
import { createTermReader } from '../../src/engine/reader.js';
import { english } from '../../src/knowledge/languages.js';
import { lexiconOf } from '../../src/engine/lexicon.js';

const lexicon = lexiconOf(english);

const synonyms = buildSynonymTable(
  [['soviet union', ['ussr', 'soviets']], ['zab', ['zabba']], ...Object.entries(english.thesaurus)],
  lexicon,
);

const text = fc
  .array(
    fc.constantFrom(
      'When',
      'did',
      'the',
      'USSR',
      'soviet',
      'union',
      'zabs',
      'zab',
      'what year',
      'wat',
      'in 72',
      'goals',
      'paid off',
      'visited',
      'visits',
      "Bhutto's",
      '4,500',
      'é',
      '?',
      'who',
    ),
    { maxLength: 14 },
  )
  .map((words) => words.join(' '));

test.prop([fc.array(text, { minLength: 1, maxLength: 6 })])(
  'reads the terms and words analyzeWords gives, each text in turn',
  (texts) => {
    const reader = createTermReader(lexicon, synonyms);
    const termOf = (id: number) => [...reader.termIds].find(([, v]) => v === id)?.[0];
    texts.forEach((t, fact) => {
      const ids: number[] = [];
      const words: number[] = [];
      const { text: normalized, key } = reader.readPhrasing(t, fact, ids, words);
      const analysis = analyzeWords(tokenize(normalizeText(t)), lexicon, synonyms);
      expect(normalized).toBe(normalizeText(t));
      expect(words).toHaveLength(tokenize(normalized).length);
      expect(key).toBe(hashWords(analysis.words));
      expect(ids.map(termOf)).toEqual(analysis.terms);
    });
  },
);

test.each([
  'when did bhutto visit',
  'the 36.2 million',
  'a',
  'When',
  'a  b',
  ' a',
  'a ',
  'a. b',
  '1. 2',
  'a?',
  "a's",
  '',
])('gives %j the normalised text normalizeText gives', (phrasing) => {
  const reader = createTermReader(lexicon, synonyms);
  expect(reader.readPhrasing(phrasing, 0, [], []).text).toBe(normalizeText(phrasing));
});

test.prop([fc.array(text, { maxLength: 40 })])(
  'orders phrasings by their words as their texts order',
  (texts) => {
    const reader = createTermReader(lexicon, synonyms);
    const start = [0];
    const words: number[] = [];
    const normalized = texts.map((t, fact) => {
      const { text: read } = reader.readPhrasing(t, fact, [], words);
      start.push(words.length);
      return read;
    });
    const ranks = reader.wordRanks();
    const byWords = orderByLists({
      start: Int32Array.from(start),
      items: Int32Array.from(words, (id) => ranks[id]!),
    });
    expect([...byWords]).toEqual([...orderByText(normalized)]);
  },
);
