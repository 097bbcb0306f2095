import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
} from 'discord.js';
import { DISCORD_LIMITS, fitContent, fitEmbeds, truncate } from '../limits.js';

/** Mention nobody, and do not ping the author of a message replied to. */
export const NO_MENTIONS = Object.freeze({
  parse: [] as [],
  repliedUser: false as const,
});

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/**
 * A reply as the renderers describe it: plain data, already within Discord's limits, mentioning
 * nobody. `reply.ts` turns it into a message or an interaction response.
 */
export interface ReplyPayload {
  readonly content?: string;
  readonly embeds: readonly APIEmbed[];
  readonly components: readonly ButtonRow[];
  /** Only the one who asked should see it (honoured where Discord allows: interactions). */
  readonly ephemeral: boolean;
  readonly allowedMentions: typeof NO_MENTIONS;
}

export interface ButtonSpec {
  readonly customId: string;
  readonly label: string;
  readonly style?: ButtonStyle.Primary | ButtonStyle.Secondary;
}

/**
 * Buttons in rows of five, at most five rows, custom ids unique within the message (Discord
 * rejects duplicates), labels cut to 80 characters.
 */
export function buttonRows(buttons: readonly ButtonSpec[]): ButtonRow[] {
  const seen = new Set<string>();
  const unique = buttons.filter((b) => {
    if (seen.has(b.customId) || b.customId.length > DISCORD_LIMITS.customId) return false;
    seen.add(b.customId);
    return true;
  });
  const rows: ButtonRow[] = [];
  for (let i = 0; i < unique.length && rows.length < DISCORD_LIMITS.actionRows;) {
    const slice = unique.slice(i, i + DISCORD_LIMITS.buttonsPerRow);
    rows.push({
      type: ComponentType.ActionRow,
      components: slice.map((b) => ({
        type: ComponentType.Button,
        custom_id: b.customId,
        label: truncate(b.label, DISCORD_LIMITS.buttonLabel) || '…',
        style: b.style ?? ButtonStyle.Secondary,
      })),
    });
    i += slice.length;
  }
  return rows;
}

/** Assembles a payload, enforcing the limits once more whatever the renderer built. */
export function payload(parts: {
  readonly content?: string | undefined;
  readonly embeds?: readonly APIEmbed[];
  readonly rows?: readonly ButtonRow[];
  readonly ephemeral?: boolean;
}): ReplyPayload {
  const rows = (parts.rows ?? []).slice(0, DISCORD_LIMITS.actionRows);
  return {
    ...(parts.content !== undefined && parts.content.length > 0
      ? { content: fitContent(parts.content) }
      : {}),
    embeds: fitEmbeds(parts.embeds ?? []),
    components: rows,
    ephemeral: parts.ephemeral ?? false,
    allowedMentions: NO_MENTIONS,
  };
}

/** A short plain-text reply: a notice, a refusal, an error. */
export function renderNotice(text: string, ephemeral = true): ReplyPayload {
  return payload({ content: text, ephemeral });
}
