import { config as loadDotenv } from 'dotenv';
import { parseConfig } from './config.js';
import { loadEngine } from './cli/bootstrap.js';
import { runConsole } from './cli/console.js';
import { colour, plain } from './cli/renderText.js';
import { openStore } from './store/sqlite.js';

/**
 * The one entry point: reads `.env` (when present) and the environment, opens the database,
 * then starts the Discord bot when `DISCORD_TOKEN` is set, or the console chat when it is not.
 * A database that cannot be used (written by a newer Almanac, a folder that cannot be written)
 * stops start-up with one line saying what to do.
 */
async function main(): Promise<number> {
  loadDotenv({ quiet: true });
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    console.error(`Configuration problem:\n${parsed.errors.map((e) => `  ${e}`).join('\n')}`);
    return 1;
  }
  const { config } = parsed;
  const opened = openStore({ path: config.databasePath });
  if (!opened.ok) {
    console.error(opened.error.message);
    return 1;
  }
  const { store } = opened;
  try {
    if (config.discordToken) {
      const { runBot } = await import('./discord/run.js');
      return await runBot(config, store);
    }
    const loaded = await loadEngine(config.knowledgeDir);
    if (!loaded.ok) {
      console.error(loaded.message);
      return 1;
    }
    const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
    process.on('SIGINT', () => {
      process.stdout.write('\nBye.\n');
      store.close();
      process.exit(0);
    });
    await runConsole({
      engine: loaded.engine,
      input: process.stdin,
      output: process.stdout,
      paint: process.stdout.isTTY ? colour : plain,
      random: Math.random,
      prompt: interactive,
      store,
    });
    return 0;
  } finally {
    store.close();
  }
}

process.exitCode = await main();
