import Database from 'better-sqlite3';
import { InternalError } from '../errors.js';
import * as z from '../zod.js';
import { STORE_ERROR_MESSAGES } from './errorMessages.js';
import { StoreError } from './storeError.js';

/**
 * Reads one row into its record. better-sqlite3 returns `unknown` rows: each is parsed with its
 * schema, never cast, so a schema and a query that drift apart fail loudly.
 */
export function parseRow<T>(schema: z.ZodMiniType<T>, row: unknown, query: string): T {
  const parsed = schema.safeParse(row);
  if (!parsed.success) {
    throw new InternalError(`the store read an unexpected row (${query}): ${parsed.error.message}`);
  }
  return parsed.data;
}

/** A count SQLite returns: a whole number from 0. */
export const count = z.number().check(z.int(), z.nonnegative());

/** Runs a write, reporting a broken constraint as the caller's bug it is. */
export function guardWrite<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_CONSTRAINT')) {
      throw new StoreError('invalid-input', STORE_ERROR_MESSAGES.invalidInput(error.message), {
        cause: error,
      });
    }
    throw error;
  }
}
