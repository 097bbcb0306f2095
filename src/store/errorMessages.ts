/**
 * Every message the store gives, in one place: `openStore` and the stores build their errors
 * from these, and the tests compare against them. Start-up messages are for whoever runs
 * Almanac: they name the path and say what to do, never carry a stack trace.
 */
export const STORE_ERROR_MESSAGES = Object.freeze({
  newerSchema: (path: string, found: number, known: number) =>
    `The database at ${path} was written by a newer version of Almanac (schema ${found}, this version knows up to ${known}): upgrade Almanac or point DATABASE_PATH elsewhere.`,
  unwritable: (path: string, reason: string) =>
    `Almanac cannot write to ${path} (${reason}), where its database lives: give the user running Almanac write access there, or point DATABASE_PATH at a writable place.`,
  folderIsAFile: (path: string) =>
    `Almanac cannot create the folder for its database at ${path}: part of that path is a file, not a folder. Point DATABASE_PATH elsewhere.`,
  pathIsDirectory: (path: string) =>
    `DATABASE_PATH (${path}) is a folder: it must name a database file, such as ${path.replace(/\/+$/, '')}/almanac.sqlite.`,
  notADatabase: (path: string) =>
    `The file at ${path} is not an SQLite database: point DATABASE_PATH at Almanac's database file, or at a file that does not exist yet.`,
  openFailed: (path: string, sqliteCode: string) =>
    `Almanac could not open its database at ${path} (${sqliteCode}).`,
  migrationsMissing: (folder: string) =>
    `The database migrations were not found in ${folder}: this installation of Almanac is incomplete (the .sql files beside src/store must be shipped with it).`,
  migrationsInvalid: (folder: string, problem: string) =>
    `The database migrations in ${folder} are not in order: ${problem}.`,
  migrationFailed: (file: string, path: string, detail: string) =>
    `The database migration ${file} failed on ${path}, which was left as it was before it: ${detail}.`,
  invalidInput: (detail: string) => `The store refused a record: ${detail}.`,
  unavailable: (detail: string) => `The database does not answer: ${detail}.`,
  closed: 'the store is closed',
  unknownGame: (gameId: number) => `game ${gameId} does not exist`,
  leaderboardLimit: (limit: number, max: number) =>
    `a leaderboard page holds 1 to ${max} entries, not ${limit}`,
  leaderboardOffset: (offset: number) =>
    `a leaderboard offset is a whole number from 0, not ${offset}`,
  missingDatabase: (path: string) =>
    `There is no database at ${path}, so nothing has been recorded there: check DATABASE_PATH, or start Almanac once to create it.`,
  olderSchema: (path: string, found: number, needed: number) =>
    `The database at ${path} was last opened by an older Almanac (schema ${found}) and has no question log yet (schema ${needed}): start Almanac once to upgrade it.`,
  missReportGroups: (groups: number, max: number) =>
    `a miss report lists 1 to ${max} groups, not ${groups}`,
  missReportQuestions: (questions: number, max: number) =>
    `a miss report lists 1 to ${max} questions per group, not ${questions}`,
  tooManyCandidates: (found: number, max: number) =>
    `a question keeps at most ${max} candidates, not ${found}`,
  confidenceRange: (value: number) => `a confidence is a number from 0 to 1, not ${value}`,
  questionShape: (detail: string) => `a recorded question ${detail}`,
  backupExists: (path: string) =>
    `There is already a file at ${path}: a backup never overwrites one. Name another file, or move that one away.`,
  backupFailed: (path: string, detail: string) =>
    `The backup to ${path} failed, and nothing was left there: ${detail}.`,
});
