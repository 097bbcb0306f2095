import { randomUUID } from 'node:crypto';
import type { GuildTextBasedChannel } from 'discord.js';
import type { ReplyPayload } from '../render/payload.js';
import { toMessageOptions } from '../reply.js';
import type { GameChannel } from './triviaGames.js';

/** Discord's longest nonce. */
const NONCE_LENGTH = 25;

/**
 * A game's channel or thread for the effects runner. `opening`, when given, sends the first
 * message instead (the deferred reply to `/trivia start` becomes the rules message). A nonce
 * with `enforceNonce` makes a retried request post its message only once.
 */
export function gameChannelOf(
  channel: GuildTextBasedChannel,
  opening?: (payload: ReplyPayload) => Promise<string>,
): GameChannel {
  let first = opening;
  return {
    async send(payload) {
      if (first) {
        const send = first;
        first = undefined;
        return send(payload);
      }
      const message = await channel.send({
        ...toMessageOptions(payload),
        nonce: randomUUID().replaceAll('-', '').slice(0, NONCE_LENGTH),
        enforceNonce: true,
      });
      return message.id;
    },
    async edit(messageId, payload) {
      await channel.messages.edit(messageId, toMessageOptions(payload));
    },
  };
}
