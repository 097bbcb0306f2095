import { createRequire } from 'node:module';
import type { WordVectors } from '../../language.js';

interface VectorFile {
  readonly dimensions: number;
  readonly scale: number;
  readonly words: string;
  readonly vectors: string;
}

let bundled: WordVectors | undefined;

/**
 * The bundled English vectors (`data/word-vectors.json`, built by `npm run vectors`): 40,000
 * everyday English words. Read through `require` so Node parses the file natively, and only on
 * first use, so a start-up that never needs them does not pay for them.
 */
export function englishVectors(): WordVectors {
  if (bundled) return bundled;
  // Our own generated file (`npm run vectors`), read as JSON; test/engine/semantic.test.ts
  // checks what it yields.
  const file: VectorFile = createRequire(import.meta.url)('./data/word-vectors.json');
  const bytes = Buffer.from(file.vectors, 'base64');
  const data = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rows = new Map<string, number>();
  file.words.split(' ').forEach((word, row) => rows.set(word, row));
  bundled = { dimensions: file.dimensions, scale: file.scale, rows, data };
  return bundled;
}
