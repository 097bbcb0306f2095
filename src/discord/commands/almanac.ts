import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { renderReload } from '../render/reload.js';
import { defer, respond } from '../reply.js';
import { GUILD_INSTALL } from './shared.js';
import type { SlashCommand } from './types.js';

const RELOAD = 'reload';

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
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(...GUILD_INSTALL)
    .toJSON(),
  async execute(interaction, ctx) {
    // Only one subcommand so far; Discord rejects any name it was not given.
    interaction.options.getSubcommand(true);
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
  },
};
