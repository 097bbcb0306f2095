import { config as loadDotenv } from 'dotenv';

/**
 * Reads `.env` from the working folder into `process.env`, when the file is there, as every
 * command does before it reads its configuration (`npm start`, `ask`, `validate`, `eval`): a
 * variable already in the environment wins over the file, and a missing or unreadable file is
 * no error (everything is optional). Call it once, first thing, from a command's entry point.
 */
export function readDotenv(): void {
  loadDotenv({ quiet: true });
}
