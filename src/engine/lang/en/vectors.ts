import type { WordVectors } from '../../language.js';
import { DataFileError, decodeDataFile, encodeDataFile, headerCount } from '../dataFile.js';

/** What `word-vectors.bin` says it holds (`npm run vectors` writes it). */
export const WORD_VECTORS_FORMAT = 'almanac-word-vectors-1';

/**
 * The bundled English vectors, decoded from the bytes of `data/word-vectors.bin` (`npm run
 * vectors` writes it): 40,000 everyday English words, each a unit vector of signed bytes
 * (× `scale`). The vectors are a view of those bytes; only the words' rows are a map.
 */
export function decodeVectors(bytes: Uint8Array): WordVectors {
  const { header, payload } = decodeDataFile(bytes);
  if (header['format'] !== WORD_VECTORS_FORMAT) {
    throw new DataFileError(`not a file of word vectors (${WORD_VECTORS_FORMAT})`);
  }
  const dimensions = headerCount(header, 'dimensions');
  const scale = headerCount(header, 'scale');
  const count = headerCount(header, 'words');
  const size = count * dimensions;
  if (payload.length < size) throw new DataFileError('the data file is cut short');
  const data = new Int8Array(payload.buffer, payload.byteOffset, size);
  const rows = new Map<string, number>();
  const words = new TextDecoder().decode(payload.subarray(size));
  words.split(' ').forEach((word, row) => rows.set(word, row));
  if (rows.size !== count) throw new DataFileError('the data file has words without vectors');
  return { dimensions, scale, rows, data };
}

/** The bytes of `word-vectors.bin`: `words[i]`'s vector is `data[i × dimensions …]`. */
export function encodeVectors(
  words: readonly string[],
  data: Int8Array,
  options: { readonly dimensions: number; readonly scale: number; readonly source: string },
): Uint8Array {
  const size = words.length * options.dimensions;
  const text = new TextEncoder().encode(words.join(' '));
  const payload = new Uint8Array(size + text.length);
  payload.set(new Uint8Array(data.buffer, data.byteOffset, size), 0);
  payload.set(text, size);
  return encodeDataFile(
    {
      format: WORD_VECTORS_FORMAT,
      source: options.source,
      dimensions: options.dimensions,
      scale: options.scale,
      words: words.length,
    },
    payload,
  );
}
