import { escapeForTerminal, formatProblem } from '../knowledge/problem.js';
import type { MissGroup, MissReport } from '../store/types.js';
import type { ApplyOutcome } from './applyAlternates.js';
import { dayLabel, lineDetails, type StatsSummary } from './report.js';

/**
 * The terminal's reports (`npm run misses`, `npm run stats`) as plain text: pure, so tests read
 * them whole. Member questions and pack strings are escaped for the terminal.
 */

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const pct = (share: number) => `${Math.round(share * 100)}%`;
const show = escapeForTerminal;

/** What the YAML part of a group says: lines to paste, or why there are none. */
export type GroupYaml =
  | {
      readonly kind: 'snippet';
      readonly file: string;
      /** The line the snippet goes after. */
      readonly line: number;
      readonly lines: readonly string[];
      readonly added: number;
      readonly present: readonly string[];
      readonly refused: readonly string[];
    }
  | { readonly kind: 'none'; readonly reason: string };

/** What a report needs to know beyond the store's figures. */
export interface MissesTextContext {
  readonly days: number;
  /** `every server`, `server 1234…`. */
  readonly where: string;
  /** The loaded fact's question, when it is loaded. */
  readonly factQuestion: (factId: string) => string | undefined;
  /** The YAML to show for a group with a fact. */
  readonly yaml: (group: MissGroup) => GroupYaml;
}

function groupText(group: MissGroup, index: number, context: MissesTextContext): string[] {
  const question = group.factId === null ? undefined : context.factQuestion(group.factId);
  const heading =
    group.factId === null
      ? `${index}. Nothing close`
      : `${index}. ${group.factId}: ${question === undefined ? '(no longer in the packs)' : show(question)}`;
  const picked = group.picked > 0 ? `, ${group.picked} picked this fact` : '';
  const lines = [heading, `   ${plural(group.misses, 'miss', 'misses')}${picked}`];
  for (const line of group.questions) {
    lines.push(`     ${line.count}× ${show(line.question)}  (${lineDetails(line)})`);
  }
  if (group.moreQuestions > 0) {
    lines.push(`     … and ${plural(group.moreQuestions, 'other question')}`);
  }
  if (group.factId === null) {
    lines.push('   No fact came close: a new fact (or a new pack) may be what is missing.');
    return lines;
  }
  const yaml = context.yaml(group);
  if (yaml.kind === 'none') {
    lines.push(`   ${yaml.reason}`);
    return lines;
  }
  if (yaml.lines.length > 0) {
    const confirmed =
      yaml.added > 0
        ? plural(yaml.added, 'question')
        : 'nothing confirmed yet (nobody picked this fact)';
    lines.push(
      `   YAML for ${show(yaml.file)}, after line ${yaml.line} (alternates of ${group.factId}; to add: ${confirmed}):`,
    );
    lines.push(...yaml.lines.map(show));
  }
  if (yaml.present.length > 0) {
    lines.push(`   Already in the fact: ${yaml.present.map(show).join(' | ')}`);
  }
  if (yaml.refused.length > 0) {
    lines.push(`   Too long for an alternate: ${yaml.refused.map(show).join(' | ')}`);
  }
  return lines;
}

/** `npm run misses`: the groups, most missed first, each with its YAML. */
export function missesText(report: MissReport, context: MissesTextContext): string {
  const head = `Misses in the last ${plural(context.days, 'day')}, ${context.where}: ${plural(report.misses, 'question')} in ${plural(report.groups.length + report.moreGroups, 'group')}.`;
  if (report.misses === 0)
    return `${head}\nNothing was missed: no question was declined, asked "did you mean" or flagged "not what I asked".\n`;
  const blocks = report.groups.map((group, i) => groupText(group, i + 1, context).join('\n'));
  const more =
    report.moreGroups > 0
      ? [`… and ${plural(report.moreGroups, 'more group')} (--limit lists more).`]
      : [];
  return `${[head, ...blocks, ...more].join('\n\n')}\n`;
}

