import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from './problem.js';

/** Pack files larger than this are refused before parsing. */
export const MAX_PACK_BYTES = 2 * 1024 * 1024;

export type PathSegment = string | number;

/** A pack file read as YAML, keeping positions so problems can name their line. */
export interface ParsedFile {
  readonly file: string;
  /** The plain data, or undefined when the YAML itself is broken. */
  readonly data: unknown;
  /** The position of the value at `path`, or of its nearest parent that exists. */
  locate(path: readonly PathSegment[]): { line: number; col: number };
  /** Syntax problems found while parsing. */
  readonly problems: readonly Problem[];
}

/**
 * Parses one pack file's text. Never throws: syntax errors come back as problems. Aliases are
 * capped so a hostile file cannot expand into gigabytes.
 */
export function parsePackText(file: string, text: string): ParsedFile {
  const lineCounter = new LineCounter();
  if (text.length > MAX_PACK_BYTES) {
    return {
      file,
      data: undefined,
      locate: () => ({ line: 1, col: 1 }),
      problems: [
        { file, line: 1, col: 1, message: `the file is larger than ${MAX_PACK_BYTES} bytes` },
      ],
    };
  }
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = doc.errors.map((error) => {
    const pos = lineCounter.linePos(error.pos[0]);
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
  const locate = (path: readonly PathSegment[]) => {
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
