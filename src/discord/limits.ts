import type { APIEmbed, APIEmbedField } from 'discord.js';

/**
 * Every Discord limit Almanac's messages and commands must respect, in one place. Lengths are in
 * UTF-16 code units (`string.length`), which is at least what Discord counts, so they err safe.
 * Any excess is a 400 from Discord, so renderers cut to these before sending.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  /** Title, description, field names and values, footer and author name across all embeds. */
  embedTotal: 6000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthorName: 256,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  linkUrl: 512,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  modalTitle: 45,
  textInputLabel: 45,
  textInputPlaceholder: 100,
  textInputValue: 4000,
  threadName: 100,
  commandName: 32,
  commandDescription: 100,
  optionDescription: 100,
  /** Not Discord's: the longest question Almanac judges (the engine's own cut). */
  question: 500,
} as const;

export const ELLIPSIS = '…';

/** How far back a cut may move to land between words instead of inside one. */
const WORD_BOUNDARY_SLACK = 24;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Cuts `text` to at most `max` UTF-16 units, ending with an ellipsis when anything was dropped.
 * Never splits a character (surrogate pairs, emoji sequences, flags stay whole) and prefers to cut
 * between words when a space is near the end.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  const budget = max - ELLIPSIS.length;
  let end = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    if (index + segment.length > budget) break;
    end = index + segment.length;
  }
  let cut = text.slice(0, end);
  const space = cut.search(/\s\S*$/);
  if (space > 0 && cut.length - space <= WORD_BOUNDARY_SLACK) cut = cut.slice(0, space);
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/** The characters of an embed Discord counts toward its total (as `embedLength` in builders). */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0)
  );
}

function fitFields(fields: readonly APIEmbedField[]): APIEmbedField[] {
  return fields.slice(0, DISCORD_LIMITS.embedFields).map((field) => ({
    ...field,
    name: truncate(field.name, DISCORD_LIMITS.embedFieldName),
    value: truncate(field.value, DISCORD_LIMITS.embedFieldValue),
  }));
}

/** Cuts every part of an embed to its own limit, leaving the total alone. */
function fitEachPart(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncate(out.title, DISCORD_LIMITS.embedTitle);
  if (out.description !== undefined) {
    out.description = truncate(out.description, DISCORD_LIMITS.embedDescription);
  }
  if (out.fields !== undefined) out.fields = fitFields(out.fields);
  if (out.footer !== undefined) {
    out.footer = { ...out.footer, text: truncate(out.footer.text, DISCORD_LIMITS.embedFooter) };
  }
  if (out.author !== undefined) {
    out.author = { ...out.author, name: truncate(out.author.name, DISCORD_LIMITS.embedAuthorName) };
  }
  if (out.url !== undefined && out.url.length > DISCORD_LIMITS.linkUrl) delete out.url;
  return out;
}

/**
 * Fits an embed within `budget` counted characters (6,000 by default): every part within its own
 * limit, then, while over the total, the description is shortened first (the answer is the long
 * part), then field values from the last, then the footer.
 */
export function fitEmbed(embed: APIEmbed, budget: number = DISCORD_LIMITS.embedTotal): APIEmbed {
  const out = fitEachPart(embed);
  let over = embedLength(out) - budget;
  if (over <= 0) return out;
  const shrink = (text: string, keep = 0): string => {
    const cut = truncate(text, Math.max(keep, text.length - over));
    over -= text.length - cut.length;
    return cut;
  };
  if (out.description) out.description = shrink(out.description);
  if (over > 0 && out.fields) {
    // Discord rejects an empty field value, so each keeps at least an ellipsis.
    const fields = [...out.fields]
      .reverse()
      .map((field) =>
        over > 0 ? { ...field, value: shrink(field.value, ELLIPSIS.length) } : field,
      );
    fields.reverse();
    // Field names can still be too many to fit: drop whole fields from the end.
    for (let dropped = over > 0 ? fields.pop() : undefined; dropped;) {
      over -= dropped.name.length + dropped.value.length;
      dropped = over > 0 ? fields.pop() : undefined;
    }
    out.fields = fields;
  }
  if (over > 0 && out.footer) out.footer = { ...out.footer, text: shrink(out.footer.text) };
  if (over > 0 && out.author) out.author = { ...out.author, name: shrink(out.author.name) };
  if (over > 0 && out.title) out.title = shrink(out.title);
  return out;
}

/** Fits a message's embeds: at most ten, sharing the 6,000-character total in order. */
export function fitEmbeds(embeds: readonly APIEmbed[]): APIEmbed[] {
  let budget: number = DISCORD_LIMITS.embedTotal;
  const out: APIEmbed[] = [];
  for (const embed of embeds.slice(0, DISCORD_LIMITS.embedsPerMessage)) {
    const fitted = fitEmbed(embed, budget);
    budget -= embedLength(fitted);
    out.push(fitted);
  }
  return out;
}

export function fitContent(text: string): string {
  return truncate(text, DISCORD_LIMITS.content);
}
