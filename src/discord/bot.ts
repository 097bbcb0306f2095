import {
  Client,
  Events,
  GatewayIntentBits,
  Options,
  Partials,
  type ClientOptions,
} from 'discord.js';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '../clock.js';
import type { Config } from '../config.js';
import { english } from '../knowledge/languages.js';
import { InternalError } from '../errors.js';
import { createQuestionRecorder } from '../inbox/recorder.js';
import { packCacheDirBeside } from '../knowledge/packCache.js';
import type { Pack } from '../knowledge/schema.js';
import type { Metrics } from '../monitoring/metrics.js';
import type { Store } from '../store/types.js';
import type { CheckLanguage } from '../trivia/check.js';
import { createTriviaRules } from '../trivia/step.js';
import { countClientEvents } from './clientWatch.js';
import { COMMANDS, commandDefinitions, commandSummaries } from './commands/index.js';
import type { BotContext } from './context.js';
import { createCooldown } from './cooldown.js';
import { watchGatewayRefusal } from './gatewayClose.js';
import { createInteractionHandler } from './interactionCreate.js';
import { inviteUrl } from './invite.js';
import { createMessageHandler } from './messageCreate.js';
import { loadPacksInWorker } from './packLoader.js';
import { watchQuestions } from './questionWatch.js';
import { describeSync, syncCommands } from './registerCommands.js';
import { createKnowledgeService, type KnowledgeService } from './reload.js';
import { shardScope } from './shards.js';
import { announceInterrupted } from './trivia/announceInterrupted.js';
import { createTriviaGames, type TriviaGames } from './trivia/triviaGames.js';

export interface StartBotOptions {
  readonly config: Config;
  /** The validated packs to answer from (reloadable later from `config.knowledgeDir`). */
  readonly packs: readonly Pack[];
  readonly logger: Logger;
  /**
   * Trivia games and scores, opened by the caller (which closes it after `stop()`). Games it
   * finds running were cut short by a crash or a restart: they are marked interrupted at start.
   */
  readonly store: Store;
  /** The present and timers, for cooldowns and trivia; the system clock by default. */
  readonly clock?: Clock;
  /** A source of [0, 1) for `/fact` and for dealing trivia; `Math.random` by default. */
  readonly random?: () => number;
  /** Extra discord.js client options (tests use it for gateway timings). */
  readonly clientOptions?: Omit<Partial<ClientOptions>, 'intents' | 'allowedMentions'>;
  /** Where questions, reconnections and rate limits are counted, when metrics are served. */
  readonly metrics?: Metrics | undefined;
}

export interface RunningBot {
  readonly client: Client<true>;
  readonly knowledge: KnowledgeService;
  readonly trivia: TriviaGames;
  /**
   * Stops timers (trivia included: its games stay `running` for the next start to mark
   * interrupted), waits for trivia messages in flight, and closes the gateway connection. Safe
   * to call more than once.
   */
  stop(): Promise<void>;
}

/** How often users with nothing left in their cooldown window are forgotten. */
const COOLDOWN_SWEEP_MS = 60_000;

/**
 * The fewest intents that work: mentions of the bot, replies to it and DMs carry their content
 * without the privileged Message Content intent. Only the `!ask` prefix mode needs it.
 */
export function botIntents(prefixMode: boolean): GatewayIntentBits[] {
  const intents = [
    GatewayIntentBits.Guilds,
    GatewayIntentBits.GuildMessages,
    GatewayIntentBits.DirectMessages,
  ];
  return prefixMode ? [...intents, GatewayIntentBits.MessageContent] : intents;
}

/** How many users, and members per server, discord.js keeps between the questions they ask. */
const PEOPLE_CACHED = 500;

function createClient(config: Config, extra: StartBotOptions['clientOptions']): Client {
  return new Client({
    ...extra,
    intents: botIntents(config.prefixMode),
    // DM channels are not cached until used: without this partial, DMs are never delivered.
    partials: [Partials.Channel],
    allowedMentions: { parse: [], repliedUser: false },
    failIfNotExists: false,
    rest: { ...extra?.rest, api: config.discordApiUrl },
    // Every member who asks arrives with their user and member objects, which discord.js would
    // otherwise keep for ever: a bot asked by thousands would grow by each. The bot reads them
    // from the interaction or message at hand, and needs only itself kept (permission checks).
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 100,
      ReactionManager: 0,
      PresenceManager: 0,
      UserManager: {
        maxSize: PEOPLE_CACHED,
        keepOverLimit: (user) => user.id === user.client.user.id,
      },
      GuildMemberManager: {
        maxSize: PEOPLE_CACHED,
        keepOverLimit: (member) => member.id === member.client.user.id,
      },
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      messages: { interval: 3_600, lifetime: 1_800 },
    },
  });
}

