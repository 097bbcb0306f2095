import { ComponentType, type Message } from 'discord.js';
import { askAndRecord, renderReply } from './ask.js';
import { answeredFactOf } from './components/askedCustomId.js';
import type { BotContext } from './context.js';
import { renderNotice } from './render/payload.js';
import { COOLDOWN_REACTION, TEXT } from './render/text.js';
import { replyToMessage } from './reply.js';
import { answerFromMessage } from './trivia/typedAnswer.js';

/** The command word of the optional prefix mode (`!ask when did …`). */
export const PREFIX = '!ask';

/** What the classifier needs to know about a message, gathered from discord.js. */
export interface IncomingMessage {
  readonly content: string;
  /** Sent by a bot (Almanac included), the system or a webhook. */
  readonly fromBot: boolean;
  readonly inGuild: boolean;
  /** Mentions Almanac's user or its managed role. */
  readonly mentionsBot: boolean;
  /** Replies to one of Almanac's messages. */
  readonly repliesToBot: boolean;
}

export interface MessageRules {
  readonly botId: string;
  /** Almanac's managed role in this server: mentioning it counts as mentioning Almanac. */
  readonly botRoleId?: string | undefined;
  /** `!ask` questions are read too (needs the Message Content intent). */
  readonly prefixMode: boolean;
}

export type MessageIntent =
  | { readonly kind: 'ignore' }
  /**
   * Addressed to Almanac, but Discord withheld the text: a mention of the role alone or a reply
   * without the ping, which may arrive empty without the Message Content intent.
   */
  | { readonly kind: 'unreadable' }
  | { readonly kind: 'question'; readonly question: string; readonly followsUp: boolean };

/** Escapes a Discord id for use in a pattern (ids are digits; this only guards odd input). */
const idPattern = (id: string) => id.replace(/\D/g, '');

/** Removes mentions of Almanac itself (user, nickname and managed-role forms) from a question. */
export function stripSelfMentions(content: string, botId: string, botRoleId?: string): string {
  let out = content.replace(new RegExp(`<@!?${idPattern(botId)}>`, 'g'), ' ');
  if (botRoleId) out = out.replace(new RegExp(`<@&${idPattern(botRoleId)}>`, 'g'), ' ');
  return out.replace(/\s+/g, ' ').trim();
}

function prefixed(content: string): string | undefined {
  const trimmed = content.trimStart();
  const head = trimmed.slice(0, PREFIX.length).toLowerCase();
  const next = trimmed.charAt(PREFIX.length);
  if (head !== PREFIX || (next !== '' && !/\s/.test(next))) return undefined;
  return trimmed.slice(PREFIX.length);
}

/**
 * Decides whether a message is a question for Almanac, and which: in a DM every message is; in
 * a server, one that mentions Almanac (or its role), replies to one of its messages, or, in
 * prefix mode, starts with `!ask`. Bots, Almanac included, are never answered.
 */
export function classifyMessage(message: IncomingMessage, rules: MessageRules): MessageIntent {
  if (message.fromBot) return { kind: 'ignore' };
  const strip = (text: string) => stripSelfMentions(text, rules.botId, rules.botRoleId);
  const followsUp = message.repliesToBot;
  if (!message.inGuild || message.mentionsBot || message.repliesToBot) {
    if (message.inGuild && message.content.length === 0) return { kind: 'unreadable' };
    const text = rules.prefixMode
      ? (prefixed(message.content) ?? message.content)
      : message.content;
    return { kind: 'question', question: strip(text), followsUp };
  }
  if (rules.prefixMode) {
    const text = prefixed(message.content);
    if (text !== undefined) return { kind: 'question', question: strip(text), followsUp };
  }
  return { kind: 'ignore' };
}

function incoming(message: Message, botId: string, botRoleId: string | undefined): IncomingMessage {
  return {
    content: message.content,
    fromBot: message.author.bot || message.system || message.webhookId !== null,
    inGuild: message.inGuild(),
    mentionsBot:
      message.mentions.users.has(botId) ||
      (botRoleId !== undefined && message.mentions.roles.has(botRoleId)),
    repliesToBot:
      message.reference?.messageId !== undefined && message.mentions.repliedUser?.id === botId,
  };
}

