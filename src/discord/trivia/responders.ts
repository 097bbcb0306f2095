import type { BaseInteraction, Message, RepliableInteraction } from 'discord.js';
import type { ReplyMessage } from '../../trivia/types.js';
import { renderTriviaReply } from '../render/trivia.js';
import { TRIVIA_REACTIONS } from '../render/triviaText.js';
import { respond } from '../reply.js';
import type { Responder } from './triviaGames.js';

/** The name a player goes by in this server: their nickname, else their Discord name. */
export function displayNameOf(interaction: BaseInteraction): string {
  const { member } = interaction;
  if (member && 'displayName' in member) return member.displayName;
  if (member?.nick) return member.nick;
  return interaction.user.displayName;
}

/**
 * Tells the player who used an interaction, privately: the interaction was acknowledged with an
 * ephemeral defer (`acknowledged`) before the game was stepped, so the 3-second deadline holds
 * whatever the game's messages are waiting on, and each note then edits or follows it.
 */
export function interactionResponder(
  interaction: RepliableInteraction,
  acknowledged: Promise<unknown>,
): Responder {
  return {
    userId: interaction.user.id,
    async reply(message, view) {
      await acknowledged;
      await respond(interaction, renderTriviaReply(message, view));
    },
  };
}

const REACTION_FOR: Partial<Record<ReplyMessage['type'], string>> = {
  correct: TRIVIA_REACTIONS.correct,
  close: TRIVIA_REACTIONS.close,
  wrong: TRIVIA_REACTIONS.wrong,
};

/**
 * Tells the author of a typed answer (prefix mode) with a reaction: nothing in a channel is
 * private, so the hint of a near miss is only "close".
 */
export function reactionResponder(message: Message, onError: (error: unknown) => void): Responder {
  return {
    userId: message.author.id,
    async reply(note) {
      const emoji = REACTION_FOR[note.type];
      if (emoji === undefined) return;
      await message.react(emoji).then(() => undefined, onError);
    },
  };
}
