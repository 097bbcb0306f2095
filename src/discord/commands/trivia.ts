import {
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { LEADERBOARD_ORDERS, type LeaderboardOrder } from '../../store/types.js';
import { TRIVIA_RULES } from '../../trivia/rules.js';
import { topicChoices } from '../ask.js';
import type { BotContext } from '../context.js';
import { renderNotice } from '../render/payload.js';
import { renderLeaderboard, renderPlayerStats } from '../render/trivia.js';
import { TEXT } from '../render/text.js';
import { TRIVIA_TEXT } from '../render/triviaText.js';
import { respond, respondChoices } from '../reply.js';
import { startTriviaGame } from '../trivia/startGame.js';
import type { RunningGame } from '../trivia/triviaGames.js';
import { GUILD_INSTALL, OPTION } from './shared.js';
import type { SlashCommand } from './types.js';

const SUB = {
  start: 'start',
  stop: 'stop',
  skip: 'skip',
  leaderboard: 'leaderboard',
  stats: 'stats',
} as const;

const TRIVIA_OPTION = {
  questions: 'questions',
  mode: 'mode',
  seconds: 'seconds',
  thread: 'thread',
  by: 'by',
  user: 'user',
} as const;

/** How many players `/trivia leaderboard` shows. */
const LEADERBOARD_SIZE = 10;

/**
 * Who may stop or skip a game: the player who started it, or a member with Manage Messages.
 * Checked on every use, from the interaction's own member permissions (failing closed).
 */
function maySteer(interaction: ChatInputCommandInteraction, game: RunningGame): boolean {
  return (
    interaction.user.id === game.state().ids.starterUserId ||
    (interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) ?? false)
  );
}

async function steer(
  interaction: ChatInputCommandInteraction,
  action: 'stop' | 'skip',
  ctx: BotContext,
): Promise<void> {
  const game = ctx.trivia.inChannel(interaction.channelId);
  if (!game) return respond(interaction, renderNotice(TRIVIA_TEXT.noGameHere));
  if (!maySteer(interaction, game)) {
    return respond(interaction, renderNotice(TRIVIA_TEXT.notAllowed(action)));
  }
  const event =
    action === 'stop'
      ? ({ type: 'stop' } as const)
      : ({ type: 'skip', question: game.state().current } as const);
  ctx.trivia.dispatch(game.gameId, event);
  ctx.logger.info({ gameId: game.gameId, userId: interaction.user.id, action }, 'trivia steered');
  await respond(
    interaction,
    renderNotice(action === 'stop' ? TRIVIA_TEXT.stopped : TRIVIA_TEXT.skipped),
  );
}

async function leaderboard(interaction: ChatInputCommandInteraction, ctx: BotContext) {
  const raw = interaction.options.getString(TRIVIA_OPTION.by);
  const by: LeaderboardOrder = LEADERBOARD_ORDERS.find((o) => o === raw) ?? 'points';
  const page = ctx.store.leaderboard({
    guildId: interaction.guildId,
    by,
    limit: LEADERBOARD_SIZE,
  });
  await respond(interaction, renderLeaderboard(page));
}

async function stats(interaction: ChatInputCommandInteraction, ctx: BotContext) {
  const user = interaction.options.getUser(TRIVIA_OPTION.user) ?? interaction.user;
  const found = ctx.store.playerStats({ guildId: interaction.guildId, userId: user.id });
  const engine = ctx.knowledge.engine();
  await respond(
    interaction,
    renderPlayerStats(found, user.displayName, (factId) => engine.fact(factId)?.fact.question),
  );
}

/**
 * `/trivia`: start, stop and skip a game in this channel, and this server's leaderboard and
 * players' statistics. Servers only: scores are kept per server.
 */
export const triviaCommand: SlashCommand = {
  kind: 'slash',
  requires: { guildOnly: true },
  data: new SlashCommandBuilder()
    .setName('trivia')
    .setDescription('Trivia from the knowledge packs, every answer with its source.')
    .addSubcommand((s) =>
      s
        .setName(SUB.start)
        .setDescription('Start a game in this channel.')
        .addStringOption((o) =>
          o
            .setName(OPTION.topic)
            .setDescription('Only this pack or tag (see /topics)')
            .setAutocomplete(true),
        )
        .addIntegerOption((o) =>
          o
            .setName(TRIVIA_OPTION.questions)
            .setDescription(`How many questions (default ${TRIVIA_RULES.questions.default})`)
            .setMinValue(TRIVIA_RULES.questions.min)
            .setMaxValue(TRIVIA_RULES.questions.max),
        )
        .addStringOption((o) =>
          o
            .setName(TRIVIA_OPTION.mode)
            .setDescription('choice: four buttons (default); open: type the answer')
            .addChoices(
              { name: 'choice: pick one of four', value: 'choice' },
              { name: 'open: type the answer', value: 'open' },
            ),
        )
        .addIntegerOption((o) =>
          o
            .setName(TRIVIA_OPTION.seconds)
            .setDescription(`Seconds per question (default ${TRIVIA_RULES.seconds.default})`)
            .setMinValue(TRIVIA_RULES.seconds.min)
            .setMaxValue(TRIVIA_RULES.seconds.max),
        )
        .addBooleanOption((o) =>
          o.setName(TRIVIA_OPTION.thread).setDescription('Play in a new thread of this channel'),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName(SUB.stop)
        .setDescription('End the game in this channel (its starter, or Manage Messages).'),
    )
    .addSubcommand((s) =>
      s
        .setName(SUB.skip)
        .setDescription('Reveal the current question now (its starter, or Manage Messages).'),
    )
    .addSubcommand((s) =>
      s
        .setName(SUB.leaderboard)
        .setDescription("This server's trivia leaderboard.")
        .addStringOption((o) =>
          o
            .setName(TRIVIA_OPTION.by)
            .setDescription('Rank by points (default), accuracy or games played')
            .addChoices(
              { name: 'points', value: 'points' },
              { name: 'accuracy', value: 'accuracy' },
              { name: 'games played', value: 'games' },
            ),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName(SUB.stats)
        .setDescription("A player's games, accuracy, best streak and most missed facts.")
        .addUserOption((o) =>
          o.setName(TRIVIA_OPTION.user).setDescription('Whose statistics (default: yours)'),
        ),
    )
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(...GUILD_INSTALL)
    .toJSON(),
  async execute(interaction, ctx) {
    const options = interaction.options;
    switch (options.getSubcommand(true)) {
      case SUB.start:
        return startTriviaGame(
          interaction,
          {
            topic: options.getString(OPTION.topic),
            mode: options.getString(TRIVIA_OPTION.mode) ?? undefined,
            questions: options.getInteger(TRIVIA_OPTION.questions) ?? undefined,
            seconds: options.getInteger(TRIVIA_OPTION.seconds) ?? undefined,
            thread: options.getBoolean(TRIVIA_OPTION.thread) ?? false,
          },
          ctx,
        );
      case SUB.stop:
        return steer(interaction, 'stop', ctx);
      case SUB.skip:
        return steer(interaction, 'skip', ctx);
      case SUB.leaderboard:
        return leaderboard(interaction, ctx);
      case SUB.stats:
        return stats(interaction, ctx);
      default:
        return respond(interaction, renderNotice(TEXT.unknownCommand));
    }
  },
  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    const choices =
      focused.name === OPTION.topic ? topicChoices(ctx.knowledge.engine(), focused.value) : [];
    await respondChoices(interaction, choices);
  },
};
