import { beforeAll, describe, expect, it } from 'vitest';
import type { QuestionLogConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine/engine.js';
import { english } from '../../src/knowledge/languages.js';
import type { AskResult, Engine } from '../../src/engine/types.js';
import {
  CONSOLE_WHERE,
  PRUNE_EVERY_MS,
  createQuestionRecorder,
  questionRecordOf,
  type AskedWhere,
} from '../../src/inbox/recorder.js';
import type { Store } from '../../src/store/types.js';
import { manualClock } from '../support/manualClock.js';
import { createMemoryStore } from '../support/memoryStore.js';
import { loadPacks } from '../../src/knowledge/load.js';

const GUILD = '200000000000000001';
const CHANNEL = '300000000000000001';
const USER = '400000000000000001';
const T0 = Date.UTC(2026, 0, 1, 12);

const inChannel: AskedWhere = {
  surface: 'message',
  guildId: GUILD,
  channelId: CHANNEL,
  userId: USER,
};
const inDm: AskedWhere = { surface: 'message', guildId: null, channelId: '399', userId: USER };
const KEEP_NOBODY = { askers: false } as const;

/** The planets fixture's engine: answers, "did you mean" and declines on small known facts. */
async function planetsEngine(): Promise<Engine> {
  const loaded = await loadPacks('test/fixtures/discord');
  if (!loaded.ok) throw new Error('the planets fixture does not validate');
  return createEngine(loaded.packs, { language: english });
}

/** Log lines the recorder wrote, by level. */
function captureLogger() {
  const lines: { level: string; msg: string }[] = [];
  const at = (level: string) => (_details: object, msg?: string) => {
    lines.push({ level, msg: msg ?? '' });
  };
  return { lines, logger: { warn: at('warn'), info: at('info'), debug: at('debug') } };
}

describe('what the question log keeps of a question', () => {
  let engine: Engine;
  const ask = (question: string): AskResult => engine.ask(question);

  beforeAll(async () => {
    engine = await planetsEngine();
  });

  it('keeps a declined question as normalised, with its near misses and no asker', () => {
    const result = ask('What is the BOILING point of <@123> tungsten??');
    expect(result.status).toBe('no-match');
    const record = questionRecordOf(result, inChannel, KEEP_NOBODY, T0);
    expect(record).toMatchObject({
      askedAt: T0,
      guildId: GUILD,
      channelId: CHANNEL,
      userId: null,
      surface: 'message',
      scope: null,
      status: 'declined',
      question: 'what is the boiling point of tungsten',
      factId: null,
    });
    expect(record?.candidates.length).toBeLessThanOrEqual(3);
  });

  it('keeps a "did you mean" with its candidates, best first', () => {
    const result = ask('how many moons does it have?');
    if (result.status !== 'ambiguous') throw new Error('the fixture question should be ambiguous');
    expect(questionRecordOf(result, inChannel, KEEP_NOBODY, T0)).toMatchObject({
      status: 'did-you-mean',
      candidates: result.candidates.slice(0, 3).map((c) => ({
        factId: c.factId,
        confidence: c.confidence,
      })),
    });
  });

  it('keeps an answer with its fact and its runners-up', () => {
    const result = ask('How far is Mars from the Sun?');
    if (result.status !== 'answered') throw new Error('the fixture question should be answered');
    const record = questionRecordOf(
      result,
      { ...inChannel, scope: { tags: ['mars'] } },
      KEEP_NOBODY,
      T0,
    );
    expect(record).toMatchObject({ status: 'answered', factId: result.fact.id, scope: '#mars' });
  });

  it('keeps the asker, and the channel of a direct message, only when told to keep askers', () => {
    const result = ask('what is the boiling point of tungsten');
    expect(questionRecordOf(result, inDm, KEEP_NOBODY, T0)).toMatchObject({
      guildId: null,
      channelId: null,
      userId: null,
    });
    expect(questionRecordOf(result, inDm, { askers: true }, T0)).toMatchObject({
      channelId: '399',
      userId: USER,
    });
  });

  it('keeps nothing of a mention with no question in it', () => {
    expect(questionRecordOf(ask(''), inChannel, KEEP_NOBODY, T0)).toBeUndefined();
    expect(questionRecordOf(ask('?!'), inChannel, KEEP_NOBODY, T0)).toBeUndefined();
  });
});

describe('the question recorder', () => {
  let engine: Engine;
  const settings: QuestionLogConfig = { record: true, askers: false, retentionDays: 90 };

  beforeAll(async () => {
    engine = await planetsEngine();
  });

  it('records a miss and the fact a member then picks', () => {
    const store = createMemoryStore();
    const clock = manualClock(T0);
    const { logger } = captureLogger();
    const recorder = createQuestionRecorder({ store, clock, logger, settings });
    const result = engine.ask('how many moons does it have?');
    if (result.status !== 'ambiguous') throw new Error('the fixture question should be ambiguous');
    const id = recorder.asked(result, inChannel);
    if (id === undefined) throw new Error('nothing was recorded');
    clock.advance(5000);
    recorder.picked(id, result.candidates[1]?.factId ?? '', GUILD);
    expect(store.getQuestion(id)).toMatchObject({
      pickedFactId: result.candidates[1]?.factId,
      pickedAt: T0 + 5000,
    });
  });

  it('records nothing at all when recording is off', () => {
    const store = createMemoryStore();
    const { logger } = captureLogger();
    const recorder = createQuestionRecorder({
      store,
      clock: manualClock(T0),
      logger,
      settings: { ...settings, record: false },
    });
    expect(recorder.recording).toBe(false);
    expect(recorder.asked(engine.ask('what is the boiling point of tungsten'), inChannel)).toBe(
      undefined,
    );
    expect(store.questionStats({ since: 0 }).questions).toBe(0);
  });

  it('logs a store that fails and goes on, so the answer still goes out', () => {
    const failing: Store = {
      ...createMemoryStore(),
      recordQuestion: () => {
        throw new Error('disk I/O error');
      },
      recordNotWhatIAsked: () => {
        throw new Error('disk I/O error');
      },
    };
    const { lines, logger } = captureLogger();
    const recorder = createQuestionRecorder({
      store: failing,
      clock: manualClock(T0),
      logger,
      settings,
    });
    expect(recorder.asked(engine.ask('what is the boiling point of tungsten'), inChannel)).toBe(
      undefined,
    );
    expect(recorder.notWhatIAsked(7, GUILD)).toBe(false);
    expect(lines.map((l) => `${l.level}: ${l.msg}`)).toEqual([
      'warn: could not record a question; answering anyway',
      'warn: could not record "Not what I asked"; answering anyway',
    ]);
  });

  it('prunes at start and then once a day on the clock, until stopped', () => {
    const store = createMemoryStore();
    const clock = manualClock(T0);
    const { logger } = captureLogger();
    const recorder = createQuestionRecorder({
      store,
      clock,
      logger,
      settings: { ...settings, retentionDays: 2 },
    });
    const declined = engine.ask('what is the boiling point of tungsten');
    const old = recorder.asked(declined, inChannel);
    clock.advance(1.5 * PRUNE_EVERY_MS);
    const newer = recorder.asked(declined, inChannel);
    if (old === undefined || newer === undefined) throw new Error('nothing was recorded');

    // Both are within the two days kept when pruning starts; a day later the first is not.
    const pruning = recorder.startDailyPrune();
    expect(store.getQuestion(old)).not.toBeNull();
    clock.advance(PRUNE_EVERY_MS);
    expect(store.getQuestion(old)).toBeNull();
    expect(store.getQuestion(newer)).not.toBeNull();
    pruning.stop();
    clock.advance(10 * PRUNE_EVERY_MS);
    expect(store.getQuestion(newer)).not.toBeNull();
    expect(clock.pending).toBe(0);
  });
});

describe("the console's questions", () => {
  it('are kept with no server, no channel and no asker', async () => {
    const engine = await planetsEngine();
    const record = questionRecordOf(
      engine.ask('what is the boiling point of tungsten'),
      CONSOLE_WHERE,
      { askers: true },
      T0,
    );
    expect(record).toMatchObject({
      surface: 'console',
      guildId: null,
      channelId: null,
      userId: null,
    });
  });
});
