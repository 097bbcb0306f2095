import { isMap, isNode, isScalar, Lexer, LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from './problem.js';
import {
  decodePackBytes,
  MAX_PACK_BYTES,
  oversizedPack,
  unreadablePack,
  type ParsedFile,
  type PathSegment,
} from './packFile.js';

export * from './packFile.js';

/**
 * Where the quoted scalar that is still open at `offset` starts: YAML reports a missing closing
 * quote where the file ends, but the author needs the line where the quote was opened.
 */
function openingQuoteBefore(text: string, offset: number): number | undefined {
  let at = 0;
  let found: number | undefined;
  for (const token of new Lexer().lex(text)) {
    // The lexer interleaves zero-width markers (document start, scalar start, flow end).
    if (token === '\x02' || token === '\x1f' || token === '\x18') continue;
    if (
      (token.startsWith('"') || token.startsWith("'")) &&
      at <= offset &&
      at + token.length >= offset
    ) {
      found = at;
    }
    at += token.length;
  }
  return found;
}

/**
 * Parses a pack file's bytes: refused over {@link MAX_PACK_BYTES}, decoded strictly as UTF-8,
 * then parsed as YAML. Never throws. Pure.
 */
export function parsePackBytes(file: string, bytes: Uint8Array): ParsedFile {
  if (bytes.length > MAX_PACK_BYTES) return oversizedPack(file);
  const decoded = decodePackBytes(bytes);
  if (!decoded.ok) return unreadablePack(file, decoded.message, decoded);
  return parsePackText(file, decoded.text);
}

/**
 * Parses one pack file's text. Never throws: syntax errors come back as problems. Aliases are
 * capped so a hostile file cannot expand into gigabytes.
 */
export function parsePackText(file: string, text: string): ParsedFile {
  const lineCounter = new LineCounter();
  if (text.length > MAX_PACK_BYTES / 4 && Buffer.byteLength(text, 'utf8') > MAX_PACK_BYTES) {
    return oversizedPack(file);
  }
  // `logLevel: 'error'`: the library would otherwise print some warnings (a mapping used as a
  // key) straight to standard error, pack text and all; the schema reports what they are about.
  const doc: Document = parseDocument(text, {
    lineCounter,
    logLevel: 'error',
    prettyErrors: false,
    uniqueKeys: true,
  });
  const problems: Problem[] = doc.errors.map((error) => {
    const offset =
      error.code === 'MISSING_CHAR' && /quote/.test(error.message)
        ? (openingQuoteBefore(text, error.pos[0]) ?? error.pos[0])
        : error.pos[0];
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, col: pos.col, message: `YAML: ${error.message.split('\n')[0]}` };
  });
  let data: unknown;
  if (problems.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      problems.push({
        file,
        line: 1,
        col: 1,
        message: `YAML: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  const locate = (path: readonly PathSegment[], options?: { key?: boolean }) => {
    const last = path.at(-1);
    if (options?.key && typeof last === 'string') {
      const parent: unknown = doc.getIn(path.slice(0, -1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
        if (pair && isNode(pair.key) && pair.key.range) {
          const pos = lineCounter.linePos(pair.key.range[0]);
          return { line: pos.line, col: pos.col };
        }
      }
    }
    for (let depth = path.length; depth >= 0; depth--) {
      const node: unknown = doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, col: pos.col };
      }
    }
    return { line: 1, col: 1 };
  };
  return { file, data, locate, problems };
}
