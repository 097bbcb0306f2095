import type { Logger } from 'pino';
import type { Store } from '../store/types.js';
import type { Cooldown } from './cooldown.js';
import type { KnowledgeService } from './reload.js';
import type { CommandSummary } from './render/info.js';

/** What every handler is given: the services it may use, nothing global. */
export interface BotContext {
  readonly knowledge: KnowledgeService;
  readonly cooldown: Cooldown;
  readonly logger: Logger;
  /** A random source in [0, 1), injected so `/fact` is reproducible in tests. */
  readonly random: () => number;
  /** Trivia games, scores and statistics. */
  readonly store: Store;
  /** The registered commands, for `/help`. */
  readonly commandSummaries: readonly CommandSummary[];
}
