/** One thing wrong (or worth a look) in a pack file, located to the line. */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly factId?: string | undefined;
  readonly message: string;
}

/** `file:line:col fact-id: message`, the form editors and CI logs link to. */
export function formatProblem(problem: Problem): string {
  const where = `${problem.file}:${problem.line}:${problem.col}`;
  return problem.factId
    ? `${where} ${problem.factId}: ${problem.message}`
    : `${where}: ${problem.message}`;
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
