import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
  RepliableInteraction,
} from 'discord.js';
import type { Resolved } from './ask.js';
import { COMMANDS, findCommand, type Command, type Requirements } from './commands/index.js';
import { COMPONENT_AREAS, claimComponent, type RegisteredArea } from './components/index.js';
import type { BotContext } from './context.js';
import { UserFacingError } from '../errors.js';
import { renderNotice } from './render/payload.js';
import { TEXT } from './render/text.js';
import { respond, respondChoices, respondWithError } from './reply.js';

type CommandInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

/** Details logged with any failure, so it can be traced to a use. */
interface Trace {
  readonly kind: string;
  readonly command?: string;
  readonly customId?: string;
}

/**
 * The one authorisation check, for every entry point: scoped to the interaction's server,
 * failing closed (no member permissions known means no permission).
 */
export function authorize(
  interaction: Pick<Interaction, 'inGuild' | 'memberPermissions'>,
  requires: Requirements | undefined,
): Resolved<void> {
  if (!requires) return { ok: true, value: undefined };
  if (requires.guildOnly && !interaction.inGuild()) {
    return { ok: false, error: new UserFacingError('guild-only', TEXT.guildOnly) };
  }
  const { permission } = requires;
  if (permission && !interaction.memberPermissions?.has(permission.flag)) {
    const error = new UserFacingError('missing-permission', TEXT.needsPermission(permission.name));
    return { ok: false, error };
  }
  return { ok: true, value: undefined };
}

/** Counts a use toward the user's cooldown; a refusal is answered privately every time. */
function checkCooldown(userId: string, ctx: BotContext): Resolved<void> {
  const verdict = ctx.cooldown.take(userId);
  if (verdict.allowed) return { ok: true, value: undefined };
  const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
  return { ok: false, error: new UserFacingError('cooldown', TEXT.cooldown(seconds)) };
}

/** The checks a command declares, in order: who may use it, then how often. */
function check(
  interaction: RepliableInteraction,
  command: Command,
  ctx: BotContext,
): Resolved<void> {
  const allowed = authorize(interaction, command.requires);
  if (!allowed.ok || !command.cooldown) return allowed;
  return checkCooldown(interaction.user.id, ctx);
}

async function runCommand(
  interaction: CommandInteraction,
  ctx: BotContext,
  commands: readonly Command[],
): Promise<void> {
  const kind = interaction.isChatInputCommand() ? 'slash' : 'message';
  const command = findCommand(kind, interaction.commandName, commands);
  if (!command) throw new UserFacingError('unknown-command', TEXT.unknownCommand);
  const allowed = check(interaction, command, ctx);
  if (!allowed.ok) throw allowed.error;
  if (command.kind === 'slash' && interaction.isChatInputCommand()) {
    await command.execute(interaction, ctx);
  } else if (command.kind === 'message' && interaction.isMessageContextMenuCommand()) {
    await command.execute(interaction, ctx);
  }
}

async function runAutocomplete(
  interaction: AutocompleteInteraction,
  ctx: BotContext,
  commands: readonly Command[],
): Promise<void> {
  const command = findCommand('slash', interaction.commandName, commands);
  // Suggestions get the command's permission check too, or they would leak what it guards.
  if (
    command?.kind !== 'slash' ||
    !command.autocomplete ||
    !authorize(interaction, command.requires).ok
  ) {
    await respondChoices(interaction, []);
    return;
  }
  await command.autocomplete(interaction, ctx);
}

/**
 * A button or a modal: the area that wrote its custom id parses it, then runs it. Only what the
 * area declares a question counts toward the cooldown (answering a trivia question does not).
 */
async function runComponent(
  interaction: ButtonInteraction | ModalSubmitInteraction,
  ctx: BotContext,
  areas: readonly RegisteredArea[],
): Promise<void> {
  const claimed = claimComponent(interaction.customId, areas);
  const unknown = new UserFacingError('unknown-component', TEXT.unknownComponent);
  if (!claimed) throw unknown;
  if (claimed.countsAsQuestion) {
    const allowed = checkCooldown(interaction.user.id, ctx);
    if (!allowed.ok) throw allowed.error;
  }
  if (interaction.isButton() && claimed.button) await claimed.button(interaction, ctx);
  else if (interaction.isModalSubmit() && claimed.modal) await claimed.modal(interaction, ctx);
  else throw unknown;
}

/**
 * Answers a failure. An expected one (a `UserFacingError`) gets its own message; anything else
 * is logged with who and where, and the user sees only a generic message.
 */
async function fail(
  interaction: Interaction,
  error: unknown,
  trace: Trace,
  ctx: BotContext,
): Promise<void> {
  const where = { ...trace, userId: interaction.user.id, guildId: interaction.guildId };
  if (error instanceof UserFacingError) {
    ctx.logger.debug({ ...where, code: error.code }, 'interaction refused');
  } else {
    ctx.logger.error({ ...where, err: error }, 'interaction handler failed');
  }
  try {
    if (interaction.isAutocomplete()) {
      await respondChoices(interaction, []);
    } else if (interaction.isRepliable()) {
      if (error instanceof UserFacingError) await respond(interaction, renderNotice(error.message));
      else await respondWithError(interaction);
    }
  } catch (replyError) {
    ctx.logger.warn({ ...where, err: replyError }, 'could not answer a failed interaction');
  }
}

function traceOf(interaction: Interaction): Trace {
  if (interaction.isCommand() || interaction.isAutocomplete()) {
    return {
      kind: interaction.isAutocomplete() ? 'autocomplete' : 'command',
      command: interaction.commandName,
    };
  }
  if (interaction.isMessageComponent() || interaction.isModalSubmit()) {
    return { kind: 'component', customId: interaction.customId };
  }
  return { kind: 'other' };
}

/**
 * The `interactionCreate` listener: classify, then the command's or component's pipeline
 * (resolve, check, run). It never throws, so no interaction can stop the bot.
 */
export function createInteractionHandler(
  ctx: BotContext,
  commands: readonly Command[] = COMMANDS,
  areas: readonly RegisteredArea[] = COMPONENT_AREAS,
): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    try {
      if (interaction.isAutocomplete()) await runAutocomplete(interaction, ctx, commands);
      else if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
        await runCommand(interaction, ctx, commands);
      } else if (interaction.isButton() || interaction.isModalSubmit()) {
        await runComponent(interaction, ctx, areas);
      }
    } catch (error) {
      await fail(interaction, error, traceOf(interaction), ctx);
    }
  };
}
