import type { ButtonInteraction, ModalSubmitInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { splitCustomId, type CustomIdParts } from './customId.js';

/**
 * One area of custom ids (`ask`, `trivia`): its parser and its handlers, as sapphire's
 * interaction handlers are, parse then run. `parse` claims and decodes an id of the area, or
 * returns undefined for one it did not write; the handlers then get the decoded value, never the
 * raw string. Buttons have no permission gate (anyone who sees the message can click), so a
 * handler acts for the clicker only and re-checks whatever its action needs.
 */
export interface ComponentArea<T> {
  /** The first part of every custom id the area writes. */
  readonly area: string;
  readonly parse: (parts: CustomIdParts) => T | undefined;
  readonly button?: (interaction: ButtonInteraction, parsed: T, ctx: BotContext) => Promise<void>;
  readonly modal?: (
    interaction: ModalSubmitInteraction,
    parsed: T,
    ctx: BotContext,
  ) => Promise<void>;
  /** Whether a use counts toward the user's question cooldown (none does unless it says so). */
  readonly countsAsQuestion?: (parsed: T) => boolean;
}

/** A custom id an area claimed, with its handlers bound to the decoded value. */
export interface ClaimedComponent {
  readonly area: string;
  readonly countsAsQuestion: boolean;
  readonly button?: (interaction: ButtonInteraction, ctx: BotContext) => Promise<void>;
  readonly modal?: (interaction: ModalSubmitInteraction, ctx: BotContext) => Promise<void>;
}

/** An area as the registry holds it: whatever its decoded type, it claims or it does not. */
export interface RegisteredArea {
  readonly area: string;
  readonly claim: (parts: CustomIdParts) => ClaimedComponent | undefined;
}

/** Registers an area, binding its handlers to what its parser decoded. */
export function defineArea<T>(definition: ComponentArea<T>): RegisteredArea {
  return {
    area: definition.area,
    claim(parts) {
      if (parts.area !== definition.area) return undefined;
      const parsed = definition.parse(parts);
      if (parsed === undefined) return undefined;
      const { button, modal } = definition;
      return {
        area: definition.area,
        countsAsQuestion: definition.countsAsQuestion?.(parsed) ?? false,
        ...(button
          ? { button: (i: ButtonInteraction, ctx: BotContext) => button(i, parsed, ctx) }
          : {}),
        ...(modal
          ? { modal: (i: ModalSubmitInteraction, ctx: BotContext) => modal(i, parsed, ctx) }
          : {}),
      };
    },
  };
}

/** The area that claims a raw custom id, or undefined when none does. */
export function claimComponent(
  raw: string,
  areas: readonly RegisteredArea[],
): ClaimedComponent | undefined {
  const parts = splitCustomId(raw);
  if (!parts) return undefined;
  for (const area of areas) {
    const claimed = area.claim(parts);
    if (claimed) return claimed;
  }
  return undefined;
}
