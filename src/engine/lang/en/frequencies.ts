import type { WordCounts, WordFrequencies } from '../../language.js';
import {
  DataFileError,
  decodeDataFile,
  encodeDataFile,
  headerCount,
  uint32s,
} from '../dataFile.js';

/** What `word-frequencies.bin` says it holds (`npm run frequencies` writes it). */
export const WORD_COUNTS_FORMAT = 'almanac-word-counts-1';

/**
 * Counts looked up by binary search over the sorted words, kept as the one string they came in
 * with and the offsets of its words: no 74,000 strings or map entries to make and hold.
 */
class SortedCounts implements WordCounts {
  constructor(
    private readonly text: string,
    /** Where each word starts in `text`; one more entry, past the last word's end and space. */
    private readonly starts: Uint32Array,
    private readonly counts: Uint32Array,
  ) {}

  /** `word` compared with the `i`-th word, as `<` compares strings (by code unit). */
  private compare(word: string, i: number): number {
    const start = this.starts[i]!;
    const length = this.starts[i + 1]! - 1 - start;
    const shorter = Math.min(length, word.length);
    for (let k = 0; k < shorter; k++) {
      const d = word.charCodeAt(k) - this.text.charCodeAt(start + k);
      if (d !== 0) return d;
    }
    return word.length - length;
  }

  get(word: string): number | undefined {
    let lo = 0;
    let hi = this.counts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const order = this.compare(word, mid);
      if (order === 0) return this.counts[mid];
      if (order > 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}

/**
 * How often words are used in everyday English: SUBTLEX-US, counts over 51 million words of
 * film subtitles. A pack of thirty facts cannot tell on its own that "work" is an everyday word
 * and "photosynthesis" a telling one; this table can. Decoded from the bytes of
 * `data/word-frequencies.bin` (`npm run frequencies` writes it): the counts, as 32-bit integers,
 * are a view of those bytes, and the words one string, so nothing is built per word.
 */
export function decodeFrequencies(bytes: Uint8Array): WordFrequencies {
  const { header, payload } = decodeDataFile(bytes);
  if (header['format'] !== WORD_COUNTS_FORMAT) {
    throw new DataFileError(`not a file of word counts (${WORD_COUNTS_FORMAT})`);
  }
  const n = headerCount(header, 'words');
  const counts = uint32s(payload, 0, n);
  // Every word, lower case, sorted by code unit, one space between.
  const text = new TextDecoder().decode(payload.subarray(n * 4));
  const starts = new Uint32Array(n + 1);
  for (let i = 0, at = 0; i < n; i++) {
    starts[i] = at;
    at = text.indexOf(' ', at) + 1 || text.length + 1;
  }
  starts[n] = text.length + 1;
  return {
    counts: new SortedCounts(text, starts, counts),
    corpusWords: headerCount(header, 'corpusWords'),
  };
}

/** The bytes of `word-frequencies.bin` for these counts (`npm run frequencies`). */
export function encodeFrequencies(
  counts: ReadonlyMap<string, number>,
  corpusWords: number,
  source: string,
): Uint8Array {
  const words = [...counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const text = new TextEncoder().encode(words.join(' '));
  const payload = new Uint8Array(words.length * 4 + text.length);
  const view = new DataView(payload.buffer);
  words.forEach((w, i) => view.setUint32(i * 4, counts.get(w)!, true));
  payload.set(text, words.length * 4);
  return encodeDataFile(
    { format: WORD_COUNTS_FORMAT, source, corpusWords, words: words.length },
    payload,
  );
}
