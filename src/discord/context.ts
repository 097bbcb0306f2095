import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { QuestionRecorder } from '../inbox/recorder.js';
import type { Store } from '../store/types.js';
import type { Cooldown } from './cooldown.js';
import type { KnowledgeService } from './reload.js';
import type { CommandSummary } from './render/info.js';
import type { TriviaGames } from './trivia/triviaGames.js';

/** What every handler is given: the services it may use, nothing global. */
export interface BotContext {
  readonly knowledge: KnowledgeService;
  readonly cooldown: Cooldown;
  readonly logger: Logger;
  /** A random source in [0, 1), injected so `/fact` and dealt games are reproducible in tests. */
  readonly random: () => number;
  /** The present and timers, injected so tests drive time without sleeping. */
  readonly clock: Clock;
  /** Trivia games, scores and statistics; the question log's reports. */
  readonly store: Store;
  /** Records questions, picks and "Not what I asked" for the curator's inbox; never throws. */
  readonly questions: QuestionRecorder;
  /** The trivia games this process runs, one per channel. */
  readonly trivia: TriviaGames;
  /** The registered commands, for `/help`. */
  readonly commandSummaries: readonly CommandSummary[];
}
