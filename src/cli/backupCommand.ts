import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig, describeConfigProblems } from '../config.js';
import { backupDatabase, defaultBackupPath } from '../store/backup.js';

/** What the command reads and writes, passed in so tests run it in-process. */
export interface BackupIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The present, for the default file's name. */
  readonly now: Date;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const BACKUP_USAGE = `Usage: npm run backup -- [path]
  Takes an online backup of DATABASE_PATH (the bot may keep running) into path, or into a file
  named after it and the time beside it (almanac-backup-20260302T150405Z.sqlite), and prints
  the backup's path. An existing file is never overwritten.
  To restore: stop the bot, delete DATABASE_PATH's -wal and -shm files if any are left, copy the
  backup to DATABASE_PATH, start the bot (docs/OPERATIONS.md, "Backups and restore").
Reads .env as npm start does.
Exit status: 0 done, 1 the backup failed (nothing is left at path then), 2 a usage error.`;

/**
 * `npm run backup -- [path]`: prints the backup's path alone on standard output, so a script can
 * keep it (`BACKUP=$(npm run --silent backup)`); problems go to standard error in one line.
 * Resolves with the exit status.
 */
export async function runBackup(args: readonly string[], io: BackupIo): Promise<number> {
  let positionals: string[];
  try {
    const parsed = parseArgs({
      args: [...args],
      options: { help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help) {
      io.out(`${BACKUP_USAGE}\n`);
      return 0;
    }
    positionals = parsed.positionals;
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${BACKUP_USAGE}\n`);
    return 2;
  }
  if (positionals.length > 1) {
    io.err(`npm run backup takes one path at most, not ${positionals.length}.\n${BACKUP_USAGE}\n`);
    return 2;
  }
  const parsed = parseConfig(io.env);
  if (!parsed.ok) {
    io.err(`${describeConfigProblems(parsed.errors)}\n`);
    return 1;
  }
  const database = resolve(io.cwd, parsed.config.databasePath);
  const [given] = positionals;
  const target =
    given === undefined
      ? defaultBackupPath(database, io.now)
      : isAbsolute(given)
        ? given
        : resolve(io.cwd, given);
  const result = await backupDatabase(database, target);
  if (!result.ok) {
    io.err(`${result.error.message}\n`);
    return 1;
  }
  io.out(`${result.backup.path}\n`);
  return 0;
}
