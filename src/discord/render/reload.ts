import { cleanCodeBlockContent, type APIEmbed, type APIEmbedField } from 'discord.js';
import { formatProblem, type Problem } from '../../knowledge/problem.js';
import { DISCORD_LIMITS } from '../limits.js';
import type { ReloadOutcome } from '../reload.js';
import { COLOURS } from './answer.js';
import { joinWithin } from './info.js';
import { payload, type ReplyPayload } from './payload.js';
import { TEXT } from './text.js';

const ids = (list: readonly string[]) =>
  joinWithin(
    list.map((id) => `\`${id}\``),
    ', ',
    DISCORD_LIMITS.embedFieldValue,
  );

/** Problem lines in a code block, whole lines only, with a count of what did not fit. */
function problemBlock(problems: readonly Problem[], max: number): string {
  const fence = '```';
  const lines = problems.map((p) => cleanCodeBlockContent(formatProblem(p)));
  const inner = joinWithin(lines, '\n', max - 2 * fence.length - 2);
  return `${fence}\n${inner}\n${fence}`;
}

/** The answer to `/almanac reload`: what changed, or why nothing did. */
export function renderReload(outcome: ReloadOutcome): ReplyPayload {
  if (!outcome.ok && outcome.abandoned === true) {
    const embed: APIEmbed = {
      title: TEXT.reloadAbandonedTitle,
      description: TEXT.reloadAbandoned,
      color: COLOURS.failed,
    };
    return payload({ embeds: [embed], ephemeral: true });
  }
  if (!outcome.ok) {
    const lead = TEXT.reloadFailed(outcome.errors.length);
    const embed: APIEmbed = {
      title: TEXT.reloadFailedTitle,
      description: `${lead}\n${problemBlock(outcome.errors, DISCORD_LIMITS.embedDescription - lead.length - 1)}`,
      color: COLOURS.failed,
    };
    return payload({ embeds: [embed], ephemeral: true });
  }
  const { diff } = outcome;
  const fields: APIEmbedField[] = [];
  if (diff.added.length > 0)
    fields.push({ name: `${TEXT.reloadAdded} (${diff.added.length})`, value: ids(diff.added) });
  if (diff.changed.length > 0)
    fields.push({
      name: `${TEXT.reloadChanged} (${diff.changed.length})`,
      value: ids(diff.changed),
    });
  if (diff.removed.length > 0)
    fields.push({
      name: `${TEXT.reloadRemoved} (${diff.removed.length})`,
      value: ids(diff.removed),
    });
  const unchanged = fields.length === 0 ? `\n${TEXT.reloadNoChange}` : '';
  if (outcome.warnings.length > 0) {
    fields.push({
      name: TEXT.reloadWarnings(outcome.warnings.length),
      value: problemBlock(outcome.warnings, DISCORD_LIMITS.embedFieldValue),
    });
  }
  const embed: APIEmbed = {
    title: TEXT.reloadedTitle,
    description: `${TEXT.reloaded(outcome.packs, outcome.facts)}${unchanged}`,
    color: COLOURS.answered,
    fields,
  };
  return payload({ embeds: [embed], ephemeral: true });
}