/** Logs what a running bot should be watched for, never the token. */
function observe(client: Client, logger: Logger): void {
  client.on(Events.Error, (error) => logger.error({ err: error }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'client warning'));
  client.on(Events.Debug, (message) => logger.trace({ detail: message }, 'client debug'));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.warn({ shardId, code: event.code }, 'gateway disconnected'),
  );
  client.on(Events.ShardReconnecting, (shardId) =>
    logger.info({ shardId }, 'gateway reconnecting'),
  );
  client.on(Events.ShardResume, (shardId, replayed) =>
    logger.info({ shardId, replayed }, 'gateway resumed'),
  );
  client.on(Events.ShardError, (error, shardId) =>
    logger.warn({ err: error, shardId }, 'gateway error'),
  );
  client.rest.on('rateLimited', (info) =>
    logger.warn(
      {
        route: info.route,
        method: info.method,
        retryAfterMs: info.retryAfter,
        global: info.global,
      },
      'rate limited by Discord',
    ),
  );
}

/**
 * Logs in and serves until `stop()`: mentions, replies and DMs as questions; slash commands,
 * the "Ask Almanac" context menu, buttons and modals through one interaction pipeline; trivia
 * games on the store. Resolves once the client is ready (and the channels of interrupted games
 * have been told); rejects if it cannot log in.
 */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config, logger } = options;
  const token = config.discordToken;
  if (token === undefined) throw new InternalError('startBot needs config.discordToken');

  const { store } = options;
  const clock = options.clock ?? systemClock;
  const cacheDir = packCacheDirBeside(config.databasePath);
  const knowledge = createKnowledgeService({
    dir: config.knowledgeDir,
    packs: options.packs,
    load: (dir, signal) => loadPacksInWorker(dir, { cacheDir, signal }),
  });
  const cooldown = createCooldown({ ...config.cooldown, clock: () => clock.now() });
  // The checker's one source of what is an English word: the engine's word counts.
  const language: CheckLanguage = {
    wordCount: (word) => english.frequencies().counts.get(word) ?? 0,
  };
  const trivia = createTriviaGames({
    store,
    clock,
    logger,
    rules: createTriviaRules({ language }),
    language,
    typedAnswers: config.prefixMode,
  });
  // Every question is logged (and counted, with metrics) where it is recorded.
  const questions = watchQuestions(
    createQuestionRecorder({ store, clock, logger, settings: config.questionLog }),
    { logger, metrics: options.metrics },
  );
  const ctx: BotContext = {
    knowledge,
    cooldown,
    logger,
    random: options.random ?? Math.random,
    clock,
    store,
    questions,
    trivia,
    commandSummaries: commandSummaries(COMMANDS),
  };
  // Before any interaction can start a game: whatever is still running in this process's
  // servers was cut short (another shard's games are still being played).
  const shards = shardScope(config.sharding);
  const interrupted = store.interruptRunningGames(clock.now(), shards.serves);
  // Questions past MISSES_RETENTION_DAYS go now, then once a day on the clock (in one shard).
  const pruning = shards.prunes ? questions.startDailyPrune() : { stop: () => undefined };

  const client = createClient(config, options.clientOptions);
  observe(client, logger);
  if (options.metrics) countClientEvents(client, options.metrics);
  const onInteraction = createInteractionHandler(ctx, COMMANDS);
  const onMessage = createMessageHandler(ctx, { prefixMode: config.prefixMode });
  client.on(Events.InteractionCreate, (interaction) => void onInteraction(interaction));
  client.on(Events.MessageCreate, (message) => void onMessage(message));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  // A gateway close discord.js gives up on (4004, 4014…) leaves login() pending for ever.
  const refusal = watchGatewayRefusal(client);
  let readyClient: Client<true>;
  try {
    readyClient = await Promise.race([client.login(token).then(() => ready), refusal.refused]);
  } catch (error) {
    pruning.stop();
    await client.destroy();
    throw error;
  } finally {
    refusal.stop();
  }

  const engine = knowledge.engine();
  logger.info(
    {
      user: readyClient.user.tag,
      userId: readyClient.user.id,
      guilds: readyClient.guilds.cache.size,
      packs: engine.packs.length,
      facts: engine.size,
      prefixMode: config.prefixMode,
      invite: inviteUrl(readyClient.application.id),
    },
    'logged in to Discord',
  );

  if (interrupted.length > 0) {
    logger.warn({ games: interrupted.map((g) => g.id) }, 'trivia games were interrupted');
    await announceInterrupted(readyClient, interrupted, logger);
  }

  if (config.syncCommandsOnStart) {
    try {
      const result = await syncCommands({
        rest: readyClient.rest,
        applicationId: readyClient.application.id,
        guildId: config.discordGuildId,
        commands: commandDefinitions(COMMANDS),
      });
      logger.info({ scope: result.scope, ...result.changes }, describeSync(result));
    } catch (error) {
      logger.error({ err: error }, 'could not register the commands; serving anyway');
    }
  }

  const sweep = setInterval(() => cooldown.sweep(), COOLDOWN_SWEEP_MS);
  sweep.unref();

  let stopping: Promise<void> | undefined;
  return {
    client: readyClient,
    knowledge,
    trivia,
    stop() {
      stopping ??= (async () => {
        // Stop taking work first; closing the gateway on purpose is not worth a warning either.
        const events = [
          Events.InteractionCreate,
          Events.MessageCreate,
          Events.ShardDisconnect,
          Events.ShardReconnecting,
        ] as const;
        for (const event of events) {
          client.removeAllListeners(event);
        }
        clearInterval(sweep);
        pruning.stop();
        await trivia.close();
        await client.destroy();
        logger.info('disconnected from Discord');
      })();
      return stopping;
    },
  };
}
