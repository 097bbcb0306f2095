import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { PackedFact } from '../../engine/types.js';
import type { Pack } from '../../knowledge/schema.js';
import { DISCORD_LIMITS, truncate } from '../limits.js';
import { COLOURS } from './answer.js';
import { formatCitation, maskedLink, sourceOf } from './format.js';
import { payload, type ReplyPayload } from './payload.js';
import { TEXT } from './text.js';

/** Joins items with a separator while they fit in `max`, then says how many were left out. */
export function joinWithin(items: readonly string[], separator: string, max: number): string {
  let out = '';
  for (const [i, item] of items.entries()) {
    const next = out.length === 0 ? item : `${out}${separator}${item}`;
    const rest = items.length - i - 1;
    const tail = rest > 0 ? `${separator}${TEXT.andMore(rest)}` : '';
    if (next.length + tail.length > max) {
      const left = items.length - i;
      return out.length === 0 ? TEXT.andMore(left) : `${out}${separator}${TEXT.andMore(left)}`;
    }
    out = next;
  }
  return out;
}

/** `/topics`: every pack with its fact count and description, then the tags in use. */
export function renderTopics(
  packs: readonly Pack[],
  tags: ReadonlyMap<string, number>,
): ReplyPayload {
  if (packs.length === 0) return payload({ content: TEXT.topicsEmpty, ephemeral: true });
  // One field is kept for the tags; any packs beyond the rest are summarised.
  const room = DISCORD_LIMITS.embedFields - 1;
  const shown = packs.length > room ? packs.slice(0, room - 1) : packs;
  const fields: APIEmbedField[] = shown.map((pack) => ({
    name: truncate(
      `${pack.title} · ${TEXT.topicsFacts(pack.facts.length)}`,
      DISCORD_LIMITS.embedFieldName,
    ),
    value: truncate(`\`${pack.id}\`\n${pack.description}`, DISCORD_LIMITS.embedFieldValue),
  }));
  if (shown.length < packs.length) {
    fields.push({ name: '…', value: TEXT.andMore(packs.length - shown.length) });
  }
  if (tags.size > 0) {
    const list = [...tags].map(([tag, n]) => `\`${tag}\` ${n}`);
    fields.push({
      name: TEXT.topicsTags,
      value: joinWithin(list, ' · ', DISCORD_LIMITS.embedFieldValue),
    });
  }
  const embed: APIEmbed = {
    title: TEXT.topicsTitle,
    color: COLOURS.info,
    fields,
    footer: { text: TEXT.topicsFooter },
  };
  return payload({ embeds: [embed] });
}

/** `/source`: the full citation of one fact. */
export function renderSource({ fact, pack }: PackedFact, ephemeral: boolean): ReplyPayload {
  const source = sourceOf(pack, fact);
  const fields: APIEmbedField[] = source
    ? [
        { name: TEXT.sourcePublisher, value: source.publisher, inline: true },
        { name: TEXT.sourceWork, value: maskedLink(source.title, source.url) },
        { name: TEXT.sourceSection, value: fact.source.section, inline: true },
        { name: TEXT.sourceParagraph, value: String(fact.source.paragraph), inline: true },
      ]
    : [{ name: TEXT.sourceField, value: formatCitation(pack, fact) }];
  fields.push(
    { name: TEXT.sourcePack, value: `${pack.title} (\`${pack.id}\`)`, inline: true },
    { name: TEXT.sourceFact, value: `\`${fact.id}\``, inline: true },
  );
  const embed: APIEmbed = {
    title: TEXT.sourceTitle(fact.question),
    ...(source && source.url.length <= DISCORD_LIMITS.linkUrl ? { url: source.url } : {}),
    color: COLOURS.info,
    fields,
  };
  return payload({ embeds: [embed], ephemeral });
}

export interface CommandSummary {
  readonly name: string;
  readonly description: string;
}

/** `/help`: the ways to ask and the commands, listed from the command registry. */
export function renderHelp(commands: readonly CommandSummary[]): ReplyPayload {
  const list = commands.map((c) => `\`/${c.name}\` ${c.description}`);
  const embed: APIEmbed = {
    title: TEXT.helpTitle,
    description: TEXT.helpAsking,
    color: COLOURS.info,
    fields: [
      {
        name: TEXT.helpCommands,
        value: `${joinWithin(list, '\n', DISCORD_LIMITS.embedFieldValue - TEXT.helpContextMenu.length - 1)}\n${TEXT.helpContextMenu}`,
      },
    ],
  };
  return payload({ embeds: [embed], ephemeral: true });
}
