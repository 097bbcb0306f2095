import { SlashCommandBuilder } from 'discord.js';
import { answerFact, renderReply, resolveTopic } from '../ask.js';
import { renderNotice } from '../render/payload.js';
import { TEXT } from '../render/text.js';
import { respond } from '../reply.js';
import {
  ANYWHERE,
  GUILD_INSTALL,
  OPTION,
  autocompleteFactsAndTopics,
  topicOption,
} from './shared.js';
import type { SlashCommand } from './types.js';

export const factCommand: SlashCommand = {
  kind: 'slash',
  cooldown: true,
  data: new SlashCommandBuilder()
    .setName('fact')
    .setDescription('A random fact, with its source.')
    .addStringOption(topicOption)
    .setContexts(...ANYWHERE)
    .setIntegrationTypes(...GUILD_INSTALL)
    .toJSON(),
  async execute(interaction, ctx) {
    const engine = ctx.knowledge.engine();
    const topic = resolveTopic(engine, interaction.options.getString(OPTION.topic));
    if (!topic.ok) {
      await respond(interaction, renderNotice(topic.error.message));
      return;
    }
    const picked = engine.randomFact(ctx.random, topic.value);
    const answer = picked ? answerFact(engine, picked.fact.id) : undefined;
    if (!answer?.ok) {
      await respond(interaction, renderNotice(answer ? answer.error.message : TEXT.noFacts));
      return;
    }
    await respond(
      interaction,
      renderReply(ctx, answer.value, { surface: 'command', picked: true }),
    );
  },
  autocomplete: autocompleteFactsAndTopics,
};
