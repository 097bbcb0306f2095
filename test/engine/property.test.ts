import { fc, test } from '@fast-check/vitest';
import { beforeAll, expect } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { truncateQuestion, wordsOf } from '../../src/engine/normalize.js';
import type { Engine } from '../../src/engine/types.js';
import { bundledPacks } from '../support/packs.js';
import { english } from '../../src/knowledge/languages.js';

let engine: Engine;
beforeAll(async () => {
  engine = createEngine(await bundledPacks(), { language: english });
});

const anyText = fc.oneof(
  fc.string({ maxLength: 2_000 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .array(
      fc.constantFrom(
        'bhutto',
        'moscow',
        'when',
        '1972',
        '<@1234567890123456>',
        '||',
        '`',
        '🙂',
        '\u0301',
        '\0',
      ),
      { maxLength: 40 },
    )
    .map((w) => w.join(' ')),
);

test.prop([anyText])('any input yields a well-formed verdict and never throws', (question) => {
  const result = engine.ask(question);
  expect(['answered', 'ambiguous', 'no-match']).toContain(result.status);
  expect(result.confidence).toBeGreaterThanOrEqual(0);
  expect(result.confidence).toBeLessThanOrEqual(1);
  if (result.status === 'ambiguous') {
    expect(result.candidates.length).toBeGreaterThan(0);
    expect(result.candidates.length).toBeLessThanOrEqual(3);
  }
});

test.prop([anyText])('autocomplete offers at most 25 distinct facts for any input', (partial) => {
  const ids = engine.autocomplete(partial).map((c) => c.factId);
  expect(ids.length).toBeLessThanOrEqual(25);
  expect(new Set(ids).size).toBe(ids.length);
});

/**
 * The most work one word may cost the speller: every string left by up to two deletions from a
 * word of at most `longestWord` letters, and a bucket of words that sound alike.
 */
const SPELLING_PER_WORD = 1 + 30 + (30 * 29) / 2 + 2_000;

test.prop([fc.string({ maxLength: 600 }), fc.string({ unit: 'grapheme', maxLength: 200 })])(
  'any question costs work bounded by its words, however long they are',
  (text, more) => {
    const question = `${text} ${more}`;
    const words = wordsOf(truncateQuestion(question).text).length + 1;
    const { work } = engine.inspect(question);
    expect(work.spelling).toBeLessThanOrEqual(words * SPELLING_PER_WORD);
    expect(work.postings).toBeLessThanOrEqual(words * engine.size);
  },
);

test('a word of thousands of letters costs the speller nothing', () => {
  expect(engine.inspect('x'.repeat(5_000)).work.spelling).toBe(0);
  expect(engine.inspect(`when did ${'bhutto'.repeat(80)} visit`).work.spelling).toBe(0);
});
