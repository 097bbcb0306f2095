import { fc, test } from '@fast-check/vitest';
import { doubleMetaphone } from 'double-metaphone';
import { describe, expect, it } from 'vitest';
import { RANKING } from '../../src/engine/config.js';
import { allowedEdits, buildSpellIndex, editDistance } from '../../src/engine/spell.js';
import { english } from '../../src/knowledge/languages.js';
import { lexiconOf } from '../../src/engine/lexicon.js';

const lexicon = lexiconOf(english);
const { soundMinLength: PHONETIC_MIN_LENGTH, soundMaxEdits: PHONETIC_MAX_EDITS } = RANKING.spelling;

const speller = buildSpellIndex(
  new Map([
    ['bhutto', 5],
    ['moscow', 4],
    ['soviet', 6],
    ['brezhnev', 2],
    ['kosygin', 2],
    ['trade', 3],
    ['grade', 1],
  ]),
  lexicon,
);

describe('words spelt by ear', () => {
  const byEar = buildSpellIndex(
    new Map([
      ['relations', 4],
      ['cooperation', 3],
      ['snickers', 1],
      ['bhutto', 5],
      ['afghanistan', 2],
    ]),
    lexicon,
  );

  it.each([
    ['relashuns', 'relations'],
    ['cooperashun', 'cooperation'],
  ])('reads %j as %j, which it sounds like', (typed, expected) => {
    expect(byEar.correct(typed)).toBe(expected);
  });

  it('takes a real English word as meant, however it sounds', () => {
    expect(byEar.correct('swingers')).toBeUndefined();
  });

  it('leaves short words and words that sound like nothing it knows', () => {
    expect(byEar.correct('bhooto')).toBeUndefined();
    expect(byEar.correct('relashunships')).toBeUndefined();
  });
});

describe('typo correction', () => {
  it.each([
    ['bhuto', 'bhutto'],
    ['moskow', 'moscow'],
    ['soveit', 'soviet'],
    ['breznev', 'brezhnev'],
    ['kosigin', 'kosygin'],
    ['oscow', 'moscow'],
  ])('reads %j as %j', (typed, expected) => {
    expect(speller.correct(typed)).toBe(expected);
  });

  it('keeps known words as they are', () => {
    expect(speller.correct('grade')).toBe('grade');
  });

  it('does not guess for short words or words too far from any it knows', () => {
    expect(speller.correct('tra')).toBeUndefined();
    expect(speller.correct('photosynthesis')).toBeUndefined();
    expect(speller.correct('xhuto')).toBeUndefined();
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('soveit', 'soviet', 2)).toBe(1);
    expect(editDistance('moscow', 'moskow', 2)).toBe(1);
  });
});

describe('the symmetric-delete index', () => {
  /** The correction by scanning every known word: what the index must find. */
  const scan = (frequencies: ReadonlyMap<string, number>, word: string): string | undefined => {
    if (frequencies.has(word)) return word;
    const max = allowedEdits(word.length);
    if (max === 0 || /\d/.test(word)) return undefined;
    let best: [number, number, string] | undefined;
    for (const [candidate, frequency] of frequencies) {
      if (/\d/.test(candidate)) continue;
      const distance = editDistance(word, candidate, max);
      if (distance > max) continue;
      const swapped =
        candidate.length === word.length &&
        candidate[0] === word[1] &&
        candidate[1] === word[0] &&
        candidate.slice(2) === word.slice(2);
      if (candidate[0] !== word[0] && word.length < 6 && candidate.slice(1) !== word && !swapped) {
        continue;
      }
      const key: [number, number, string] = [distance, -frequency, candidate];
      if (
        !best ||
        key[0] < best[0] ||
        (key[0] === best[0] && (key[1] < best[1] || (key[1] === best[1] && key[2] < best[2])))
      )
        best = key;
    }
    return best?.[2];
  };
  const word = fc.string({
    unit: fc.constantFrom('a', 'b', 'c', 'd', '1'),
    minLength: 1,
    maxLength: 10,
  });

  test.prop([
    fc.array(fc.tuple(word, fc.nat({ max: 3 })), { maxLength: 60 }),
    fc.array(word, { maxLength: 20 }),
  ])('finds the same correction as a scan of the vocabulary', (entries, queries) => {
    const frequencies = new Map(entries);
    const index = buildSpellIndex(frequencies, lexicon);
    for (const query of queries) {
      const expected = scan(frequencies, query);
      const found = index.correct(query);
      if (expected !== undefined || found === undefined) {
        expect(found).toBe(expected);
        continue;
      }
      // Nothing within the allowed edits: only a long word may still be read by its sound.
      expect(query.length).toBeGreaterThanOrEqual(PHONETIC_MIN_LENGTH);
      expect(found[0]).toBe(query[0]);
      expect(editDistance(query, found, PHONETIC_MAX_EDITS)).toBeLessThanOrEqual(
        PHONETIC_MAX_EDITS,
      );
      expect(doubleMetaphone(found)[0]).toBe(doubleMetaphone(query)[0]);
    }
  });
});

describe('equally close corrections', () => {
  const small = buildSpellIndex(
    new Map([
      ['peel', 3],
      ['patel', 1],
      ['frown', 1],
    ]),
    lexicon,
  );

  it('are all offered, the most frequent first', () => {
    expect(small.candidates('ptel')).toEqual(['peel', 'patel']);
    expect(small.correct('ptel')).toBe('peel');
  });

  it('include a short word with its first two letters swapped', () => {
    expect(small.correct('rfown')).toBe('frown');
  });
});

describe('words longer than any word of a language', () => {
  it('are neither corrected nor corrected into', () => {
    const long = 'a'.repeat(RANKING.spelling.longestWord + 1);
    const index = buildSpellIndex(
      new Map([
        [long, 1],
        ['trade', 1],
      ]),
      lexicon,
    );
    expect(index.candidates(`${long}b`)).toEqual([]);
    expect(index.candidates('x'.repeat(5_000))).toEqual([]);
    expect(index.correct('trdae')).toBe('trade');
  });
});
