import { loadEngine } from './cli/bootstrap.js';
import { runConsole } from './cli/console.js';
import { colour, plain } from './cli/renderText.js';
import { parseConfig, describeConfigProblems } from './config.js';
import { createLifecycle, runMain, logOf, stderrLog, type Lifecycle } from './lifecycle.js';
import { systemClock } from './clock.js';
import { createQuestionRecorder } from './inbox/recorder.js';
import { packCacheBeside } from './knowledge/packCache.js';
import { openStore } from './store/sqlite.js';

/**
 * What `npm start` runs once `main.ts` has read `.env`: reads the environment, opens the database,
 * then starts the Discord bot when `DISCORD_TOKEN` is set, or the console chat when it is not.
 * What cannot start (a configuration problem, a database written by a newer Almanac or in a
 * folder that cannot be written, invalid packs, Discord refusing the bot) is said in one line,
 * and the exit code is 1. SIGINT and SIGTERM stop either one cleanly; the database is closed
 * exactly once, after everything that uses it has stopped.
 */
async function main(lifecycle: Lifecycle): Promise<number> {
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    console.error(describeConfigProblems(parsed.errors));
    return 1;
  }
  const { config } = parsed;
  const opened = openStore({ path: config.databasePath });
  if (!opened.ok) {
    console.error(opened.error.message);
    return 1;
  }
  const { store } = opened;
  // pino is loaded only for the bot: the console logs nothing and starts sooner without it.
  const logger = config.discordToken
    ? (await import('./logger.js')).createLogger({
        level: config.logLevel,
        secrets: [config.discordToken],
      })
    : undefined;
  if (logger) lifecycle.useLog(logOf(logger));
  lifecycle.onExit(() => {
    store.close();
    logger?.info('database closed');
  });

  if (logger) {
    const { runBot } = await import('./discord/run.js');
    return runBot(config, store, { logger, stop: lifecycle.stopping });
  }

  const loaded = await loadEngine(config.knowledgeDir, packCacheBeside(config.databasePath));
  if (!loaded.ok) {
    console.error(loaded.message);
    return 1;
  }
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const questions = createQuestionRecorder({
    store,
    clock: systemClock,
    // The console has no log: a failure to record is said on stderr, the rest is quiet.
    logger: {
      warn: (_details: object, message?: string) => console.error(message ?? 'warning'),
      info: () => undefined,
      debug: () => undefined,
    },
    settings: config.questionLog,
  });
  questions.prune();
  await runConsole({
    engine: loaded.engine,
    input: process.stdin,
    output: process.stdout,
    paint: process.stdout.isTTY ? colour : plain,
    random: Math.random,
    prompt: interactive,
    terminal: interactive,
    store,
    questions,
    stop: lifecycle.stopping,
  });
  return 0;
}

await runMain(createLifecycle({ process, log: stderrLog }), main);
