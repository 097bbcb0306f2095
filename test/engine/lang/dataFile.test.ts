import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  DataFileError,
  decodeDataFile,
  encodeDataFile,
  uint32s,
} from '../../../src/engine/lang/dataFile.js';
import { decodeFrequencies, encodeFrequencies } from '../../../src/engine/lang/en/frequencies.js';
import { decodeVectors, encodeVectors } from '../../../src/engine/lang/en/vectors.js';

describe('a language data file', () => {
  test.prop([
    fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string())),
    fc.uint8Array({ maxLength: 64 }),
  ])('gives back its header and payload', (header, payload) => {
    const decoded = decodeDataFile(encodeDataFile(header, payload));
    expect(decoded.header).toEqual(header);
    expect([...decoded.payload]).toEqual([...payload]);
  });

  it('refuses bytes that are not one, or are cut short, saying which', () => {
    const file = encodeDataFile({ format: 'x' }, new Uint8Array([1, 2, 3]));
    expect(() => decodeDataFile(new TextEncoder().encode('{"words": []}'))).toThrow(
      new DataFileError('not an Almanac data file'),
    );
    expect(() => decodeDataFile(file.subarray(0, 14))).toThrow(/cut short/);
    expect(() => decodeDataFile(new Uint8Array())).toThrow(DataFileError);
  });

  it('reads 32-bit counts from any offset, aligned or not', () => {
    const bytes = new Uint8Array(13);
    new DataView(bytes.buffer).setUint32(1, 70_000, true);
    new DataView(bytes.buffer).setUint32(5, 3, true);
    expect([...uint32s(bytes, 1, 2)]).toEqual([70_000, 3]);
    expect([...uint32s(bytes.subarray(1), 0, 2)]).toEqual([70_000, 3]);
    expect(() => uint32s(bytes, 4, 3)).toThrow(/cut short/);
  });
});

describe('word counts as a data file', () => {
  it('look words up as they were counted, and nothing else', () => {
    const counts = new Map([
      ['zebra', 12],
      ['apple', 4_000_000],
      ['mango', 1],
    ]);
    const frequencies = decodeFrequencies(encodeFrequencies(counts, 51_000_000, 'test'));
    expect(frequencies.corpusWords).toBe(51_000_000);
    for (const [word, count] of counts) expect(frequencies.counts.get(word)).toBe(count);
    expect(frequencies.counts.get('banana')).toBeUndefined();
    expect(frequencies.counts.get('appl')).toBeUndefined();
  });

  it('are not read from a file of vectors', () => {
    const vectors = encodeVectors(['one'], new Int8Array([1, 2]), {
      dimensions: 2,
      scale: 127,
      source: 'test',
    });
    expect(() => decodeFrequencies(vectors)).toThrow(/not a file of word counts/);
  });
});

describe('word vectors as a data file', () => {
  it('give each word its own row of the vectors', () => {
    const data = new Int8Array([1, -2, 3, 127, -127, 0]);
    const vectors = decodeVectors(
      encodeVectors(['tea', 'coffee', 'milk'], data, { dimensions: 2, scale: 127, source: 't' }),
    );
    expect(vectors).toMatchObject({ dimensions: 2, scale: 127 });
    expect([...vectors.rows]).toEqual([
      ['tea', 0],
      ['coffee', 1],
      ['milk', 2],
    ]);
    expect([...vectors.data]).toEqual([...data]);
  });

  it('refuse a file whose vectors are cut short', () => {
    const file = encodeVectors(['tea', 'coffee'], new Int8Array(4), {
      dimensions: 2,
      scale: 127,
      source: 't',
    });
    const header = decodeDataFile(file).header;
    const short = encodeDataFile({ ...header, words: 5 }, decodeDataFile(file).payload);
    expect(() => decodeVectors(short)).toThrow(DataFileError);
  });
});
