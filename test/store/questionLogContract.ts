import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/store/questionChecks.js';
import { StoreError, type StoreErrorCode } from '../../src/store/storeError.js';
import {
  QUESTION_LOG_RULES,
  type MissQuery,
  type NewAskedQuestion,
  type Store,
} from '../../src/store/types.js';
import { GUILD, OTHER_GUILD, T0, askedQuestion } from '../support/storeBuilders.js';

function storeErrorCode(action: () => unknown): StoreErrorCode {
  try {
    action();
  } catch (error) {
    if (error instanceof StoreError) return error.code;
    throw error;
  }
  throw new Error('expected a StoreError, and nothing was thrown');
}

const HOUR = 60 * 60 * 1000;

/** A question answered with `factId` at `confidence`, runners-up as given. */
const answered = (factId: string, overrides: Partial<NewAskedQuestion> = {}): NewAskedQuestion =>
  askedQuestion({
    status: 'answered',
    factId,
    question: null,
    confidence: 0.9,
    candidates: [
      { factId: 'visit-dates', confidence: 0.3 },
      { factId: 'moscow-talks', confidence: 0.2 },
    ],
    ...overrides,
  });

/** A "did you mean" between two facts. */
const didYouMean = (question: string, overrides: Partial<NewAskedQuestion> = {}) =>
  askedQuestion({
    status: 'did-you-mean',
    question,
    confidence: 0.6,
    candidates: [
      { factId: 'leaders-met', confidence: 0.6 },
      { factId: 'kosygin-role', confidence: 0.55 },
    ],
    ...overrides,
  });

const report = (store: Store, query: Partial<MissQuery> = {}) =>
  store.missReport({ guildId: GUILD, since: T0, groups: 10, questionsPerGroup: 10, ...query });

/**
 * The question log's behaviour, held against the SQLite store and the in-memory stand-in alike
 * (`sqlite.test.ts`, `memoryStore.test.ts`).
 */
