import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig, type Config, describeConfigProblems } from '../config.js';
import { applyAlternates, findFact, readPackTexts } from '../inbox/applyAlternates.js';
import { snippetLines } from '../inbox/packYaml.js';
import { planAlternates, REPORT_RULES, reportSince, summariseStats } from '../inbox/report.js';
import { applyText, missesText, statsText, type GroupYaml } from '../inbox/text.js';
import { loadServingPacks } from '../knowledge/load.js';
import { formatProblem } from '../knowledge/problem.js';
import type { Pack } from '../knowledge/schema.js';
import { openReportStore, type ReportStore } from '../store/sqlite.js';
import { QUESTION_LOG_RULES, type MissGroup } from '../store/types.js';

/** What a command reads and writes, passed in so tests run it in-process. */
export interface CommandIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The present, in milliseconds since the epoch. */
  readonly now: number;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const MISSES_USAGE = `Usage: npm run misses -- [--days N] [--limit N] [--guild ID|none] [--apply]
  The questions members asked that the packs missed (declined, "did you mean", or answered and
  flagged "not what I asked"), grouped by the fact they came closest to, most frequent first,
  each group with the YAML that adds its questions as alternates of that fact.
  --days N      the last N days, today included (default ${REPORT_RULES.defaultDays})
  --limit N     list N groups (default ${REPORT_RULES.defaultGroups}, at most 100)
  --guild ID    one server only; "none" for direct messages and the console (default: all)
  --apply       add the questions members confirmed (by picking the fact) to its alternates in
                the pack files, then run the validator; undone if it finds an error
Reads DATABASE_PATH read-only and the packs in KNOWLEDGE_DIR (.env is read as by npm start).
Exit status: 0 done, 1 the database, the packs or --apply failed, 2 a usage error.`;

export const STATS_USAGE = `Usage: npm run stats -- [--days N] [--limit N] [--guild ID|none]
  Questions per day, answered / "did you mean" / declined rates, the median confidence, and the
  most and least asked facts.
  --days N      the last N days, today included (default ${REPORT_RULES.defaultDays})
  --limit N     list N most and N least asked facts (default ${REPORT_RULES.defaultFacts})
  --guild ID    one server only; "none" for direct messages and the console (default: all)
Reads DATABASE_PATH read-only and the packs in KNOWLEDGE_DIR (.env is read as by npm start).
Exit status: 0 done, 1 the database could not be read, 2 a usage error.`;

/** A usage problem: the message, then the usage, exit 2. */
class UsageError extends Error {
  override readonly name = 'UsageError';
}

function wholeNumber(flag: string, value: string | undefined, fallback: number, max: number) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1 || n > max) {
    throw new UsageError(`${flag} takes a whole number from 1 to ${max}, not "${value}".`);
  }
  return n;
}

/** `undefined`: every scope; `null`: DMs and the console; else one server's id. */
function guildOption(value: string | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === 'none') return null;
  if (!/^\d{17,20}$/.test(value)) {
    throw new UsageError(`--guild takes a server id (17 to 20 digits) or "none", not "${value}".`);
  }
  return value;
}

function whereLabel(guildId: string | null | undefined): string {
  if (guildId === undefined) return 'every server, direct messages and the console';
  return guildId === null ? 'direct messages and the console' : `server ${guildId}`;
}

interface ReportOptions {
  readonly days: number;
  readonly limit: number;
  readonly guildId: string | null | undefined;
  readonly apply: boolean;
}

function parseOptions(argv: readonly string[], kind: 'misses' | 'stats'): ReportOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: {
        days: { type: 'string' },
        limit: { type: 'string' },
        guild: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        ...(kind === 'misses' ? { apply: { type: 'boolean', default: false } } : {}),
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) return 'help';
  const limitDefault = kind === 'misses' ? REPORT_RULES.defaultGroups : REPORT_RULES.defaultFacts;
  return {
    days: wholeNumber('--days', values.days, REPORT_RULES.defaultDays, REPORT_RULES.maxDays),
    limit: wholeNumber('--limit', values.limit, limitDefault, QUESTION_LOG_RULES.maxReportGroups),
    guildId: guildOption(values.guild),
    apply: values.apply === true,
  };
}

/** The configuration, the read-only store and the packs, or the exit code of what failed. */
async function open(
  io: CommandIo,
): Promise<
  | { ok: true; config: Config; store: ReportStore; packs: readonly Pack[]; packsOk: boolean }
  | { ok: false; code: number }
