import {
  ApplicationIntegrationType,
  InteractionContextType,
  type AutocompleteInteraction,
  type SlashCommandStringOption,
} from 'discord.js';
import { questionChoices, resolveTopic, topicChoices } from '../ask.js';
import type { BotContext } from '../context.js';
import { respondChoices } from '../reply.js';

/** Where the question-answering commands are offered: servers and the bot's DMs. */
export const ANYWHERE = [InteractionContextType.Guild, InteractionContextType.BotDM] as const;
export const GUILD_INSTALL = [ApplicationIntegrationType.GuildInstall] as const;

export const OPTION = {
  question: 'question',
  topic: 'topic',
  private: 'private',
  fact: 'fact',
} as const;

/** The optional `topic` option of the commands that can be limited to a pack or a tag. */
export const topicOption = (option: SlashCommandStringOption): SlashCommandStringOption =>
  option
    .setName(OPTION.topic)
    .setDescription('Only this pack or tag (see /topics)')
    .setAutocomplete(true);

/**
 * Suggests fact questions for the `question` or `fact` option and packs or tags for `topic`. An
 * unknown topic narrows nothing rather than failing: the command itself reports it.
 */
export async function autocompleteFactsAndTopics(
  interaction: AutocompleteInteraction,
  ctx: BotContext,
): Promise<void> {
  const engine = ctx.knowledge.engine();
  const focused = interaction.options.getFocused(true);
  if (focused.name === OPTION.topic) {
    await respondChoices(interaction, topicChoices(engine, focused.value));
    return;
  }
  const topic = resolveTopic(engine, interaction.options.getString(OPTION.topic));
  const scope = topic.ok ? topic.value : {};
  await respondChoices(interaction, questionChoices(engine, focused.value, scope));
}
