/**
 * A pack file before it is YAML: the most bytes one may hold, why one could not be read, its
 * bytes decoded strictly as UTF-8, and the shape a parsed file takes (`parse.ts` parses). Kept
 * apart from the YAML parser, which a start that finds its packs in the pack cache never loads.
 */
import type { Problem } from './problem.js';

/** Pack files larger than this are refused before parsing. */
export const MAX_PACK_BYTES = 2 * 1024 * 1024;

/**
 * Why a pack file could not be read as text. Every reason names what the file is, or what was
 * wrong, in plain words: the problem line already names the file.
 */
export const PACK_FILE_PROBLEMS = Object.freeze({
  tooLarge: `the file is larger than ${MAX_PACK_BYTES} bytes`,
  /** `looksLike` is a guess at what the bytes are: "UTF-16, little-endian", "Latin-1 …". */
  notUtf8: (looksLike: string) =>
    `the file is not UTF-8 text (looks like ${looksLike}): save it as UTF-8`,
  linkLoop: 'the file is a symbolic link that leads back to itself (a link loop)',
  danglingLink: 'the file is gone, or is a link to something that does not exist',
  permissionDenied: 'the file cannot be read: permission denied',
  folder: 'this is a folder, not a pack file',
  fifo: 'the file is a named pipe (FIFO), not a regular file',
  device: 'the file is a device, not a regular file',
  socket: 'the file is a socket, not a regular file',
  notRegular: 'the file is not a regular file',
  timedOut: (seconds: number) => `the file could not be read within ${seconds} seconds`,
  unreadable: (code: string) => `the file cannot be read (${code})`,
});

export type PathSegment = string | number;

/** A pack file read as YAML, keeping positions so problems can name their line. */
export interface ParsedFile {
  readonly file: string;
  /** The plain data, or undefined when the YAML itself is broken. */
  readonly data: unknown;
  /**
   * The position of the value at `path`, or of its nearest parent that exists. With `key`, the
   * position of the key itself (for a field that should not be there).
   */
  locate(path: readonly PathSegment[], options?: { key?: boolean }): { line: number; col: number };
  /** Syntax problems found while parsing. */
  readonly problems: readonly Problem[];
}

/**
 * A file that could not be read as a pack (too large, not text, not a regular file, unreadable):
 * no data, and one problem saying why, at `at` (the start of the file unless said).
 */
export function unreadablePack(
  file: string,
  message: string,
  at: { readonly line: number; readonly col: number } = { line: 1, col: 1 },
): ParsedFile {
  return {
    file,
    data: undefined,
    locate: () => ({ line: at.line, col: at.col }),
    problems: [{ file, line: at.line, col: at.col, message }],
  };
}

/** A file refused for its size, before anything in it is read. */
export function oversizedPack(file: string): ParsedFile {
  return unreadablePack(file, PACK_FILE_PROBLEMS.tooLarge);
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** How many leading bytes {@link guessEncoding} and the NUL test look at. */
const SAMPLE_BYTES = 4096;

/**
 * The offset where the first ill-formed UTF-8 sequence starts (Unicode's table of well-formed
 * byte sequences: no overlong forms, no surrogates, nothing past U+10FFFF), or -1. Run only once
 * the strict decoder has refused the bytes, to say where.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let trailing: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) trailing = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      trailing = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      trailing = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= trailing; k++) {
      const byte = bytes[i + k];
      if (byte === undefined) return i;
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (byte < min || byte > max) return i;
    }
    i += trailing + 1;
  }
  return -1;
}

/** The encoding a byte order mark announces, when it is one UTF-8 is not. */
function byteOrderMark(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0x00 && b === 0x00 && c === 0xfe && d === 0xff) return 'UTF-32, big-endian';
  if (a === 0xff && b === 0xfe && c === 0x00 && d === 0x00) return 'UTF-32, little-endian';
  if (a === 0xfe && b === 0xff) return 'UTF-16, big-endian';
  if (a === 0xff && b === 0xfe) return 'UTF-16, little-endian';
  return undefined;
}

/**
 * UTF-16 without a byte order mark, told by its NUL bytes: text in a Latin script puts a zero in
 * every other byte, the odd ones (little-endian) or the even ones (big-endian). YAML allows no
 * NUL character, so a pack in UTF-8 has none.
 */
function nulPattern(bytes: Uint8Array): string | undefined {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) even += 1;
      else odd += 1;
    }
  }
  const pairs = Math.floor(sample.length / 2);
  // A quarter of the pairs: even a pack mostly in another script has its keys and indentation
  // in ASCII. A tenth on the other side leaves room for the odd character U+xx00.
  if (odd >= pairs / 4 && even <= odd / 10) return 'UTF-16, little-endian';
  if (even >= pairs / 4 && odd <= even / 10) return 'UTF-16, big-endian';
  return undefined;
}

/**
 * What bytes the strict decoder refused look like: binary data when they hold NUL bytes or many
 * control bytes, else a single-byte encoding (where é is one byte, 0xE9, which UTF-8 never
 * allows alone).
 */
function guessEncoding(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let controls = 0;
  for (const byte of sample) {
    const isText = byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0c;
    if (byte === 0x00) return 'binary data';
    if (byte < 0x20 && !isText) controls += 1;
  }
  return controls > sample.length / 100 ? 'binary data' : 'Latin-1 or Windows-1252';
}

/** Line and column (counted in characters) of byte `offset`, which starts ill-formed text. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  // The bytes before `offset` are well-formed: that is where the first ill-formed one starts.
  const before = STRICT_UTF8.decode(bytes.subarray(lineStart, offset));
  return { line, col: [...before].length + 1 };
}

/** Text decoded from a pack file's bytes, or why they are not UTF-8 text and where. */
export type DecodedPack =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly message: string; readonly line: number; readonly col: number };

/**
 * Decodes a pack file's bytes strictly as UTF-8 (a UTF-8 byte order mark is dropped). Nothing is
 * replaced: bytes that are not UTF-8 come back as a problem naming what they look like (UTF-16
 * by its byte order mark or its NUL bytes, Latin-1 by bytes UTF-8 never allows alone, binary
 * data), at the first byte that is not UTF-8. Pure.
 */
export function decodePackBytes(bytes: Uint8Array): DecodedPack {
  const marked = byteOrderMark(bytes) ?? (bytes.includes(0) ? nulPattern(bytes) : undefined);
  if (marked) return { ok: false, message: PACK_FILE_PROBLEMS.notUtf8(marked), line: 1, col: 1 };
  try {
    return { ok: true, text: STRICT_UTF8.decode(bytes) };
  } catch {
    const at = Math.max(0, firstInvalidUtf8(bytes));
    return {
      ok: false,
      message: PACK_FILE_PROBLEMS.notUtf8(guessEncoding(bytes)),
      ...positionOf(bytes, at),
    };
  }
}
