import { SlashCommandBuilder } from 'discord.js';
import {
  answerFact,
  askAndRecord,
  pickedFactId,
  renderReply,
  resolveTopic,
  whereOf,
} from '../ask.js';
import { DISCORD_LIMITS } from '../limits.js';
import { renderNotice } from '../render/payload.js';
import { respond } from '../reply.js';
import {
  ANYWHERE,
  GUILD_INSTALL,
  OPTION,
  autocompleteFactsAndTopics,
  topicOption,
} from './shared.js';
import type { SlashCommand } from './types.js';

export const askCommand: SlashCommand = {
  kind: 'slash',
  cooldown: true,
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a question; the answer cites its source.')
    .addStringOption((o) =>
      o
        .setName(OPTION.question)
        .setDescription('Your question, or pick one of the suggestions as you type')
        .setRequired(true)
        .setMaxLength(DISCORD_LIMITS.question)
        .setAutocomplete(true),
    )
    .addStringOption(topicOption)
    .addBooleanOption((o) => o.setName(OPTION.private).setDescription('Only you see the answer'))
    .setContexts(...ANYWHERE)
    .setIntegrationTypes(...GUILD_INSTALL)
    .toJSON(),
  async execute(interaction, ctx) {
    const engine = ctx.knowledge.engine();
    const question = interaction.options.getString(OPTION.question, true);
    const isPrivate = interaction.options.getBoolean(OPTION.private) ?? false;
    const picked = pickedFactId(question);
    if (picked !== undefined) {
      const answer = answerFact(engine, picked);
      const reply = answer.ok
        ? renderReply(ctx, answer.value, {
            surface: 'command',
            private: isPrivate,
            picked: true,
            questionId: ctx.questions.asked(answer.value, whereOf(interaction, 'slash')),
          })
        : renderNotice(answer.error.message);
      await respond(interaction, reply);
      return;
    }
    const topic = resolveTopic(engine, interaction.options.getString(OPTION.topic));
    if (!topic.ok) {
      await respond(interaction, renderNotice(topic.error.message));
      return;
    }
    const { result, questionId } = askAndRecord(
      ctx,
      question,
      whereOf(interaction, 'slash', topic.value),
      topic.value,
    );
    await respond(
      interaction,
      renderReply(ctx, result, { surface: 'command', private: isPrivate, questionId }),
    );
  },
  autocomplete: autocompleteFactsAndTopics,
};