export function describeQuestionLogContract(name: string, openStore: () => Store): void {
  describe(`${name} keeps the question log's contract`, () => {
    let store: Store;

    beforeEach(() => {
      store = openStore();
    });
    afterEach(() => store.close());

    describe('recording', () => {
      it('reads a declined question back as recorded, with its near misses best first', () => {
        const question = askedQuestion({
          candidates: [
            { factId: 'leaders-met', confidence: 0.3 },
            { factId: 'kosygin-role', confidence: 0.1 },
          ],
        });
        const id = store.recordQuestion(question);
        expect(store.getQuestion(id)).toEqual({
          ...question,
          id,
          pickedFactId: null,
          pickedAt: null,
          notWhatIAskedAt: null,
        });
      });

      it('keeps a direct message or the console with no server, and an answer without its text', () => {
        const id = store.recordQuestion(
          answered('leaders-met', { guildId: null, channelId: null, surface: 'console' }),
        );
        expect(store.getQuestion(id)).toMatchObject({
          guildId: null,
          channelId: null,
          question: null,
          factId: 'leaders-met',
        });
        expect(store.getQuestion(id + 1000)).toBeNull();
      });

      it('refuses a miss without its question, an answer without its fact, and odd numbers', () => {
        const broken: Partial<NewAskedQuestion>[] = [
          { question: null },
          { status: 'answered', factId: null },
          { status: 'declined', factId: 'leaders-met' },
          { confidence: 1.5 },
          { confidence: Number.NaN },
          { channelId: null },
          {
            candidates: Array.from({ length: QUESTION_LOG_RULES.maxCandidates + 1 }, (_, i) => ({
              factId: `fact-${i}`,
              confidence: 0.1,
            })),
          },
          { candidates: [{ factId: 'leaders-met', confidence: -0.1 }] },
        ];
        for (const overrides of broken) {
          expect(storeErrorCode(() => store.recordQuestion(askedQuestion(overrides)))).toBe(
            'invalid-input',
          );
        }
        expect(report(store).misses).toBe(0);
      });

      it('keeps a question written as SQL as the question it is', () => {
        const text = "'); drop table asked_questions; --";
        const id = store.recordQuestion(askedQuestion({ question: text }));
        expect(store.getQuestion(id)?.question).toBe(text);
      });
    });

    describe('picks and "Not what I asked"', () => {
      it('records the first fact a member picks from those offered, and only that one', () => {
        const id = store.recordQuestion(didYouMean('who did he meet'));
        const pick = { id, guildId: GUILD, at: T0 + 1000 };
        expect(store.recordPick({ ...pick, factId: 'not-offered' })).toBe(false);
        expect(store.recordPick({ ...pick, factId: 'kosygin-role', guildId: OTHER_GUILD })).toBe(
          false,
        );
        expect(store.recordPick({ ...pick, factId: 'kosygin-role' })).toBe(true);
        expect(store.recordPick({ ...pick, factId: 'leaders-met', at: T0 + 2000 })).toBe(false);
        expect(store.getQuestion(id)).toMatchObject({
          pickedFactId: 'kosygin-role',
          pickedAt: T0 + 1000,
        });
        expect(store.recordPick({ ...pick, id: id + 1000, factId: 'leaders-met' })).toBe(false);
      });

      it('flags an answer "Not what I asked" once, from its own server, and never a miss', () => {
        const answer = store.recordQuestion(answered('leaders-met', { question: 'who met' }));
        const miss = store.recordQuestion(didYouMean('who met him'));
        expect(store.recordNotWhatIAsked({ id: miss, guildId: GUILD, at: T0 })).toBe(false);
        expect(store.recordNotWhatIAsked({ id: answer, guildId: OTHER_GUILD, at: T0 })).toBe(false);
        expect(store.recordNotWhatIAsked({ id: answer, guildId: GUILD, at: T0 + 5 })).toBe(true);
        expect(store.recordNotWhatIAsked({ id: answer, guildId: GUILD, at: T0 + 9 })).toBe(false);
        expect(store.getQuestion(answer)?.notWhatIAskedAt).toBe(T0 + 5);
        // The answer's runners-up can then be picked.
        expect(
          store.recordPick({ id: answer, guildId: GUILD, factId: 'visit-dates', at: T0 + 6 }),
        ).toBe(true);
      });
    });

    describe('the miss report', () => {
      it('groups misses by the fact a member picked, else the closest, else nothing close', () => {
        const picked = store.recordQuestion(didYouMean('who did he meet'));
        store.recordPick({ id: picked, guildId: GUILD, factId: 'kosygin-role', at: T0 + 1 });
        store.recordQuestion(didYouMean('who did he meet', { askedAt: T0 + 2 }));
        store.recordQuestion(didYouMean('who did he talk to', { askedAt: T0 + 3 }));
        store.recordQuestion(
          askedQuestion({
            question: 'capital of france',
            confidence: 0,
            candidates: [{ factId: 'visit-dates', confidence: 0 }],
            askedAt: T0 + 4,
          }),
        );
        store.recordQuestion(answered('leaders-met', { question: 'a plain answer' }));

        expect(report(store)).toEqual({
          misses: 4,
          moreGroups: 0,
          groups: [
            {
              factId: 'leaders-met',
              misses: 2,
              picked: 0,
              moreQuestions: 0,
              lastAskedAt: T0 + 3,
              questions: [
                {
                  question: 'who did he talk to',
                  count: 1,
                  picked: 0,
                  didYouMean: 1,
                  declined: 0,
                  notWhatIAsked: 0,
                  lastAskedAt: T0 + 3,
                },
                {
                  question: 'who did he meet',
                  count: 1,
                  picked: 0,
                  didYouMean: 1,
                  declined: 0,
                  notWhatIAsked: 0,
                  lastAskedAt: T0 + 2,
                },
              ],
            },
            {
              factId: null,
              misses: 1,
              picked: 0,
              moreQuestions: 0,
              lastAskedAt: T0 + 4,
              questions: [
                {
                  question: 'capital of france',
                  count: 1,
                  picked: 0,
                  didYouMean: 0,
                  declined: 1,
                  notWhatIAsked: 0,
                  lastAskedAt: T0 + 4,
                },
              ],
            },
            {
              factId: 'kosygin-role',
              misses: 1,
              picked: 1,
              moreQuestions: 0,
              lastAskedAt: T0,
              questions: [
                {
                  question: 'who did he meet',
                  count: 1,
                  picked: 1,
                  didYouMean: 1,
                  declined: 0,
                  notWhatIAsked: 0,
                  lastAskedAt: T0,
                },
              ],
            },
          ],
        });
      });

      it('counts an answer flagged "Not what I asked" as a miss of the fact it gave, or of the one picked after', () => {
        const flagged = store.recordQuestion(answered('leaders-met', { question: 'who met' }));
        store.recordNotWhatIAsked({ id: flagged, guildId: GUILD, at: T0 + 1 });
        const repicked = store.recordQuestion(
          answered('leaders-met', { question: 'who came', askedAt: T0 + 1 }),
        );
        store.recordNotWhatIAsked({ id: repicked, guildId: GUILD, at: T0 + 1 });
        store.recordPick({ id: repicked, guildId: GUILD, factId: 'visit-dates', at: T0 + 2 });

        const { groups } = report(store);
        expect(groups.map((g) => [g.factId, g.questions.map((q) => q.question)])).toEqual([
          ['visit-dates', ['who came']],
          ['leaders-met', ['who met']],
        ]);
        expect(groups[1]?.questions[0]).toMatchObject({ notWhatIAsked: 1, picked: 0 });
        expect(groups[0]?.questions[0]).toMatchObject({ notWhatIAsked: 0, picked: 1 });
      });

      it('counts the same question asked again as one line, most asked first', () => {
        for (let i = 0; i < 3; i++) store.recordQuestion(didYouMean('who', { askedAt: T0 + i }));
        store.recordQuestion(didYouMean('whom', { askedAt: T0 + 10 }));
        const [group] = report(store).groups;
        expect(group?.questions.map((q) => [q.question, q.count, q.lastAskedAt])).toEqual([
          ['who', 3, T0 + 2],
          ['whom', 1, T0 + 10],
        ]);
      });

      it("reads one server's misses, DMs and the console together, or everyone's", () => {
        store.recordQuestion(didYouMean('here'));
        store.recordQuestion(didYouMean('there', { guildId: OTHER_GUILD }));
        store.recordQuestion(didYouMean('in a dm', { guildId: null, channelId: null }));
        const questions = (guildId: string | null | undefined) =>
          report(store, { guildId })
            .groups.flatMap((g) => g.questions.map((q) => q.question))
            .sort();
        expect(questions(GUILD)).toEqual(['here']);
        expect(questions(OTHER_GUILD)).toEqual(['there']);
        expect(questions(null)).toEqual(['in a dm']);
        expect(questions(undefined)).toEqual(['here', 'in a dm', 'there']);
      });

      it('reads only the questions asked since the time given', () => {
        store.recordQuestion(didYouMean('old', { askedAt: T0 - 1 }));
        store.recordQuestion(didYouMean('new', { askedAt: T0 }));
        expect(report(store).groups[0]?.questions.map((q) => q.question)).toEqual(['new']);
      });

      it('lists as many groups and questions as asked, and says how many more there are', () => {
        for (const fact of ['a-fact', 'b-fact', 'c-fact']) {
          for (const q of ['one', 'two', 'three']) {
            store.recordQuestion(
              askedQuestion({
                question: `${fact} ${q}`,
                candidates: [{ factId: fact, confidence: 0.2 }],
              }),
            );
          }
        }
        const page = report(store, { groups: 2, questionsPerGroup: 1 });
        expect(page.misses).toBe(9);
        expect(page.moreGroups).toBe(1);
        expect(page.groups.map((g) => [g.factId, g.questions.length, g.moreQuestions])).toEqual([
          ['a-fact', 1, 2],
          ['b-fact', 1, 2],
        ]);
      });

      it('refuses a page of no groups, or of more than it may list', () => {
        for (const query of [
          { groups: 0 },
          { groups: QUESTION_LOG_RULES.maxReportGroups + 1 },
          { questionsPerGroup: 0 },
          { questionsPerGroup: 1.5 },
        ]) {
          expect(storeErrorCode(() => report(store, query))).toBe('invalid-input');
        }
      });
    });

    describe('statistics', () => {
      it('counts questions by outcome and by UTC day, with the median confidence', () => {
        store.recordQuestion(answered('leaders-met', { confidence: 0.9, askedAt: T0 + HOUR }));
        store.recordQuestion(answered('leaders-met', { confidence: 0.7, askedAt: T0 + 2 * HOUR }));
        store.recordQuestion(didYouMean('who', { confidence: 0.5, askedAt: T0 + DAY_MS }));
        store.recordQuestion(askedQuestion({ confidence: 0.1, askedAt: T0 + 2 * DAY_MS + 1 }));

        expect(store.questionStats({ guildId: GUILD, since: T0 })).toEqual({
          questions: 4,
          answered: 2,
          didYouMean: 1,
          declined: 1,
          notWhatIAsked: 0,
          days: [
            { day: T0, questions: 2, answered: 2, didYouMean: 0, declined: 0 },
            { day: T0 + DAY_MS, questions: 1, answered: 0, didYouMean: 1, declined: 0 },
            { day: T0 + 2 * DAY_MS, questions: 1, answered: 0, didYouMean: 0, declined: 1 },
          ],
          facts: [{ factId: 'leaders-met', count: 2 }],
          medianConfidence: (0.5 + 0.7) / 2,
          medianAnsweredConfidence: (0.7 + 0.9) / 2,
        });
      });

      it('counts a picked fact as asked, and not an answer flagged "Not what I asked"', () => {
        const miss = store.recordQuestion(didYouMean('who'));
        store.recordPick({ id: miss, guildId: GUILD, factId: 'kosygin-role', at: T0 });
        const flagged = store.recordQuestion(answered('leaders-met'));
        store.recordNotWhatIAsked({ id: flagged, guildId: GUILD, at: T0 });
        store.recordQuestion(answered('visit-dates'));
        store.recordQuestion(answered('visit-dates', { confidence: 0.95 }));
        const stats = store.questionStats({ guildId: GUILD, since: T0 });
        expect(stats.facts).toEqual([
          { factId: 'visit-dates', count: 2 },
          { factId: 'kosygin-role', count: 1 },
        ]);
        expect(stats.notWhatIAsked).toBe(1);
        expect(stats.medianConfidence).toBe(0.9);
      });

      it('reads nothing, and no median, where nothing was asked', () => {
        store.recordQuestion(answered('leaders-met', { guildId: OTHER_GUILD }));
        expect(store.questionStats({ guildId: GUILD, since: T0 })).toEqual({
          questions: 0,
          answered: 0,
          didYouMean: 0,
          declined: 0,
          notWhatIAsked: 0,
          days: [],
          facts: [],
          medianConfidence: null,
          medianAnsweredConfidence: null,
        });
        expect(store.questionStats({ since: T0 }).questions).toBe(1);
      });
    });

    describe('pruning', () => {
      it('forgets questions older than the window, and answered texts older than a day unless flagged', () => {
        const old = store.recordQuestion(didYouMean('old', { askedAt: T0 - 91 * DAY_MS }));
        const miss = store.recordQuestion(didYouMean('kept', { askedAt: T0 - 2 * DAY_MS }));
        const answer = store.recordQuestion(
          answered('leaders-met', { question: 'who met', askedAt: T0 - 2 * DAY_MS }),
        );
        const flagged = store.recordQuestion(
          answered('leaders-met', { question: 'who came', askedAt: T0 - 2 * DAY_MS }),
        );
        store.recordNotWhatIAsked({ id: flagged, guildId: GUILD, at: T0 - DAY_MS });
        const fresh = store.recordQuestion(
          answered('leaders-met', { question: 'who went', askedAt: T0 - HOUR }),
        );

        expect(
          store.pruneQuestions({ before: T0 - 90 * DAY_MS, answeredTextBefore: T0 - DAY_MS }),
        ).toEqual({ deleted: 1, textsCleared: 1 });
        expect(store.getQuestion(old)).toBeNull();
        expect(store.getQuestion(miss)?.question).toBe('kept');
        expect(store.getQuestion(answer)).toMatchObject({ question: null, factId: 'leaders-met' });
        expect(store.getQuestion(flagged)?.question).toBe('who came');
        expect(store.getQuestion(fresh)?.question).toBe('who went');
        expect(
          store.pruneQuestions({ before: T0 - 90 * DAY_MS, answeredTextBefore: T0 - DAY_MS }),
        ).toEqual({ deleted: 0, textsCleared: 0 });
      });
    });
  });
}
