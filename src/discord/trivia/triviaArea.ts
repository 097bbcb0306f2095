import { MessageFlags, type ButtonInteraction, type ModalSubmitInteraction } from 'discord.js';
import type { AnswerEvent } from '../../trivia/types.js';
import { defineArea } from '../components/registry.js';
import { parseTriviaCustomId, type TriviaCustomId } from '../components/triviaCustomId.js';
import type { BotContext } from '../context.js';
import { renderNotice } from '../render/payload.js';
import { ANSWER_INPUT, renderAnswerModal } from '../render/trivia.js';
import { TRIVIA_TEXT } from '../render/triviaText.js';
import { respond } from '../reply.js';
import { displayNameOf, interactionResponder } from './responders.js';
import { startTriviaGame } from './startGame.js';

type Answer = { readonly option: number } | { readonly text: string };

/**
 * An answer from a button or the answer modal: acknowledged privately at once, then fed to the
 * game as the clicker's own (a click never answers for anyone else), and the rules' note to the
 * player edits the acknowledgement. A game that is over says so.
 */
async function answer(
  interaction: ButtonInteraction | ModalSubmitInteraction,
  id: { readonly gameId: number; readonly question: number },
  given: Answer,
  ctx: BotContext,
): Promise<void> {
  if (!ctx.trivia.byId(id.gameId)) {
    await respond(interaction, renderNotice(TRIVIA_TEXT.gameOver));
    return;
  }
  const acknowledged = interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const userId = interaction.user.id;
  const event: AnswerEvent = {
    type: 'answer',
    userId,
    displayName: displayNameOf(interaction),
    question: id.question,
    ...given,
  };
  const transition = ctx.trivia.dispatch(
    id.gameId,
    event,
    interactionResponder(interaction, acknowledged),
  );
  await acknowledged;
  const told = transition?.effects.some((e) => e.kind === 'reply' && e.userId === userId);
  if (!told) await respond(interaction, renderNotice(TRIVIA_TEXT.gameOver));
}

/** `trivia:open`: the modal to type an answer in, while its question is still open. */
async function openAnswerModal(
  interaction: ButtonInteraction,
  id: { readonly gameId: number; readonly question: number },
  ctx: BotContext,
): Promise<void> {
  const state = ctx.trivia.byId(id.gameId)?.state();
  if (!state || state.phase !== 'asking') {
    await respond(interaction, renderNotice(TRIVIA_TEXT.gameOver));
    return;
  }
  const overdue = state.deadline !== null && ctx.clock.now() >= state.deadline;
  const question = state.questions[id.question];
  const modal = question && renderAnswerModal(id.gameId, id.question, question.prompt);
  if (state.current !== id.question || overdue || !modal) {
    await respond(interaction, renderNotice(TRIVIA_TEXT.questionClosed(id.question)));
    return;
  }
  await interaction.showModal(modal);
}

/**
 * The `trivia` buttons and modal: answers (a button per option, or the "Answer" modal) and the
 * "Play N questions" offer. None of them is a question, so none counts toward the cooldown.
 * Anyone may answer (buttons have no permission gate, and the game's own rules decide who
 * counts); every handler acts for the clicker only.
 */
export const triviaArea = defineArea<TriviaCustomId>({
  area: 'trivia',
  parse: parseTriviaCustomId,
  async button(interaction, id, ctx) {
    switch (id.action) {
      case 'pick':
        return answer(interaction, id, { option: id.option }, ctx);
      case 'open':
        return openAnswerModal(interaction, id, ctx);
      case 'play':
        return startTriviaGame(interaction, id.offer, ctx);
      case 'typed':
        return respond(interaction, renderNotice(TRIVIA_TEXT.gameOver));
    }
  },
  async modal(interaction, id, ctx) {
    if (id.action !== 'typed') {
      await respond(interaction, renderNotice(TRIVIA_TEXT.gameOver));
      return;
    }
    const text = interaction.fields.getTextInputValue(ANSWER_INPUT);
    await answer(interaction, id, { text }, ctx);
  },
});
