/**
 * The one entry point (`npm start`): reads `.env` (when present); for the console over a small
 * knowledge folder, turns V8's optimising compilers off before anything else runs
 * (`leanRuntime.ts`: the console stays small, the bot and large folders stay fast); and only
 * then loads the rest (`app.ts`), which opens the database and starts the Discord bot or the
 * console chat.
 */
import { readDotenv } from './cli/env.js';
import { useLeanRuntime, wantsLeanRuntime } from './cli/leanRuntime.js';

readDotenv();
if (await wantsLeanRuntime(process.env)) useLeanRuntime();
await import('./app.js');
