import { resolve } from 'node:path';
import type { Config } from '../config.js';
import { loadServingPacks } from '../knowledge/load.js';
import { formatProblem } from '../knowledge/problem.js';
import { createLogger } from '../logger.js';
import type { Store } from '../store/types.js';
import { startBot } from './bot.js';

const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Runs the bot until SIGINT or SIGTERM, then shuts down cleanly: timers stop, trivia messages in
 * flight are sent, the client is destroyed (the caller closes `store` after). Resolves with the
 * exit code: 0 after a clean shutdown, 1 when the packs are invalid or Discord refuses the login.
 */
export async function runBot(config: Config, store: Store): Promise<number> {
  const logger = createLogger({ level: config.logLevel, secrets: [config.discordToken] });

  const loaded = await loadServingPacks(resolve(config.knowledgeDir));
  if (loaded.warnings.length > 0) {
    logger.warn(
      { warnings: loaded.warnings.map(formatProblem) },
      `the knowledge packs have ${loaded.warnings.length} warning(s)`,
    );
  }
  if (!loaded.ok) {
    for (const error of loaded.errors) logger.error(formatProblem(error));
    logger.fatal({ errors: loaded.errors.length }, 'the knowledge packs are invalid');
    return 1;
  }

  let bot;
  try {
    bot = await startBot({ config, packs: loaded.packs, logger, store });
  } catch (error) {
    logger.fatal({ err: error }, 'could not log in to Discord');
    return 1;
  }

  const signal = await new Promise<string>((done) => {
    for (const name of SHUTDOWN_SIGNALS) process.once(name, () => done(name));
  });
  logger.info({ signal }, 'shutting down');
  for (const name of SHUTDOWN_SIGNALS) process.removeAllListeners(name);
  await bot.stop();
  logger.flush();
  return 0;
}
