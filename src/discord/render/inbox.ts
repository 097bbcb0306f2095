import type { APIEmbed, APIEmbedField } from 'discord.js';
import { dayLabel, lineDetails, type StatsSummary } from '../../inbox/report.js';
import type { FactCount, MissGroup, MissReport } from '../../store/types.js';
import { DISCORD_LIMITS, truncate } from '../limits.js';
import { COLOURS } from './answer.js';
import { escapeUserText } from './format.js';
import { joinWithin } from './info.js';
import { payload, type ReplyPayload } from './payload.js';

/**
 * Every sentence `/almanac misses` and `/almanac stats` say, in one place (as `text.ts` holds
 * the rest), so wording is reviewed together and tests import what they expect.
 */
export const INBOX_TEXT = {
  missesTitle: (days: number) => `Misses in the last ${days === 1 ? 'day' : `${days} days`}`,
  missesLead: (misses: number, groups: number) =>
    `${misses} ${misses === 1 ? 'question' : 'questions'} the packs missed, in ${groups} ${groups === 1 ? 'group' : 'groups'}, most frequent first. ` +
    'Each group is the fact members picked, or the one the questions came closest to.',
  missesHint:
    '`npm run misses` prints the YAML that adds them as alternates, and `--apply` writes it.',
  nothingMissed: (days: number) =>
    `Nothing was missed here in the last ${days === 1 ? 'day' : `${days} days`}: no question was declined, asked "did you mean" or flagged "Not what I asked".`,
  nothingClose: 'Nothing close',
  noLongerLoaded: '(no longer in the packs)',
  groupName: (index: number, title: string, misses: number) =>
    `${index}. ${title} · ${misses} ${misses === 1 ? 'miss' : 'misses'}`,
  moreQuestions: (n: number) => `… and ${n} other ${n === 1 ? 'question' : 'questions'}`,
  moreGroups: (n: number) => `… and ${n} more ${n === 1 ? 'group' : 'groups'}.`,
  recordingOff: 'Recording is off (`RECORD_MISSES=false`): only what was recorded before is shown.',
  statsTitle: (days: number) => `Questions in the last ${days === 1 ? 'day' : `${days} days`}`,
  statsLead: (n: number) => `**${n}** ${n === 1 ? 'question' : 'questions'} asked here.`,
  outcome: (label: string, n: number, share: number) =>
    `${label}: ${n} (${Math.round(share * 100)}%)`,
  answered: 'Answered',
  didYouMean: 'Did you mean',
  declined: 'Declined',
  notWhatIAsked: (n: number) => `"Not what I asked" on ${n} ${n === 1 ? 'answer' : 'answers'}.`,
  medianConfidence: (all: number, answered: number | null) =>
    `Median confidence: ${Math.round(all * 100)}%` +
    (answered === null ? '' : ` (answered questions: ${Math.round(answered * 100)}%)`),
  perDay: 'Questions per day (UTC)',
  perDayRecent: (days: number) => `Questions per day (UTC, the last ${days})`,
  mostAsked: 'Most asked facts',
  leastAsked: 'Least asked facts',
  none: 'None yet.',
} as const;

/** What a render needs beyond the figures. */
export interface InboxRenderContext {
  readonly days: number;
  /** The loaded fact's question, when it is loaded. */
  readonly factQuestion: (factId: string) => string | undefined;
  /** Whether questions are being recorded now (`RECORD_MISSES`). */
  readonly recording: boolean;
}

function groupField(group: MissGroup, index: number, context: InboxRenderContext): APIEmbedField {
  const title =
    group.factId === null
      ? INBOX_TEXT.nothingClose
      : (context.factQuestion(group.factId) ?? `${group.factId} ${INBOX_TEXT.noLongerLoaded}`);
  // Members typed these (normalised, but still theirs): escaped, cut, and never a mention.
  const lines = group.questions.map(
    (line) => `${line.count}× “${escapeUserText(line.question, 120)}” · ${lineDetails(line)}`,
  );
  if (group.moreQuestions > 0) lines.push(INBOX_TEXT.moreQuestions(group.moreQuestions));
  const head = group.factId === null ? [] : [`\`${group.factId}\``];
  return {
    name: truncate(INBOX_TEXT.groupName(index, title, group.misses), DISCORD_LIMITS.embedFieldName),
    value: joinWithin([...head, ...lines], '\n', DISCORD_LIMITS.embedFieldValue),
  };
}

