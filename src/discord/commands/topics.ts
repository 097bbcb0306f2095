import { SlashCommandBuilder } from 'discord.js';
import { renderTopics } from '../render/info.js';
import { respond } from '../reply.js';
import { ANYWHERE, GUILD_INSTALL } from './shared.js';
import type { SlashCommand } from './types.js';

export const topicsCommand: SlashCommand = {
  kind: 'slash',
  data: new SlashCommandBuilder()
    .setName('topics')
    .setDescription('What I can answer: the packs, their fact counts and tags.')
    .setContexts(...ANYWHERE)
    .setIntegrationTypes(...GUILD_INSTALL)
    .toJSON(),
  async execute(interaction, ctx) {
    const engine = ctx.knowledge.engine();
    await respond(interaction, renderTopics(engine.packs, engine.tags()));
  },
};
