import type { Message } from 'discord.js';
import type { BotContext } from '../context.js';
import { reactionResponder } from './responders.js';

/**
 * Prefix mode's typed answers: a plain message in a channel where an open-mode question is being
 * asked is an answer to it, from its author only. Returns whether the message was taken as one
 * (then it is not a question, and does not count toward the cooldown). Needs the Message Content
 * intent, as prefix mode does; without it the "Answer" button's modal is the way to answer.
 */
export function answerFromMessage(message: Message, ctx: BotContext): boolean {
  if (!ctx.trivia.typedAnswers || message.author.bot || message.system) return false;
  if (message.webhookId !== null) return false;
  const game = ctx.trivia.inChannel(message.channelId);
  const state = game?.state();
  if (!game || !state || state.phase !== 'asking' || state.options.mode !== 'open') return false;
  const text = message.content.trim();
  if (text.length === 0) return false;
  ctx.trivia.dispatch(
    game.gameId,
    {
      type: 'answer',
      userId: message.author.id,
      displayName: message.member?.displayName ?? message.author.displayName,
      text,
      question: state.current,
    },
    reactionResponder(message, (error) =>
      ctx.logger.warn({ err: error, messageId: message.id }, 'could not react to a typed answer'),
    ),
  );
  return true;
}
