/**
 * `npm run build` (run by `npm install` as `prepare`): bundles Almanac into `dist/` for `npm
 * start` and the commands, so a start loads a few files of plain JavaScript instead of compiling
 * TypeScript and resolving hundreds of modules: the console's first prompt and `ask`'s first
 * answer come in a fraction of the time (docs/PERFORMANCE.md). `npm run dev` runs the sources.
 *
 * Packages that load files of their own at run time stay outside the bundle: better-sqlite3
 * (native) and pino (its transports run in worker threads), with the optional native helpers
 * discord.js's gateway tries (zlib-sync, bufferutil, utf-8-validate; it runs without them).
 * discord.js itself is bundled, in the chunk only the bot imports: one file instead of some 400
 * modules saves the bot about 17 MB of resident memory (docs/PERFORMANCE.md). The data the code
 * reads beside itself is copied where the bundle looks for it.
 */
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = `${root}dist/`;

/** The programs `npm start` and the commands run, by the name of their file in `dist/`. */
export const ENTRIES: Readonly<Record<string, string>> = Object.freeze({
  main: 'src/main.ts',
  ask: 'src/cli/ask.ts',
  validate: 'src/cli/validate.ts',
  checkAnswer: 'src/cli/checkAnswer.ts',
  misses: 'src/cli/misses.ts',
  stats: 'src/cli/stats.ts',
  // npm run start:sharded's manager: it starts `main.js` beside itself for each shard.
  shard: 'src/shard.ts',
  backup: 'src/cli/backup.ts',
  deployCommands: 'src/discord/deploy.ts',
  // The worker `/almanac reload` reads packs on, found beside the code that starts it.
  packWorker: 'src/discord/packWorker.ts',
});

await rm(out, { recursive: true, force: true });
const entryPoints: Record<string, string> = {};
for (const [name, path] of Object.entries(ENTRIES)) entryPoints[name] = `${root}${path}`;
await build({
  entryPoints,
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Every chunk beside the entries, so data found relative to the code is found from any of them.
  chunkNames: '[name]-[hash]',
  external: ['better-sqlite3', 'pino', 'pino-pretty', 'zlib-sync', 'bufferutil', 'utf-8-validate'],
  // Bundled CommonJS packages call `require`, which an ES module has to make for itself.
  banner: {
    js: "import { createRequire as __almanacRequire } from 'node:module'; const require = __almanacRequire(import.meta.url);",
  },
  // No comments or indentation: less source for V8 to hold (and kept one byte a character,
  // which one em dash in a comment would double). `node --enable-source-maps` maps traces back.
  minifyWhitespace: true,
  // Classes keep their names when the bundle renames them apart: discord.js looks its cache
  // limits up by the manager's class name (`MessageManager`), and an unknown name is no limit.
  keepNames: true,
  sourcemap: true,
  logLevel: 'warning',
});

// Read beside the code: `./calibration.json`, `./data/…`, `./migrations/` (see their modules).
await cp(`${root}src/engine/calibration.json`, `${out}calibration.json`);
await mkdir(`${out}data`, { recursive: true });
for (const name of await readdir(`${root}src/engine/lang/en/data`)) {
  if (name.endsWith('.bin')) {
    await cp(`${root}src/engine/lang/en/data/${name}`, `${out}data/${name}`);
  }
}
await cp(`${root}src/store/migrations`, `${out}migrations`, { recursive: true });
console.log(`built ${Object.keys(ENTRIES).length} programs into dist/`);
