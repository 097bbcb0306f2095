import { runBackup } from './backupCommand.js';
import { readDotenv } from './env.js';

/** `npm run backup`: see `BACKUP_USAGE` in `backupCommand.ts`. */
readDotenv();
process.exitCode = await runBackup(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  now: new Date(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