> {
  const parsed = parseConfig(io.env);
  if (!parsed.ok) {
    io.err(`${describeConfigProblems(parsed.errors)}\n`);
    return { ok: false, code: 1 };
  }
  const { config } = parsed;
  const opened = openReportStore({ path: resolve(io.cwd, config.databasePath) });
  if (!opened.ok) {
    io.err(`${opened.error.message}\n`);
    return { ok: false, code: 1 };
  }
  const loaded = await loadServingPacks(resolve(io.cwd, config.knowledgeDir), io.cwd);
  if (!loaded.ok) {
    io.err(
      `The packs in ${config.knowledgeDir} do not validate, so facts are shown by id only:\n${loaded.errors.map((p) => `  ${formatProblem(p)}`).join('\n')}\n`,
    );
  }
  return {
    ok: true,
    config,
    store: opened.store,
    packs: loaded.ok ? loaded.packs : [],
    packsOk: loaded.ok,
  };
}

function factQuestions(packs: readonly Pack[]): (factId: string) => string | undefined {
  const questions = new Map(packs.flatMap((p) => p.facts.map((f) => [f.id, f.question] as const)));
  return (factId) => questions.get(factId);
}

/** Runs a command body, turning usage problems into exit 2 with the usage. */
async function withUsage(
  io: CommandIo,
  usage: string,
  body: () => Promise<number>,
): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${error.message}\n\n${usage}\n`);
    return 2;
  }
}

/**
 * `npm run misses`: the curator's inbox in the terminal, with a YAML snippet per group, and
 * `--apply` to write the confirmed questions into the pack files.
 */
export function runMisses(argv: readonly string[], io: CommandIo): Promise<number> {
  return withUsage(io, MISSES_USAGE, async () => {
    const options = parseOptions(argv, 'misses');
    if (options === 'help') {
      io.out(`${MISSES_USAGE}\n`);
      return 0;
    }
    const opened = await open(io);
    if (!opened.ok) return opened.code;
    const { config, store, packs, packsOk } = opened;
    try {
      const report = store.missReport({
        guildId: options.guildId,
        since: reportSince(io.now, options.days),
        groups: options.limit,
        questionsPerGroup: REPORT_RULES.terminalQuestions,
      });
      const dir = resolve(io.cwd, config.knowledgeDir);
      const texts = await readPackTexts(dir, io.cwd);
      const plans = new Map<string, readonly string[]>();
      const yaml = (group: MissGroup): GroupYaml => {
        if (group.factId === null) return { kind: 'none', reason: '' };
        const found = findFact(texts, group.factId);
        if (found === undefined) {
          return { kind: 'none', reason: `No pack file in ${config.knowledgeDir} has this fact.` };
        }
        if (!found.ok) return { kind: 'none', reason: found.reason };
        const plan = planAlternates(group.questions, found.place.phrasings);
        plans.set(group.factId, plan.add);
        return {
          kind: 'snippet',
          file: found.pack.file,
          line: found.place.line,
          lines: snippetLines(found.place, plan.add, plan.unconfirmed),
          added: plan.add.length,
          present: plan.present,
          refused: plan.refused,
        };
      };
      io.out(
        missesText(report, {
          days: options.days,
          where: whereLabel(options.guildId),
          factQuestion: factQuestions(packs),
          yaml,
        }),
      );
      if (!options.apply) return 0;
      if (!packsOk) {
        io.err('Nothing was applied: fix the packs first (npm run validate).\n');
        return 1;
      }
      const outcome = await applyAlternates(
        dir,
        [...plans].map(([factId, add]) => ({ factId, add })),
        io.cwd,
      );
      io.out(`\n${applyText(outcome)}`);
      return outcome.ok ? 0 : 1;
    } finally {
      store.close();
    }
  });
}

/** `npm run stats`: how the packs were used. */
export function runStats(argv: readonly string[], io: CommandIo): Promise<number> {
  return withUsage(io, STATS_USAGE, async () => {
    const options = parseOptions(argv, 'stats');
    if (options === 'help') {
      io.out(`${STATS_USAGE}\n`);
      return 0;
    }
    const opened = await open(io);
    if (!opened.ok) return opened.code;
    const { store, packs } = opened;
    try {
      const since = reportSince(io.now, options.days);
      const stats = store.questionStats({ guildId: options.guildId, since });
      const summary = summariseStats(stats, {
        since,
        now: io.now,
        factIds: packs.flatMap((p) => p.facts.map((f) => f.id)),
        top: options.limit,
      });
      io.out(
        statsText(summary, {
          days: options.days,
          where: whereLabel(options.guildId),
          factQuestion: factQuestions(packs),
        }),
      );
      return 0;
    } finally {
      store.close();
    }
  });
}
