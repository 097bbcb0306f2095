import { escapeMarkdown } from 'discord.js';
import type { Fact, Pack, Source } from '../../knowledge/schema.js';
import { DISCORD_LIMITS, truncate } from '../limits.js';

/** How much of an asker's own words a reply quotes back. */
const MAX_ECHO = 300;

/**
 * A user's text made safe to show inside a reply: one line, cut, every Markdown construct
 * escaped (masked links, headings and lists included, so it cannot disguise a link or shout).
 * Mentions are left as text: `allowed_mentions` stops them pinging.
 */
export function escapeUserText(text: string, max: number = MAX_ECHO): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return escapeMarkdown(truncate(oneLine, max), {
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  });
}

/** A user's question quoted back to them. */
export function quoteQuestion(question: string): string {
  return `“${escapeUserText(question)}”`;
}

/** Pack text used as a link label: brackets would end the label early. */
function escapeLinkLabel(text: string): string {
  return escapeMarkdown(text).replace(/[[\]]/g, (c) => `\\${c}`);
}

/**
 * A validated https url made safe inside `(<…>)`: characters that would end the link are
 * percent-encoded. Pack urls are checked by the schema, so this only guards odd but valid ones.
 */
function safeUrl(url: string): string {
  return url.replace(/[\s<>]/g, (c) => encodeURIComponent(c));
}

/** `[label](<url>)`: a masked link that does not unfurl into a preview. */
export function maskedLink(label: string, url: string): string {
  return `[${escapeLinkLabel(label)}](<${safeUrl(url)}>)`;
}

export function sourceOf(pack: Pack, fact: Fact): Source | undefined {
  return pack.sources.find((s) => s.id === fact.source.id);
}

/**
 * The citation of a fact: publisher, linked title, section and paragraph, always within one
 * embed field. When it would not fit, the title is shortened, never the link.
 */
export function formatCitation(pack: Pack, fact: Fact): string {
  const source = sourceOf(pack, fact);
  const where = `${escapeMarkdown(fact.source.section)}, paragraph ${fact.source.paragraph}`;
  if (!source) return truncate(where, DISCORD_LIMITS.embedFieldValue);
  const build = (title: string) =>
    `${escapeMarkdown(source.publisher)}: ${maskedLink(title, source.url)}\n${where}`;
  // Escaping lengthens the title, so shorten the raw title until the escaped whole fits.
  let title = source.title;
  let out = build(title);
  while (out.length > DISCORD_LIMITS.embedFieldValue && title.length > 1) {
    title = truncate(
      title,
      Math.max(1, title.length - (out.length - DISCORD_LIMITS.embedFieldValue)),
    );
    out = build(title);
  }
  return out.length <= DISCORD_LIMITS.embedFieldValue
    ? out
    : truncate(`${source.publisher}\n${where}`, DISCORD_LIMITS.embedFieldValue);
}

export function percent(confidence: number): number {
  return Math.round(Math.min(1, Math.max(0, confidence)) * 100);
}
