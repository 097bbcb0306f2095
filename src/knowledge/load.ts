import { constants, type Stats } from 'node:fs';
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { MAX_PACK_BYTES, PACK_FILE_PROBLEMS, unreadablePack, type ParsedFile } from './packFile.js';
import { PACK_FILE_NAME } from './folder.js';
import type { Problem } from './problem.js';
import { STRUCTURAL_RULES, type Rule } from './rules.js';
import type { PackBytes, PackCache } from './packCache.js';
import { validatePacks, type ValidationResult } from './validate.js';

/**
 * How long reading one pack file (or listing the folder) may take. A local pack of at most
 * {@link MAX_PACK_BYTES} reads in milliseconds; this bounds a stalled network or FUSE mount, so
 * start-up and `/almanac reload` report the file instead of waiting for ever.
 */
export const PACK_READ_TIMEOUT_MS = 10_000;

/**
 * Open flags for a pack file. `O_NONBLOCK` keeps `open` from waiting for a writer should the
 * name have been swapped for a named pipe since it was checked (the handle is checked again);
 * on a regular file it changes nothing. Windows has no such flag.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

type Read<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const TIMED_OUT = Symbol('timed out');

/**
 * `work`, or {@link TIMED_OUT} once `ms` have passed. The work is not cancelled (a read in
 * progress cannot be): it finishes, and cleans up after itself, in the background.
 */
