import { randomUUID } from 'node:crypto';
import {
  MessageFlags,
  type AutocompleteInteraction,
  type BaseMessageOptions,
  type Message,
  type MessageMentionOptions,
  type RepliableInteraction,
} from 'discord.js';
import type { Choice } from './ask.js';
import { DISCORD_LIMITS, truncate } from './limits.js';
import { renderNotice, type ReplyPayload } from './render/payload.js';
import { TEXT } from './render/text.js';

/**
 * A fresh "mention nobody" on every send. The client sets the same default; repeating it per
 * payload means no code path depends on that default being in place.
 */
function noMentions(): MessageMentionOptions {
  return { parse: [], repliedUser: false };
}

/** The parts of a payload every kind of send shares. */
export function toMessageOptions(reply: ReplyPayload): BaseMessageOptions {
  return {
    ...(reply.content !== undefined ? { content: reply.content } : {}),
    embeds: [...reply.embeds],
    components: [...reply.components],
    allowedMentions: noMentions(),
  };
}

/** Discord's longest nonce. */
const NONCE_LENGTH = 25;

/**
 * Replies to a message. `failIfNotExists: false`: a question deleted before the answer is sent
 * still gets its answer, just without the reference, instead of an error. A fresh nonce with
 * `enforceNonce` makes a retried request (after a timeout or a 5xx) post the reply only once.
 */
export function replyToMessage(message: Message, reply: ReplyPayload): Promise<Message> {
  return message.reply({
    ...toMessageOptions(reply),
    failIfNotExists: false,
    nonce: randomUUID().replaceAll('-', '').slice(0, NONCE_LENGTH),
    enforceNonce: true,
  });
}

/**
 * Answers an interaction however far it has got: the first response, the edit of a deferred
 * one, or a follow-up once it has been answered. Whether it is private is fixed by the first
 * response (or the defer), as Discord requires.
 */
export async function respond(
  interaction: RepliableInteraction,
  reply: ReplyPayload,
): Promise<void> {
  const options = toMessageOptions(reply);
  const flags = reply.ephemeral ? MessageFlags.Ephemeral : undefined;
  if (interaction.deferred && !interaction.replied) {
    await interaction.editReply(options);
  } else if (interaction.replied) {
    await interaction.followUp({ ...options, ...(flags !== undefined ? { flags } : {}) });
  } else {
    await interaction.reply({ ...options, ...(flags !== undefined ? { flags } : {}) });
  }
}

/** Acknowledges now and answers later: only before slow work (a pack reload). */
export async function defer(interaction: RepliableInteraction, ephemeral: boolean): Promise<void> {
  if (interaction.deferred || interaction.replied) return;
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
}

/**
 * The generic answer to a failure: private, never the error's own text. A follow-up when the
 * interaction was already acknowledged, else the first response.
 */
export async function respondWithError(
  interaction: RepliableInteraction,
  text: string = TEXT.genericError,
): Promise<void> {
  const options = {
    ...toMessageOptions(renderNotice(text)),
    flags: MessageFlags.Ephemeral,
  } as const;
  if (interaction.replied || interaction.deferred) await interaction.followUp(options);
  else await interaction.reply(options);
}

/** Autocomplete choices, held to Discord's 25 and 100-character names whatever was passed. */
export async function respondChoices(
  interaction: AutocompleteInteraction,
  choices: readonly Choice[],
): Promise<void> {
  if (interaction.responded) return;
  await interaction.respond(
    choices
      .filter((c) => c.value.length > 0 && c.value.length <= DISCORD_LIMITS.choiceValue)
      .slice(0, DISCORD_LIMITS.autocompleteChoices)
      .map((c) => ({
        name: truncate(c.name, DISCORD_LIMITS.choiceName) || c.value,
        value: c.value,
      })),
  );
}
