/**
 * The codes of the store's expected failures. Stable strings: start-up and tests refer to them,
 * so renaming one is a breaking change.
 *
 * Start-up (`openStore`): `newer-schema`, `unwritable`, `folder-is-a-file`, `path-is-directory`,
 * `not-a-database`, `migrations-missing`, `migrations-invalid`, `migration-failed`,
 * `open-failed`. Opening for reports only (`openReportStore`) adds `missing-database` (no file
 * there) and `older-schema` (a database that has not been upgraded to hold the question log).
 * At run time: `invalid-input` (a record or query that breaks the schema's rules: a bug in the
 * caller). Backing up (`backupDatabase`): `missing-database`, `backup-exists` (the target is
 * there already, and is never overwritten) and `backup-failed`.
 */
export const STORE_ERROR_CODES = [
  'newer-schema',
  'unwritable',
  'folder-is-a-file',
  'path-is-directory',
  'not-a-database',
  'migrations-missing',
  'migrations-invalid',
  'migration-failed',
  'open-failed',
  'missing-database',
  'older-schema',
  'invalid-input',
  'backup-exists',
  'backup-failed',
] as const;

export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

/**
 * A failure of the store with a stable `code` and a message (from `errorMessages.ts`) fit to
 * show an operator. The underlying error, if any, is kept as `cause` for the logs.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }
}
