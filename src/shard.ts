import { readDotenv } from './cli/env.js';
import { parseConfig, describeConfigProblems } from './config.js';
import { createLifecycle, runMain, logOf, stderrLog, type Lifecycle } from './lifecycle.js';
import { createLogger } from './logger.js';
import { runShardedBot } from './sharding/manager.js';
import { botEntryBeside } from './sharding/plan.js';
import { openStore } from './store/sqlite.js';

/**
 * A shutdown of the manager waits for every shard's (each bounded to about two seconds), then
 * kills what is left after four: the watchdog sits past both.
 */
const MANAGER_WATCHDOG_MS = 8_000;

/**
 * `npm run start:sharded`: the bot as one process per shard under discord.js's
 * `ShardingManager`, this process their manager (see `runShardedBot`). Reads `.env` and the
 * environment as `npm start` does, and refuses to start, in one line and exit code 1, what
 * `npm start` refuses: a configuration problem, no `DISCORD_TOKEN`, a database written by a
 * newer Almanac or in a folder that cannot be written. The database is opened (and upgraded)
 * once here, before any shard starts, then closed: the shards open it themselves.
 */
async function main(lifecycle: Lifecycle): Promise<number> {
  readDotenv();
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    console.error(describeConfigProblems(parsed.errors));
    return 1;
  }
  const { config } = parsed;
  if (config.discordToken === undefined) {
    console.error('npm run start:sharded runs the Discord bot: set DISCORD_TOKEN.');
    return 1;
  }
  const opened = openStore({ path: config.databasePath });
  if (!opened.ok) {
    console.error(opened.error.message);
    return 1;
  }
  opened.store.close();

  const logger = createLogger({ level: config.logLevel, secrets: [config.discordToken] });
  lifecycle.useLog(logOf(logger));
  return runShardedBot({
    config,
    logger: logger.child({ role: 'sharding manager' }),
    stop: lifecycle.stopping,
    entry: botEntryBeside(import.meta.url),
  });
}

await runMain(createLifecycle({ process, log: stderrLog, watchdogMs: MANAGER_WATCHDOG_MS }), main);
