import type { Client } from 'discord.js';
import type { Logger } from 'pino';
import type { InterruptedGame } from '../../store/types.js';
import { renderInterrupted } from '../render/trivia.js';
import { toMessageOptions } from '../reply.js';

/**
 * Tells each interrupted game's channel (its thread, when it had one) that the game is over and
 * its points are kept, as a reply to the question it was showing; that question's buttons are
 * taken away. Console games have no channel and are skipped. A channel that is gone or closed to
 * the bot is logged and passed over: one failure never stops the others or the start-up.
 */
export async function announceInterrupted(
  client: Client<true>,
  games: readonly InterruptedGame[],
  logger: Logger,
): Promise<void> {
  for (const game of games) {
    const channelId = game.threadId ?? game.channelId;
    if (channelId === null) continue;
    try {
      const channel = await client.channels.fetch(channelId);
      if (!channel?.isSendable() || !channel.isTextBased() || channel.isDMBased()) continue;
      const { messageId } = game;
      if (messageId !== null) {
        await channel.messages
          .edit(messageId, { components: [] })
          .catch((error: unknown) =>
            logger.debug({ err: error, gameId: game.id }, 'could not clear an old question'),
          );
      }
      await channel.send({
        ...toMessageOptions(renderInterrupted(game)),
        ...(messageId !== null
          ? { reply: { messageReference: messageId, failIfNotExists: false } }
          : {}),
      });
      logger.info({ gameId: game.id, channelId }, 'told a channel its trivia game was interrupted');
    } catch (error) {
      logger.warn(
        { err: error, gameId: game.id, channelId },
        'could not announce an interrupted game',
      );
    }
  }
}
