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

/** Counts looked up by binary search over the sorted words: no map of 74,000 entries to build. */
class SortedCounts implements WordCounts {
  constructor(
    private readonly words: readonly string[],
    private readonly counts: Uint32Array,
  ) {}

  get(word: string): number | undefined {
    let lo = 0;
    let hi = this.words.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.words[mid]!;
      if (at === word) return this.counts[mid];
      if (at < word) lo = mid + 1;
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
  const words = file.words.split(' ');
  const bytes = Buffer.from(file.counts, 'base64');
  const counts = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) counts[i] = bytes.readUInt32LE(i * 4);
  frequencies = { counts: new SortedCounts(words, counts), corpusWords: file.corpusWords };
  return frequencies;
}
