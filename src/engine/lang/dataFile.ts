/**
 * The binary files a language's bulk data comes in (word counts, word vectors): a small JSON
 * header saying what the file holds, then the numbers as they sit in memory, so loading one is
 * reading its bytes and taking typed-array views of them, with nothing parsed or copied. Reading
 * the bytes is the shell's business (`src/knowledge/languages.ts`): the engine receives them as
 * a value.
 *
 * Layout: the 8 bytes `ALMANAC1`; the header's length in bytes (32-bit, little-endian); the
 * header, UTF-8 JSON; zero bytes up to a multiple of 8; then the payload, to the end.
 */

const MAGIC = 'ALMANAC1';
const PAYLOAD_ALIGNMENT = 8;

/** A data file taken apart: its header, and its payload as a view of the same bytes. */
export interface DataFile {
  readonly header: Readonly<Record<string, unknown>>;
  readonly payload: Uint8Array;
}

/** Why bytes are not a data file of the kind expected: said to whoever reads the file. */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';
}

/** The bytes of a data file with this header and payload. */
export function encodeDataFile(header: Readonly<Record<string, unknown>>, payload: Uint8Array) {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = Math.ceil((MAGIC.length + 4 + json.length) / PAYLOAD_ALIGNMENT) * PAYLOAD_ALIGNMENT;
  const bytes = new Uint8Array(start + payload.length);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(MAGIC.length, json.length, true);
  bytes.set(json, MAGIC.length + 4);
  bytes.set(payload, start);
  return bytes;
}

/** Takes a data file apart; throws a {@link DataFileError} when the bytes are not one. */
export function decodeDataFile(bytes: Uint8Array): DataFile {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = new TextDecoder().decode(bytes.subarray(0, MAGIC.length));
  if (bytes.length < MAGIC.length + 4 || magic !== MAGIC) {
    throw new DataFileError('not an Almanac data file');
  }
  const length = view.getUint32(MAGIC.length, true);
  const end = MAGIC.length + 4 + length;
  if (end > bytes.length) throw new DataFileError('the data file is cut short');
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length + 4, end)));
  } catch {
    throw new DataFileError('the data file has an unreadable header');
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    throw new DataFileError('the data file has an unreadable header');
  }
  const start = Math.ceil(end / PAYLOAD_ALIGNMENT) * PAYLOAD_ALIGNMENT;
  return { header: Object.fromEntries(Object.entries(header)), payload: bytes.subarray(start) };
}

/** A whole, non-negative number from a header, or a {@link DataFileError} naming the field. */
export function headerCount(header: DataFile['header'], field: string): number {
  const value = header[field];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new DataFileError(`the data file's header has no count "${field}"`);
  }
  return value;
}

/** Whether this machine stores numbers little-endian, as data files do. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * `count` 32-bit little-endian unsigned integers at `offset` of `bytes`: a view of the same
 * memory when it can be (aligned, on a little-endian machine), a copy otherwise.
 */
export function uint32s(bytes: Uint8Array, offset: number, count: number): Uint32Array {
  if (offset + count * 4 > bytes.length) throw new DataFileError('the data file is cut short');
  const at = bytes.byteOffset + offset;
  if (LITTLE_ENDIAN && at % 4 === 0) return new Uint32Array(bytes.buffer, at, count);
  const view = new DataView(bytes.buffer, at, count * 4);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}
