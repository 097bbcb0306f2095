import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { answerFact } from '../ask.js';
import type { BotContext } from '../context.js';
import type { FactRef } from '../../engine/types.js';
import { renderAlternatives, renderAskResult } from '../render/answer.js';
import { renderNotice } from '../render/payload.js';
import { respond } from '../reply.js';
import { parseAskCustomId, type AskCustomId } from './customId.js';
import { defineArea } from './registry.js';

/** A button on a private message answers privately too: its message was the asker's alone. */
function onPrivateMessage(interaction: ButtonInteraction): boolean {
  return interaction.message.flags.has(MessageFlags.Ephemeral);
}

/** `ask:fact:<id>`: answers that fact in a new reply to whoever clicked, citing it as usual. */
async function answerPickedFact(
  interaction: ButtonInteraction,
  factId: string,
  ctx: BotContext,
): Promise<void> {
  const answer = answerFact(ctx.knowledge.engine(), factId);
  await respond(
    interaction,
    answer.ok
      ? renderAskResult(answer.value, {
          surface: 'command',
          picked: true,
          private: onPrivateMessage(interaction),
        })
      : renderNotice(answer.error.message),
  );
}

/**
 * `ask:more:<answered>,<alternatives…>`: the other facts that came close, privately to the
 * clicker. The ids were fixed when the answer was given; any no longer loaded are skipped, and
 * when none were recorded the engine's ranking of the answered question stands in.
 */
async function showAlternatives(
  interaction: ButtonInteraction,
  id: Extract<AskCustomId, { action: 'more' }>,
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
  await respond(interaction, renderAlternatives(ref, alternatives));
}

/**
 * The `ask` buttons: a fact to answer, or the runners-up of an answer. Answering a fact is a
 * question, so it counts toward the clicker's cooldown (keyed by the clicker: a click never acts
 * on anyone else's behalf); showing the runners-up is not.
 */
export const askArea = defineArea<AskCustomId>({
  area: 'ask',
  parse: parseAskCustomId,
  countsAsQuestion: (id) => id.action === 'fact',
  button(interaction, id, ctx) {
    return id.action === 'fact'
      ? answerPickedFact(interaction, id.factId, ctx)
      : showAlternatives(interaction, id, ctx);
  },
});
