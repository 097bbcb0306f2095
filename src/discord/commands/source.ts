import { SlashCommandBuilder } from 'discord.js';
import { askQuestion, pickedFactId } from '../ask.js';
import { DISCORD_LIMITS } from '../limits.js';
import { renderSource } from '../render/info.js';
import { renderNotice } from '../render/payload.js';
import { TEXT } from '../render/text.js';
import { respond } from '../reply.js';
import { ANYWHERE, GUILD_INSTALL, OPTION, autocompleteFactsAndTopics } from './shared.js';
import type { SlashCommand } from './types.js';

export const sourceCommand: SlashCommand = {
  kind: 'slash',
  data: new SlashCommandBuilder()
    .setName('source')
    .setDescription('The full citation of a fact.')
    .addStringOption((o) =>
      o
        .setName(OPTION.fact)
        .setDescription('Start typing the question of the fact')
        .setRequired(true)
        .setMaxLength(DISCORD_LIMITS.question)
        .setAutocomplete(true),
    )
    .setContexts(...ANYWHERE)
    .setIntegrationTypes(...GUILD_INSTALL)
    .toJSON(),
  async execute(interaction, ctx) {
    const engine = ctx.knowledge.engine();
    const value = interaction.options.getString(OPTION.fact, true);
    // A picked suggestion names the fact; typed text must match one fact clearly.
    const picked = pickedFactId(value);
    const result = picked === undefined ? askQuestion(engine, value) : undefined;
    const factId = picked ?? (result?.status === 'answered' ? result.fact.id : undefined);
    const found = factId === undefined ? undefined : engine.fact(factId);
    await respond(interaction, found ? renderSource(found, false) : renderNotice(TEXT.unknownFact));
  },
  autocomplete: autocompleteFactsAndTopics,
};