async function timeBoxed<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((done) => {
    timer = setTimeout(() => done(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The error code Node gives a failed file-system call (`ENOENT`, `ELOOP`…), if any. */
function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** Why a pack file cannot be read, from the error a file-system call gave. */
function fileReason(error: unknown): string {
  const code = errorCode(error);
  switch (code) {
    case 'ELOOP':
      return PACK_FILE_PROBLEMS.linkLoop;
    case 'ENOENT':
      return PACK_FILE_PROBLEMS.danglingLink;
    case 'EACCES':
    case 'EPERM':
      return PACK_FILE_PROBLEMS.permissionDenied;
    case 'EISDIR':
      return PACK_FILE_PROBLEMS.folder;
    default:
      return PACK_FILE_PROBLEMS.unreadable(code ?? String(error));
  }
}

/** Why what `stats` describes is not a pack file to read, or undefined for a regular file. */
function notAFile(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return PACK_FILE_PROBLEMS.folder;
  if (stats.isFIFO()) return PACK_FILE_PROBLEMS.fifo;
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return PACK_FILE_PROBLEMS.device;
  if (stats.isSocket()) return PACK_FILE_PROBLEMS.socket;
  return PACK_FILE_PROBLEMS.notRegular;
}

/**
 * The bytes of the regular file at `path`, at most {@link MAX_PACK_BYTES} + 1 of them (one more
 * than allowed tells a file that is too large). The file a link leads to is checked with `stat`
 * before it is opened, so a link to a device, a pipe or a folder is never opened; the opened
 * handle is checked again, since the name may have changed in between.
 */
async function readRegularFile(path: string): Promise<Read<Uint8Array>> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    return { ok: false, reason: fileReason(error) };
  }
  const odd = notAFile(info);
  if (odd) return { ok: false, reason: odd };
  if (info.size > MAX_PACK_BYTES) return { ok: false, reason: PACK_FILE_PROBLEMS.tooLarge };
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    return { ok: false, reason: fileReason(error) };
  }
  try {
    const opened = notAFile(await handle.stat());
    if (opened) return { ok: false, reason: opened };
    const buffer = Buffer.alloc(MAX_PACK_BYTES + 1);
    let length = 0;
    // A file may grow after `stat`: read until its end or one byte past the cap, no further.
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > MAX_PACK_BYTES) return { ok: false, reason: PACK_FILE_PROBLEMS.tooLarge };
    return { ok: true, value: buffer.subarray(0, length) };
  } catch (error) {
    return { ok: false, reason: fileReason(error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Reads and parses one pack file. Never throws and never waits past
 * {@link PACK_READ_TIMEOUT_MS}: whatever is at `path` (a link loop, a folder, a pipe, a device, an
 * unreadable or oversized file, bytes that are not UTF-8) comes back as a problem naming `file`.
 */
export async function readPackFile(path: string, file: string): Promise<ParsedFile> {
  const parse = await parser();
  return parse(file, await readPackBytes(path));
}

/** The bytes of the pack file at `path`, or why they cannot be read, within the time box. */
async function readPackBytes(path: string): Promise<Read<Uint8Array>> {
  const read = await timeBoxed(
    readRegularFile(path).catch((error: unknown): Read<Uint8Array> => ({
      ok: false,
      reason: fileReason(error),
    })),
    PACK_READ_TIMEOUT_MS,
  );
  if (read === TIMED_OUT) {
    return { ok: false, reason: PACK_FILE_PROBLEMS.timedOut(PACK_READ_TIMEOUT_MS / 1000) };
  }
  return read;
}

/**
 * What parses a read pack file, or gives its problem. The YAML parser is loaded at the first
 * file that must be parsed: a start that finds its packs in the pack cache never loads it
 * (about 1 MB less at the console's prompt).
 */
async function parser(): Promise<(file: string, read: Read<Uint8Array>) => ParsedFile> {
  const { parsePackBytes } = await import('./parse.js');
  return (file, read) =>
    read.ok ? parsePackBytes(file, read.value) : unreadablePack(file, read.reason);
}

/** Why the knowledge folder itself cannot be listed. */
function folderReason(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT':
      return 'the knowledge folder does not exist';
    case 'ENOTDIR':
      return 'the knowledge folder is not a folder';
    case 'ELOOP':
      return 'the knowledge folder is a symbolic link that leads back to itself (a link loop)';
    case 'EACCES':
    case 'EPERM':
      return 'the knowledge folder cannot be read: permission denied';
    default:
      return `the knowledge folder cannot be read (${errorCode(error) ?? String(error)})`;
  }
}

/**
 * Reads every `*.yaml` pack in `dir` (sorted by name, so load order is stable), or says why the
 * folder itself cannot be read. Files are read one at a time, each with {@link readPackFile}.
 */
export async function readPackFiles(
  dir: string,
  cwd = process.cwd(),
): Promise<{ ok: true; files: ParsedFile[] } | { ok: false; problem: Problem }> {
  const read = await readPackFolder(dir, cwd);
  if (!read.ok) return read;
  const parse = await parser();
  return { ok: true, files: read.files.map(({ file, read: bytes }) => parse(file, bytes)) };
}

/** Every `*.yaml` file of `dir` as bytes (or why not), sorted by name, one at a time. */
async function readPackFolder(
  dir: string,
  cwd: string,
): Promise<
  { ok: true; files: { file: string; read: Read<Uint8Array> }[] } | { ok: false; problem: Problem }
> {
  const where = relative(cwd, dir) || dir;
  const listed = await timeBoxed(
    readdir(dir).then(
      (names): Read<string[]> => ({ ok: true, value: names }),
      (error: unknown): Read<string[]> => ({ ok: false, reason: folderReason(error) }),
    ),
    PACK_READ_TIMEOUT_MS,
  );
  if (listed === TIMED_OUT || !listed.ok) {
    const message =
      listed === TIMED_OUT
        ? `the knowledge folder could not be listed within ${PACK_READ_TIMEOUT_MS / 1000} seconds`
        : listed.reason;
    return { ok: false, problem: { file: where, line: 1, col: 1, message } };
  }
  const names = listed.value.filter((n) => PACK_FILE_NAME.test(n)).sort();
  const files: { file: string; read: Read<Uint8Array> }[] = [];
  for (const name of names) {
    const path = join(dir, name);
    files.push({ file: relative(cwd, path) || path, read: await readPackBytes(path) });
  }
  return { ok: true, files };
}

/**
 * Reads and validates the packs in `dir`. Never throws for bad content or an odd file system:
 * problems come back. `rules` narrows the checks (start-up runs the structural ones only).
 */
export async function loadPacks(
  dir: string,
  cwd = process.cwd(),
  rules?: readonly Rule[],
): Promise<ValidationResult> {
  const read = await readPackFiles(dir, cwd);
  if (!read.ok) return { ok: false, errors: [read.problem], warnings: [] };
  return validatePacks(read.files, { folder: relative(cwd, dir) || dir, rules });
}

/**
 * The packs of `dir` as `cache` kept them, when every file is as it was then; undefined when any
 * differs, is new or gone, or cannot be read (nothing is parsed: {@link loadServingPacks} says
 * what is wrong). For a caller that would rather not parse YAML where it stands.
 */
export async function readCachedPacks(
  dir: string,
  cwd: string,
  cache: PackCache,
): Promise<ValidationResult | undefined> {
  const read = await readPackFolder(dir, cwd);
  const bytes = read.ok ? cacheKeyOf(read.files) : undefined;
  return bytes ? cache.read(bytes) : undefined;
}

/** Every file's bytes, the pack cache's key; undefined unless every file was read, and one was. */
function cacheKeyOf(
  files: readonly { readonly file: string; readonly read: Read<Uint8Array> }[],
): PackBytes[] | undefined {
  const bytes = files.flatMap(({ file, read }) => (read.ok ? [{ file, bytes: read.value }] : []));
  return bytes.length === files.length && bytes.length > 0 ? bytes : undefined;
}

/**
 * Loads packs to serve them (console, CLI, bot start-up and reload): the structural rules only.
 * The self-retrieval check builds the engine several times over; it runs in `npm run validate`
 * and CI, so a pack that fails it never lands, without slowing every start. With a `cache`, packs
 * whose files were validated before are read from it instead of parsed and validated again.
 */
export async function loadServingPacks(
  dir: string,
  cwd = process.cwd(),
  cache?: PackCache,
): Promise<ValidationResult> {
  if (!cache) return loadPacks(dir, cwd, STRUCTURAL_RULES);
  const read = await readPackFolder(dir, cwd);
  if (!read.ok) return { ok: false, errors: [read.problem], warnings: [] };
  const bytes = cacheKeyOf(read.files);
  const kept = bytes ? await cache.read(bytes) : undefined;
  if (kept) return kept;
  const parse = await parser();
  const files = read.files.map(({ file, read: r }) => parse(file, r));
  const result = validatePacks(files, {
    folder: relative(cwd, dir) || dir,
    rules: STRUCTURAL_RULES,
  });
  if (bytes && result.ok) await cache.write(bytes, result);
  return result;
}
