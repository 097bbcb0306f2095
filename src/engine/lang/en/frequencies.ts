import { createRequire } from 'node:module';
import type { WordCounts, WordFrequencies } from '../../language.js';

/** `data/word-frequencies.json`, as `npm run frequencies` writes it. */
interface FrequencyFile {
  readonly corpusWords: number;
  /** Every word, lower case, sorted by code unit, one space between. */
  readonly words: string;
  /** Each word's count, as little-endian 32-bit integers in base64. */
  readonly counts: string;
}

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

let frequencies: WordFrequencies | undefined;

/**
 * How often words are used in everyday English: SUBTLEX-US, counts over 51 million words of
 * film subtitles. A pack of thirty facts cannot tell on its own that "work" is an everyday word
 * and "photosynthesis" a telling one; this table can. Read at first use from the compact file
 * `npm run frequencies` builds, through `require`, so Node parses it natively; its shape is
 * checked by test/engine/lexicon.test.ts.
 */
export function englishFrequencies(): WordFrequencies {
  if (frequencies) return frequencies;
  // Our own generated file (`npm run frequencies`), read as JSON.
  const file: FrequencyFile = createRequire(import.meta.url)('./data/word-frequencies.json');
  const bytes = Buffer.from(file.counts, 'base64');
  const counts = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < counts.length; i++) counts[i] = bytes.readUInt32LE(i * 4);
  const starts = new Uint32Array(counts.length + 1);
  for (let i = 0, at = 0; i < counts.length; i++) {
    starts[i] = at;
    at = file.words.indexOf(' ', at) + 1 || file.words.length + 1;
  }
  starts[counts.length] = file.words.length + 1;
  frequencies = {
    counts: new SortedCounts(file.words, starts, counts),
    corpusWords: file.corpusWords,
  };
  return frequencies;
}
