import {
  Client,
  Events,
  GatewayIntentBits,
  Options,
  Partials,
  type ClientOptions,
} from 'discord.js';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { InternalError } from '../errors.js';
import type { Pack } from '../knowledge/schema.js';
import type { Store } from '../store/types.js';
import { COMMANDS, commandDefinitions, commandSummaries } from './commands/index.js';
import type { BotContext } from './context.js';
import { createCooldown } from './cooldown.js';
import { createInteractionHandler } from './interactionCreate.js';
import { inviteUrl } from './invite.js';
import { createMessageHandler } from './messageCreate.js';
import { describeSync, syncCommands } from './registerCommands.js';
import { createKnowledgeService, type KnowledgeService } from './reload.js';

export interface StartBotOptions {
  readonly config: Config;
  /** The validated packs to answer from (reloadable later from `config.knowledgeDir`). */
  readonly packs: readonly Pack[];
  readonly logger: Logger;
  /** Trivia games and scores, opened by the caller (which closes it after `stop()`). */
  readonly store: Store;
  /** Milliseconds since the epoch, for cooldowns; `Date.now` by default. */
  readonly clock?: () => number;
  /** A source of [0, 1) for `/fact`; `Math.random` by default. */
  readonly random?: () => number;
  /** Extra discord.js client options (tests use it for gateway timings). */
  readonly clientOptions?: Omit<Partial<ClientOptions>, 'intents' | 'allowedMentions'>;
}

export interface RunningBot {
  readonly client: Client<true>;
  readonly knowledge: KnowledgeService;
  /** Stops timers and closes the gateway connection. Safe to call more than once. */
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

function createClient(config: Config, extra: StartBotOptions['clientOptions']): Client {
  return new Client({
    ...extra,
    intents: botIntents(config.prefixMode),
    // DM channels are not cached until used: without this partial, DMs are never delivered.
    partials: [Partials.Channel],
    allowedMentions: { parse: [], repliedUser: false },
    failIfNotExists: false,
    rest: { ...extra?.rest, api: config.discordApiUrl },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 100,
      ReactionManager: 0,
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
 * the "Ask Almanac" context menu and buttons through one interaction pipeline. Resolves once
 * the client is ready; rejects if it cannot log in.
 */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config, logger } = options;
  const token = config.discordToken;
  if (token === undefined) throw new InternalError('startBot needs config.discordToken');

  const knowledge = createKnowledgeService({ dir: config.knowledgeDir, packs: options.packs });
  const cooldown = createCooldown({ ...config.cooldown, clock: options.clock ?? Date.now });
  const ctx: BotContext = {
    knowledge,
    cooldown,
    logger,
    random: options.random ?? Math.random,
    store: options.store,
    commandSummaries: commandSummaries(COMMANDS),
  };

  const client = createClient(config, options.clientOptions);
  observe(client, logger);
  const onInteraction = createInteractionHandler(ctx, COMMANDS);
  const onMessage = createMessageHandler(ctx, { prefixMode: config.prefixMode });
  client.on(Events.InteractionCreate, (interaction) => void onInteraction(interaction));
  client.on(Events.MessageCreate, (message) => void onMessage(message));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(token);
  } catch (error) {
    await client.destroy();
    throw error;
  }
  const readyClient = await ready;

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
    stop() {
      stopping ??= (async () => {
        clearInterval(sweep);
        // Closing the gateway on purpose is not worth a warning: stop listening first.
        const events = [
          Events.InteractionCreate,
          Events.MessageCreate,
          Events.ShardDisconnect,
          Events.ShardReconnecting,
        ] as const;
        for (const event of events) {
          client.removeAllListeners(event);
        }
        await client.destroy();
        logger.info('disconnected from Discord');
      })();
      return stopping;
    },
  };
}
