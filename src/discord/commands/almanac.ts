import {
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
import { REPORT_RULES, reportSince, summariseStats } from '../../inbox/report.js';
import type { BotContext } from '../context.js';
import { renderMisses, renderStats, type InboxRenderContext } from '../render/inbox.js';
import { renderReload } from '../render/reload.js';
import { defer, respond } from '../reply.js';
import { GUILD_INSTALL } from './shared.js';
import type { SlashCommand } from './types.js';

const RELOAD = 'reload';
const MISSES = 'misses';
const STATS = 'stats';
const DAYS = 'days';
/** The longest window a Discord report offers; the terminal's `--days` goes further. */
const MAX_DAYS = 365;

const daysOption = (s: SlashCommandSubcommandBuilder) =>
  s.addIntegerOption((o) =>
    o
      .setName(DAYS)
      .setDescription(`How many days back, today included (default ${REPORT_RULES.defaultDays})`)
      .setMinValue(1)
      .setMaxValue(MAX_DAYS),
  );

async function reload(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await defer(interaction, true);
  const outcome = await ctx.knowledge.reload();
  ctx.logger.info(
    outcome.ok
      ? { guildId: interaction.guildId, userId: interaction.user.id, ...outcome.diff }
      : {
          guildId: interaction.guildId,
          userId: interaction.user.id,
          errors: outcome.errors.length,
        },
    outcome.ok ? 'packs reloaded' : 'pack reload failed; previous packs kept',
  );
  await respond(interaction, renderReload(outcome));
}

/** The window and what the renderers need, for this server's reports. */
function reportContext(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
): InboxRenderContext & { readonly since: number; readonly now: number } {
  // Discord enforces the range; the fallback keeps an out-of-range value from reaching a query.
  const asked = interaction.options.getInteger(DAYS) ?? REPORT_RULES.defaultDays;
  const days = Math.min(MAX_DAYS, Math.max(1, asked));
  const engine = ctx.knowledge.engine();
  const now = ctx.clock.now();
  return {
    days,
    now,
    since: reportSince(now, days),
    recording: ctx.questions.recording,
    factQuestion: (factId) => engine.fact(factId)?.fact.question,
  };
}

/**
 * `/almanac misses`: this server's most frequent recent misses, grouped by the fact they came
 * closest to. Only this server's questions: a curator never sees another server's members.
 */
async function misses(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const context = reportContext(interaction, ctx);
  const report = ctx.store.missReport({
    guildId: interaction.guildId,
    since: context.since,
    groups: REPORT_RULES.defaultGroups,
    questionsPerGroup: REPORT_RULES.discordQuestions,
  });
  await respond(interaction, renderMisses(report, context));
}

/** `/almanac stats`: how this server used the packs. */
async function stats(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const context = reportContext(interaction, ctx);
  const figures = ctx.store.questionStats({ guildId: interaction.guildId, since: context.since });
  const summary = summariseStats(figures, {
    since: context.since,
    now: context.now,
    factIds: ctx.knowledge
      .engine()
      .facts()
      .map((f) => f.fact.id),
    top: REPORT_RULES.defaultFacts,
  });
  await respond(interaction, renderStats(summary, context));
}

/**
 * `/almanac`: managing Almanac in a server. Manage Server only: Discord hides it from others by
 * default, and the interaction pipeline checks the permission again on every use (`requires`),
 * so a server override cannot open the reports, which echo members' questions, to everyone.
 * Every reply is private.
 */
export const almanacCommand: SlashCommand = {
  kind: 'slash',
  requires: {
    permission: { flag: PermissionFlagsBits.ManageGuild, name: 'Manage Server' },
    guildOnly: true,
  },
  data: new SlashCommandBuilder()
    .setName('almanac')
    .setDescription('Manage Almanac in this server.')
    .addSubcommand((s) =>
      s
        .setName(RELOAD)
        .setDescription('Reload the knowledge packs from disk and show what changed.'),
    )
    .addSubcommand((s) =>
      daysOption(
        s
          .setName(MISSES)
          .setDescription('What members asked that the packs missed, most frequent first.'),
      ),
    )
    .addSubcommand((s) =>
      daysOption(
        s
          .setName(STATS)
          .setDescription('Questions per day, answer rates, and the most and least asked facts.'),
      ),
    )
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(...GUILD_INSTALL)
    .toJSON(),
  async execute(interaction, ctx) {
    switch (interaction.options.getSubcommand(true)) {
      case MISSES:
        return misses(interaction, ctx);
      case STATS:
        return stats(interaction, ctx);
      default:
        // Discord rejects any subcommand it was not given: this is `reload`.
        return reload(interaction, ctx);
    }
  },
};
