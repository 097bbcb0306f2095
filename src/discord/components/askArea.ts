import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { answerFact, renderReply } from '../ask.js';
import type { BotContext } from '../context.js';
import type { FactRef } from '../../engine/types.js';
import { renderAlternatives } from '../render/answer.js';
import { renderNotice } from '../render/payload.js';
import { respond } from '../reply.js';
import { parseAskButton, type AskButton } from './askedCustomId.js';
import { defineArea } from './registry.js';

/** A button on a private message answers privately too: its message was the asker's alone. */
function onPrivateMessage(interaction: ButtonInteraction): boolean {
  return interaction.message.flags.has(MessageFlags.Ephemeral);
}

/**
 * `ask:fact:<id>` (and `ask:pick:<question>,<id>`): answers that fact in a new reply to whoever
 * clicked, citing it as usual.
 */
async function answerPickedFact(
  interaction: ButtonInteraction,
  factId: string,
  ctx: BotContext,
): Promise<void> {
  const answer = answerFact(ctx.knowledge.engine(), factId);
  await respond(
    interaction,
    answer.ok
      ? renderReply(ctx, answer.value, {
          surface: 'command',
          picked: true,
          private: onPrivateMessage(interaction),
        })
      : renderNotice(answer.error.message),
  );
}

/**
 * `ask:more:<answered>,<alternatives…>` (and `ask:other:<question>,…`): the other facts that
 * came close, privately to the clicker. The ids were fixed when the answer was given; any no
 * longer loaded are skipped, and when none were recorded the engine's ranking of the answered
 * question stands in. When the answer was recorded, the flag is recorded with it and the
 * alternatives' buttons record which fact was meant.
 */
async function showAlternatives(
  interaction: ButtonInteraction,
  id: Extract<AskButton, { action: 'more' | 'other' }>,
  ctx: BotContext,
): Promise<void> {
  const engine = ctx.knowledge.engine();
  const answered = engine.fact(id.factId);
  const recorded = id.alternatives.flatMap((alt): FactRef[] => {
    const found = engine.fact(alt);
    return found ? [{ factId: alt, question: found.fact.question }] : [];
  });
  const alternatives =
    recorded.length > 0 || !answered
      ? recorded
      : engine
          .rank(answered.fact.question, { limit: 4 })
          .filter((c) => c.factId !== id.factId)
          .slice(0, 3);
  const ref = { factId: id.factId, question: answered?.fact.question ?? id.factId };
  const questionId = id.action === 'other' ? id.questionId : undefined;
  const noted =
    questionId !== undefined && ctx.questions.notWhatIAsked(questionId, interaction.guildId);
  await respond(interaction, renderAlternatives(ref, alternatives, { questionId, noted }));
}

/**
 * The `ask` buttons: a fact to answer, or the runners-up of an answer, each possibly tied to a
 * recorded question (`askedCustomId.ts`). Answering a fact is a question, so it counts toward
 * the clicker's cooldown (keyed by the clicker: a click never acts on anyone else's behalf);
 * showing the runners-up is not.
 */
export const askArea = defineArea<AskButton>({
  area: 'ask',
  parse: parseAskButton,
  countsAsQuestion: (id) => id.action === 'fact' || id.action === 'pick',
  button(interaction, id, ctx) {
    switch (id.action) {
      case 'fact':
        return answerPickedFact(interaction, id.factId, ctx);
      case 'pick':
        ctx.questions.picked(id.questionId, id.factId, interaction.guildId);
        return answerPickedFact(interaction, id.factId, ctx);
      case 'more':
      case 'other':
        return showAlternatives(interaction, id, ctx);
    }
  },
});
