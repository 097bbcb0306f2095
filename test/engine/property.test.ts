import { fc, test } from '@fast-check/vitest';
import { beforeAll, expect } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import type { Engine } from '../../src/engine/types.js';
import { bundledPacks } from '../support/packs.js';
import { english } from '../../src/engine/lang/en/index.js';

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