/** `/almanac misses`: the server's most frequent recent misses, privately to the curator. */
export function renderMisses(report: MissReport, context: InboxRenderContext): ReplyPayload {
  const off = context.recording ? '' : `${INBOX_TEXT.recordingOff}\n`;
  if (report.misses === 0) {
    return payload({ content: `${off}${INBOX_TEXT.nothingMissed(context.days)}`, ephemeral: true });
  }
  const groups = report.groups.length + report.moreGroups;
  const more = report.moreGroups > 0 ? `\n${INBOX_TEXT.moreGroups(report.moreGroups)}` : '';
  const embed: APIEmbed = {
    title: INBOX_TEXT.missesTitle(context.days),
    description: `${off}${INBOX_TEXT.missesLead(report.misses, groups)}\n${INBOX_TEXT.missesHint}${more}`,
    color: COLOURS.info,
    fields: report.groups
      .slice(0, DISCORD_LIMITS.embedFields)
      .map((group, i) => groupField(group, i + 1, context)),
  };
  return payload({ embeds: [embed], ephemeral: true });
}

const BAR_WIDTH = 16;

/** The days as code-block lines, the most recent that fit; and how many days they show. */
function perDayBlock(days: StatsSummary['days']): { block: string; shown: number } {
  const most = Math.max(1, ...days.map((d) => d.questions));
  const width = String(most).length;
  const lines = days.map((d) => {
    const bar = '█'.repeat(Math.round((d.questions / most) * BAR_WIDTH));
    return `${dayLabel(d.day)} ${String(d.questions).padStart(width)} ${bar}`.trimEnd();
  });
  const fence = '```';
  const room = DISCORD_LIMITS.embedFieldValue - 2 * fence.length - 2;
  const kept: string[] = [];
  let used = 0;
  for (const line of [...lines].reverse()) {
    if (used + line.length + 1 > room) break;
    kept.unshift(line);
    used += line.length + 1;
  }
  return { block: `${fence}\n${kept.join('\n')}\n${fence}`, shown: kept.length };
}

function factList(facts: readonly FactCount[], context: InboxRenderContext): string {
  if (facts.length === 0) return INBOX_TEXT.none;
  const lines = facts.map((f) => {
    const question = context.factQuestion(f.factId) ?? INBOX_TEXT.noLongerLoaded;
    return `${f.count} · ${truncate(question, 120)} (\`${f.factId}\`)`;
  });
  return joinWithin(lines, '\n', DISCORD_LIMITS.embedFieldValue);
}

/** `/almanac stats`: how the server used the packs, privately to the curator. */
export function renderStats(summary: StatsSummary, context: InboxRenderContext): ReplyPayload {
  const lead = [INBOX_TEXT.statsLead(summary.questions)];
  if (summary.rates) {
    lead.push(
      [
        INBOX_TEXT.outcome(INBOX_TEXT.answered, summary.answered, summary.rates.answered),
        INBOX_TEXT.outcome(INBOX_TEXT.didYouMean, summary.didYouMean, summary.rates.didYouMean),
        INBOX_TEXT.outcome(INBOX_TEXT.declined, summary.declined, summary.rates.declined),
      ].join(' · '),
      INBOX_TEXT.notWhatIAsked(summary.notWhatIAsked),
    );
  }
  if (summary.medianConfidence !== null) {
    lead.push(
      INBOX_TEXT.medianConfidence(summary.medianConfidence, summary.medianAnsweredConfidence),
    );
  }
  if (!context.recording) lead.unshift(INBOX_TEXT.recordingOff);
  const perDay = perDayBlock(summary.days);
  const embed: APIEmbed = {
    title: INBOX_TEXT.statsTitle(context.days),
    description: lead.join('\n'),
    color: COLOURS.info,
    fields: [
      {
        name:
          perDay.shown < summary.days.length
            ? INBOX_TEXT.perDayRecent(perDay.shown)
            : INBOX_TEXT.perDay,
        value: perDay.block,
      },
      { name: INBOX_TEXT.mostAsked, value: factList(summary.mostAsked, context) },
      { name: INBOX_TEXT.leastAsked, value: factList(summary.leastAsked, context) },
    ],
  };
  return payload({ embeds: [embed], ephemeral: true });
}