/** What `--apply` did, and what the validator said. */
export function applyText(outcome: ApplyOutcome): string {
  if (!outcome.ok && outcome.stage === 'before') {
    return [
      `Nothing was changed: the packs do not validate as they are (${plural(outcome.errors.length, 'error')}). Fix them first (npm run validate):`,
      ...outcome.errors.map((p) => `  ${formatProblem(p)}`),
      '',
    ].join('\n');
  }
  if (!outcome.ok) {
    return [
      `The validator refused the new alternates (${plural(outcome.errors.length, 'error')}), so ${outcome.restored.map(show).join(', ')} ${outcome.restored.length === 1 ? 'was' : 'were'} restored as ${outcome.restored.length === 1 ? 'it was' : 'they were'}:`,
      ...outcome.errors.map((p) => `  ${formatProblem(p)}`),
      'Add the ones you want by hand from the YAML above, and run npm run validate.',
      '',
    ].join('\n');
  }
  const lines =
    outcome.changes.length === 0
      ? ['Nothing to add: no question was confirmed by a member picking its fact.']
      : outcome.changes.map(
          (c) =>
            `Added ${plural(c.added.length, 'alternate')} to ${c.factId} in ${show(c.file)}: ${c.added.map(show).join(' | ')}`,
        );
  for (const skip of outcome.skipped) lines.push(`Left ${skip.factId} alone: ${show(skip.reason)}`);
  const warnings =
    outcome.warnings.length === 0
      ? 'no warnings'
      : `${plural(outcome.warnings.length, 'warning')}: npm run validate lists them`;
  lines.push(`The validator passes (${warnings}).`);
  return `${lines.join('\n')}\n`;
}

const BAR_WIDTH = 40;

/** What a stats report needs to know beyond the figures. */
export interface StatsTextContext {
  readonly days: number;
  readonly where: string;
  readonly factQuestion: (factId: string) => string | undefined;
}

function factLines(facts: StatsSummary['mostAsked'], context: StatsTextContext): string[] {
  if (facts.length === 0) return ['  (none)'];
  const width = String(Math.max(...facts.map((f) => f.count))).length;
  return facts.map((f) => {
    const question = context.factQuestion(f.factId);
    const title = question === undefined ? '(no longer in the packs)' : show(question);
    return `  ${String(f.count).padStart(width)}  ${f.factId}  ${title}`;
  });
}

/** `npm run stats`: volume per day, outcomes, the median confidence, most and least asked. */
export function statsText(summary: StatsSummary, context: StatsTextContext): string {
  const lines = [
    `Questions in the last ${plural(context.days, 'day')}, ${context.where}: ${summary.questions}`,
  ];
  if (summary.rates) {
    const width = String(summary.questions).length;
    const row = (label: string, n: number, share: number) =>
      `  ${label.padEnd(13)}${String(n).padStart(width)}  (${pct(share)})`;
    lines.push(
      row('answered', summary.answered, summary.rates.answered),
      row('did you mean', summary.didYouMean, summary.rates.didYouMean),
      row('declined', summary.declined, summary.rates.declined),
      `  "Not what I asked" on ${plural(summary.notWhatIAsked, 'answer')}`,
    );
  }
  if (summary.medianConfidence !== null) {
    const answered =
      summary.medianAnsweredConfidence === null
        ? ''
        : ` (answered questions: ${pct(summary.medianAnsweredConfidence)})`;
    lines.push(`Median confidence: ${pct(summary.medianConfidence)}${answered}`);
  }
  const most = Math.max(1, ...summary.days.map((d) => d.questions));
  const countWidth = String(most).length;
  lines.push(
    '',
    'Questions per day (UTC):',
    ...summary.days.map((d) => {
      const bar = '█'.repeat(Math.round((d.questions / most) * BAR_WIDTH));
      return `  ${dayLabel(d.day)}  ${String(d.questions).padStart(countWidth)}  ${bar}`.trimEnd();
    }),
    '',
    'Most asked facts:',
    ...factLines(summary.mostAsked, context),
    '',
    'Least asked facts:',
    ...factLines(summary.leastAsked, context),
  );
  return `${lines.join('\n')}\n`;
}
