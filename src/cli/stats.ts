import { systemClock } from '../clock.js';
import { readDotenv } from './env.js';
import { runStats } from './inboxCommands.js';

/** `npm run stats`: see `STATS_USAGE` in `inboxCommands.ts`. */
readDotenv();
process.exitCode = await runStats(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  now: systemClock.now(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