/** The fact the replied-to answer gave, so "and who did he meet there?" follows on from it. */
async function previousFactId(message: Message): Promise<string | undefined> {
  const id = message.reference?.messageId;
  if (id === undefined) return undefined;
  // discord.js caches the referenced message from the event payload; fetch only if it is gone.
  const referenced =
    message.channel.messages.cache.get(id) ??
    (await message.fetchReference().catch(() => undefined));
  if (!referenced) return undefined;
  const customIds = referenced.components.flatMap((row) =>
    row.type === ComponentType.ActionRow
      ? row.components.flatMap((c) => (c.customId ? [c.customId] : []))
      : [],
  );
  return answeredFactOf(customIds);
}

/** How a message asked, for the question's log line: `!ask`, `dm`, `reply` or `mention`. */
function askedBy(received: IncomingMessage, viaPrefix: boolean): string {
  if (viaPrefix) return PREFIX;
  if (!received.inGuild) return 'dm';
  return received.repliesToBot ? 'reply' : 'mention';
}

/**
 * The pipeline for one message: classify, check the cooldown, ask, render, reply. A message that
 * is not a question may be a typed trivia answer (prefix mode), which is no question either.
 */
async function handleMessage(
  message: Message,
  ctx: BotContext,
  prefixMode: boolean,
): Promise<void> {
  const botId = message.client.user.id;
  const botRoleId = message.guild?.members.me?.roles.botRole?.id;
  const received = incoming(message, botId, botRoleId);
  const intent = classifyMessage(received, { botId, botRoleId, prefixMode });
  if (intent.kind === 'ignore') {
    if (prefixMode) answerFromMessage(message, ctx);
    return;
  }

  const verdict = ctx.cooldown.take(message.author.id);
  if (!verdict.allowed) {
    // One reaction per window: a reply per refused message would itself be the flood.
    if (verdict.notify) {
      await message
        .react(COOLDOWN_REACTION)
        .catch((error: unknown) =>
          ctx.logger.warn(
            { err: error, messageId: message.id },
            'could not add the cooldown reaction',
          ),
        );
    }
    return;
  }
  if (intent.kind === 'unreadable') {
    await replyToMessage(message, renderNotice(TEXT.unreadable, false));
    return;
  }

  const previous = intent.followsUp ? await previousFactId(message) : undefined;
  // Addressed to Almanac in a server without a mention or a reply: only `!ask` gets here.
  const viaPrefix = received.inGuild && !received.mentionsBot && !received.repliesToBot;
  const { result, questionId } = askAndRecord(
    ctx,
    intent.question,
    {
      surface: viaPrefix ? 'prefix' : 'message',
      guildId: message.guildId,
      channelId: message.channelId,
      userId: message.author.id,
      event: {
        kind: 'message',
        id: message.id,
        command: askedBy(received, viaPrefix),
        createdAt: message.createdTimestamp,
      },
    },
    { previousFactId: previous },
  );
  await replyToMessage(message, renderReply(ctx, result, { surface: 'message', questionId }));
}

/** The `messageCreate` listener: never throws, so one bad message cannot stop the bot. */
export function createMessageHandler(
  ctx: BotContext,
  options: { readonly prefixMode: boolean },
): (message: Message) => Promise<void> {
  return async (message) => {
    try {
      await handleMessage(message, ctx, options.prefixMode);
    } catch (error) {
      ctx.logger.error(
        {
          err: error,
          event: 'messageCreate',
          userId: message.author.id,
          guildId: message.guildId,
          channelId: message.channelId,
          messageId: message.id,
        },
        'message handler failed',
      );
      await replyToMessage(message, renderNotice(TEXT.genericError, false)).catch(
        (replyError: unknown) =>
          ctx.logger.warn({ err: replyError, messageId: message.id }, 'could not report a failure'),
      );
    }
  };
}
