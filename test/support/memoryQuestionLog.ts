import { checkMissQuery, checkNewQuestion, utcDay } from '../../src/store/questionChecks.js';
import type {
  AskedQuestionRecord,
  DayCount,
  FactCount,
  MissGroup,
  MissLine,
  QuestionLog,
  QuestionScope,
} from '../../src/store/questionLog.js';

type MutableRecord = { -readonly [K in keyof AskedQuestionRecord]: AskedQuestionRecord[K] };

/** SQLite's BINARY collation on the ASCII text the tests use. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The middle value, or the mean of the middle two, as the SQLite store computes it. */
function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor((sorted.length - 1) / 2);
  const middle = sorted.length % 2 === 1 ? [sorted[mid]!] : [sorted[mid]!, sorted[mid + 1]!];
  return middle.reduce((sum, v) => sum + v, 0) / middle.length;
}

/**
 * The question log in memory, for `createMemoryStore`: the same rules, orderings and tie-breaks
 * as the SQLite store (`test/store/questionLogContract.ts` runs against both).
 */
export function createMemoryQuestionLog(ensureOpen: () => void): QuestionLog {
  const rows = new Map<number, MutableRecord>();
  let nextId = 1;

  const inScope = (scope: QuestionScope): MutableRecord[] =>
    [...rows.values()].filter(
      (r) =>
        r.askedAt >= scope.since && (scope.guildId === undefined || r.guildId === scope.guildId),
    );

  const groupOf = (r: MutableRecord): string | null => {
    if (r.pickedFactId !== null) return r.pickedFactId;
    if (r.status === 'answered') return r.factId;
    return r.candidates.find((c) => c.confidence > 0)?.factId ?? null;
  };

  return {
    recordQuestion(question) {
      ensureOpen();
      checkNewQuestion(question);
      const id = nextId++;
      rows.set(id, {
        ...question,
        candidates: question.candidates.map((c) => ({ ...c })),
        id,
        pickedFactId: null,
        pickedAt: null,
        notWhatIAskedAt: null,
      });
      return id;
    },

    getQuestion(id) {
      ensureOpen();
      const row = rows.get(id);
      return row ? { ...row, candidates: row.candidates.map((c) => ({ ...c })) } : null;
    },

    recordPick({ id, factId, guildId, at }) {
      ensureOpen();
      const row = rows.get(id);
      if (!row || row.guildId !== guildId || row.pickedFactId !== null) return false;
      if (!row.candidates.some((c) => c.factId === factId)) return false;
      row.pickedFactId = factId;
      row.pickedAt = at;
      return true;
    },

    recordNotWhatIAsked({ id, guildId, at }) {
      ensureOpen();
      const row = rows.get(id);
      if (!row || row.guildId !== guildId || row.status !== 'answered') return false;
      if (row.notWhatIAskedAt !== null) return false;
      row.notWhatIAskedAt = at;
      return true;
    },

    pruneQuestions({ before, answeredTextBefore }) {
      ensureOpen();
      let deleted = 0;
      let textsCleared = 0;
      for (const [id, row] of rows) {
        if (row.askedAt < before) {
          rows.delete(id);
          deleted += 1;
        } else if (
          row.status === 'answered' &&
          row.question !== null &&
          row.notWhatIAskedAt === null &&
          row.askedAt < answeredTextBefore
        ) {
          row.question = null;
          textsCleared += 1;
        }
      }
      return { deleted, textsCleared };
    },

    missReport(query) {
      ensureOpen();
      checkMissQuery(query);
      const misses = inScope(query).filter(
        (r) => r.question !== null && (r.status !== 'answered' || r.notWhatIAskedAt !== null),
      );
      const lines = new Map<string, { group: string | null; line: MissLine }>();
      for (const r of misses) {
        const group = groupOf(r);
        const question = r.question ?? '';
        const key = JSON.stringify([group, question]);
        const line = lines.get(key)?.line ?? {
          question,
          count: 0,
          picked: 0,
          didYouMean: 0,
          declined: 0,
          notWhatIAsked: 0,
          lastAskedAt: r.askedAt,
        };
        lines.set(key, {
          group,
          line: {
            ...line,
            count: line.count + 1,
            picked: line.picked + (r.pickedFactId !== null ? 1 : 0),
            didYouMean: line.didYouMean + (r.status === 'did-you-mean' ? 1 : 0),
            declined: line.declined + (r.status === 'declined' ? 1 : 0),
            notWhatIAsked:
              line.notWhatIAsked + (r.status === 'answered' && r.pickedFactId === null ? 1 : 0),
            lastAskedAt: Math.max(line.lastAskedAt, r.askedAt),
          },
        });
      }
      const groups = new Map<string | null, MissLine[]>();
      for (const { group, line } of lines.values()) {
        groups.set(group, [...(groups.get(group) ?? []), line]);
      }
      const all: MissGroup[] = [...groups]
        .map(([factId, groupLines]) => {
          const sorted = groupLines.sort(
            (a, b) =>
              b.count - a.count || b.lastAskedAt - a.lastAskedAt || byText(a.question, b.question),
          );
          const shown = sorted.slice(0, query.questionsPerGroup);
          return {
            factId,
            misses: sorted.reduce((n, l) => n + l.count, 0),
            picked: sorted.reduce((n, l) => n + l.picked, 0),
            questions: shown,
            moreQuestions: sorted.length - shown.length,
            lastAskedAt: Math.max(...sorted.map((l) => l.lastAskedAt)),
          };
        })
        .sort(
          (a, b) =>
            b.misses - a.misses ||
            b.lastAskedAt - a.lastAskedAt ||
            (a.factId === null ? 1 : 0) - (b.factId === null ? 1 : 0) ||
            byText(a.factId ?? '', b.factId ?? ''),
        );
      const shown = all.slice(0, query.groups);
      return { misses: misses.length, groups: shown, moreGroups: all.length - shown.length };
    },

    questionStats(query) {
      ensureOpen();
      const scoped = inScope(query);
      const days = new Map<number, DayCount>();
      const facts = new Map<string, number>();
      for (const r of scoped) {
        const day = utcDay(r.askedAt);
        const d = days.get(day) ?? { day, questions: 0, answered: 0, didYouMean: 0, declined: 0 };
        days.set(day, {
          day,
          questions: d.questions + 1,
          answered: d.answered + (r.status === 'answered' ? 1 : 0),
          didYouMean: d.didYouMean + (r.status === 'did-you-mean' ? 1 : 0),
          declined: d.declined + (r.status === 'declined' ? 1 : 0),
        });
        const given =
          r.pickedFactId ??
          (r.status === 'answered' && r.notWhatIAskedAt === null ? r.factId : null);
        if (given !== null) facts.set(given, (facts.get(given) ?? 0) + 1);
      }
      const count = (status: AskedQuestionRecord['status']) =>
        scoped.filter((r) => r.status === status).length;
      return {
        questions: scoped.length,
        answered: count('answered'),
        didYouMean: count('did-you-mean'),
        declined: count('declined'),
        notWhatIAsked: scoped.filter((r) => r.notWhatIAskedAt !== null).length,
        days: [...days.values()].sort((a, b) => a.day - b.day),
        facts: [...facts]
          .map(([factId, n]): FactCount => ({ factId, count: n }))
          .sort((a, b) => b.count - a.count || byText(a.factId, b.factId)),
        medianConfidence: median(scoped.map((r) => r.confidence)),
        medianAnsweredConfidence: median(
          scoped.filter((r) => r.status === 'answered').map((r) => r.confidence),
        ),
      };
    },
  };
}
