/** One thing wrong (or worth a look) in a pack file, located to the line. */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly factId?: string | undefined;
  readonly message: string;
}

/**
 * The characters a terminal acts on instead of showing: C0 and C1 controls (ESC starts the
 * sequences that retitle a window, move the cursor or hide text; a newline would split a report
 * line), the line and paragraph separators, and the bidirectional overrides that reorder what is
 * shown. One character class: linear whatever the text.
 */
const UNPRINTABLE = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * `text` with every character a terminal would act on written as an escape (`\x1b`, `\n`,
 * `\u202e`), so a pack string echoed to a terminal or a log shows what it holds and does nothing.
 * Everything else, backslashes included, is left as it is: the result is for reading, not for
 * parsing back. Idempotent.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const named = NAMED_ESCAPES[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * `file:line:col fact-id: message`, the form editors and CI logs link to. Pack strings quoted in
 * it (and file names) are escaped with {@link escapeForTerminal}, so the line is one line and
 * safe to print.
 */
export function formatProblem(problem: Problem): string {
  const where = `${problem.file}:${problem.line}:${problem.col}`;
  return escapeForTerminal(
    problem.factId
      ? `${where} ${problem.factId}: ${problem.message}`
      : `${where}: ${problem.message}`,
  );
}

/** Orders problems by file, then position, so reports read top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.col - b.col ||
      a.message.localeCompare(b.message),
  );
}
