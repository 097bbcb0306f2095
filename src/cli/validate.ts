import { resolve } from 'node:path';
import { configSchema } from '../config.js';
import { loadPacks } from '../knowledge/load.js';
import { formatProblem } from '../knowledge/problem.js';
import { readDotenv } from './env.js';

/**
 * `npm run validate [dir]`: checks every pack in the knowledge folder (the one named, else
 * `KNOWLEDGE_DIR` from the environment or `.env`, as `npm start` reads it) and reports every
 * problem as `error: file:line:col fact-id: message` (or `warning: …`), pack text escaped. Exits
 * 1 when there is any error; warnings alone pass.
 */
readDotenv();
// The one rule for KNOWLEDGE_DIR (an empty value means the default), without the rest of the
// configuration: a token or a log level has nothing to do with checking packs.
const configured = configSchema.shape.KNOWLEDGE_DIR.safeParse(process.env.KNOWLEDGE_DIR);
const dir = resolve(process.argv[2] ?? (configured.success ? configured.data : 'knowledge'));
const result = await loadPacks(dir);
for (const warning of result.warnings) console.log(`warning: ${formatProblem(warning)}`);
if (!result.ok) {
  for (const error of result.errors) console.log(`error: ${formatProblem(error)}`);
  console.log(`\n${result.errors.length} error(s), ${result.warnings.length} warning(s)`);
  process.exitCode = 1;
} else {
  const facts = result.packs.reduce((n, p) => n + p.facts.length, 0);
  const trivia = result.packs.reduce(
    (n, p) => n + p.facts.reduce((m, f) => m + f.trivia.length, 0),
    0,
  );
  console.log(
    `ok: ${result.packs.length} pack(s), ${facts} facts, ${trivia} trivia items, ${result.warnings.length} warning(s)`,
  );
}
