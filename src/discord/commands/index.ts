import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { CommandSummary } from '../render/info.js';
import { almanacCommand } from './almanac.js';
import { askCommand } from './ask.js';
import { askMessageCommand } from './askMessage.js';
import { factCommand } from './fact.js';
import { helpCommand } from './help.js';
import { sourceCommand } from './source.js';
import { topicsCommand } from './topics.js';
import { triviaCommand } from './trivia.js';
import type { Command } from './types.js';

export type { Command, MessageCommand, Requirements, SlashCommand } from './types.js';

/**
 * THE list of commands. Registration (`deploy.ts`, sync on start), dispatch and autocomplete
 * all read it, so a command cannot be registered without a handler or handled without being
 * registered.
 */
export const COMMANDS: readonly Command[] = [
  askCommand,
  factCommand,
  topicsCommand,
  sourceCommand,
  triviaCommand,
  helpCommand,
  almanacCommand,
  askMessageCommand,
];

/** The bodies to register with Discord. */
export function commandDefinitions(
  commands: readonly Command[] = COMMANDS,
): RESTPostAPIApplicationCommandsJSONBody[] {
  return commands.map((c) => c.data);
}

/** The command a chat-input or context-menu interaction names, if it is one of ours. */
export function findCommand(
  kind: Command['kind'],
  name: string,
  commands: readonly Command[] = COMMANDS,
): Command | undefined {
  return commands.find((c) => c.kind === kind && c.data.name === name);
}

/** Slash commands with their descriptions, for `/help`. */
export function commandSummaries(commands: readonly Command[] = COMMANDS): CommandSummary[] {
  return commands.flatMap((c) =>
    c.kind === 'slash' ? [{ name: c.data.name, description: c.data.description }] : [],
  );
}
