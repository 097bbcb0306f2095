import { ApplicationCommandType, ContextMenuCommandBuilder } from 'discord.js';
import { askAndRecord, renderReply, whereOf } from '../ask.js';
import { respond } from '../reply.js';
import { ANYWHERE, GUILD_INSTALL } from './shared.js';
import type { MessageCommand } from './types.js';

/** Right-click a message → Apps → Ask Almanac: the message's text is the question. */
export const askMessageCommand: MessageCommand = {
  kind: 'message',
  cooldown: true,
  data: new ContextMenuCommandBuilder()
    .setName('Ask Almanac')
    .setType(ApplicationCommandType.Message)
    .setContexts(...ANYWHERE)
    .setIntegrationTypes(...GUILD_INSTALL)
    .toJSON(),
  async execute(interaction, ctx) {
    // Context-menu targets carry their content even without the Message Content intent.
    const { result, questionId } = askAndRecord(
      ctx,
      interaction.targetMessage.content,
      whereOf(interaction, 'menu'),
    );
    await respond(interaction, renderReply(ctx, result, { surface: 'command', questionId }));
  },
};
