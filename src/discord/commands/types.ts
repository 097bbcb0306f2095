import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext } from '../context.js';

/** Who may run a command, checked on every use (Discord's own gate can be changed by admins). */
export interface Requirements {
  /** A permission the member must hold in the server, and its name as Discord shows it. */
  readonly permission?: { readonly flag: bigint; readonly name: string };
  /** Refused outside a server (in DMs). */
  readonly guildOnly?: boolean;
}

interface CommandBase {
  readonly requires?: Requirements;
  /** Counts toward the asker's question cooldown. */
  readonly cooldown?: boolean;
}

export interface SlashCommand extends CommandBase {
  readonly kind: 'slash';
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  readonly execute: (interaction: ChatInputCommandInteraction, ctx: BotContext) => Promise<void>;
  readonly autocomplete?: (interaction: AutocompleteInteraction, ctx: BotContext) => Promise<void>;
}

export interface MessageCommand extends CommandBase {
  readonly kind: 'message';
  readonly data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  readonly execute: (
    interaction: MessageContextMenuCommandInteraction,
    ctx: BotContext,
  ) => Promise<void>;
}

export type Command = SlashCommand | MessageCommand;
