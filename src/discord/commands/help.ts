import { SlashCommandBuilder } from 'discord.js';
import { renderHelp } from '../render/info.js';
import { respond } from '../reply.js';
import { ANYWHERE, GUILD_INSTALL } from './shared.js';
import type { SlashCommand } from './types.js';

export const helpCommand: SlashCommand = {
  kind: 'slash',
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('How to ask me questions, and my commands.')
    .setContexts(...ANYWHERE)
    .setIntegrationTypes(...GUILD_INSTALL)
    .toJSON(),
  async execute(interaction, ctx) {
    await respond(interaction, renderHelp(ctx.commandSummaries));
  },
};
