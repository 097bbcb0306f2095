import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { watchQuestions } from '../../src/discord/questionWatch.js';
import { createEngine } from '../../src/engine/engine.js';
import { english } from '../../src/knowledge/languages.js';
import type { Engine } from '../../src/engine/types.js';
import {
  createQuestionRecorder,
  type AskedWhere,
  type QuestionRecorder,
} from '../../src/inbox/recorder.js';
import { createLogger } from '../../src/logger.js';
import { createMetrics } from '../../src/monitoring/metrics.js';
import { manualClock } from '../support/manualClock.js';
import { createMemoryStore } from '../support/memoryStore.js';
import { loadAll } from './harness.js';

const GUILD = '200000000000000001';
const CREATED = Date.UTC(2026, 0, 1, 12);
const PINO_FIELDS = new Set(['level', 'time', 'name', 'msg']);

const where = (overrides: Partial<AskedWhere> = {}): AskedWhere => ({
  surface: 'slash',
  guildId: GUILD,
  channelId: '300000000000000001',
  userId: '400000000000000001',
  event: { kind: 'interaction', id: '900000000000000001', command: '/ask', createdAt: CREATED },
  ...overrides,
});

function setUp(record: boolean) {
  const written: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      written.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ level: 'info', destination });
  /** The info lines written so far: their message and fields (pino's own fields left out). */
  const lines = () =>
    written.map((line) => {
      const parsed = z.record(z.string(), z.unknown()).parse(JSON.parse(line));
      const fields = Object.fromEntries(
        Object.entries(parsed).filter(([key]) => !PINO_FIELDS.has(key)),
      );
      return { msg: parsed['msg'], fields };
    });
  const metrics = createMetrics({ processMetrics: false });
  const recorder: QuestionRecorder = createQuestionRecorder({
    store: createMemoryStore(),
    clock: manualClock(CREATED),
    logger,
    settings: { record, askers: false, retentionDays: 90 },
  });
  const questions = watchQuestions(recorder, { logger, metrics, now: () => CREATED + 120 });
  return { lines, metrics, questions };
}

describe('every question, watched where it is recorded', () => {
  let engine: Engine;

  beforeAll(async () => {
    engine = createEngine(await loadAll(['test/fixtures/discord']), { language: english });
  });

  it('logs the interaction id, command, server, verdict, fact and latency, and not the question', () => {
    const { lines, questions } = setUp(true);
    const id = questions.asked(engine.ask('How far is Mars from the Sun?'), where());
    expect(id).toEqual(expect.any(Number));
    expect(lines()).toEqual([
      {
        msg: 'question asked',
        fields: {
          interactionId: '900000000000000001',
          command: '/ask',
          guildId: GUILD,
          status: 'answered',
          factId: expect.any(String),
          latencyMs: 120,
        },
      },
    ]);
    expect(JSON.stringify(lines())).not.toMatch(/how far/i);
  });

  it('names a message by its message id, and counts each verdict with its latency', async () => {
    const { lines, metrics, questions } = setUp(true);
    questions.asked(
      engine.ask('what is the boiling point of tungsten'),
      where({
        surface: 'message',
        event: {
          kind: 'message',
          id: '900000000000000002',
          command: 'mention',
          createdAt: CREATED,
        },
      }),
    );
    expect(lines()[0]?.fields).toMatchObject({
      messageId: '900000000000000002',
      command: 'mention',
      status: 'declined',
      factId: null,
    });
    const text = (await metrics.text()).body;
    expect(text).toContain('almanac_questions_total{status="declined"} 1');
    expect(text).toContain('almanac_answer_seconds_bucket{le="0.25"} 1');
  });

  it('counts and logs questions even when RECORD_MISSES is off', async () => {
    const { lines, metrics, questions } = setUp(false);
    expect(questions.asked(engine.ask('how many moons does it have?'), where())).toBeUndefined();
    expect(lines().map((l) => l.fields['status'])).toEqual(['did-you-mean']);
    expect((await metrics.text()).body).toContain(
      'almanac_questions_total{status="did-you-mean"} 1',
    );
  });

  it('neither counts nor logs a mention with no question in it', async () => {
    const { lines, metrics, questions } = setUp(true);
    questions.asked(engine.ask(''), where());
    expect(lines()).toEqual([]);
    expect((await metrics.text()).body).not.toMatch(/almanac_questions_total\{[^}]*\} [1-9]/);
  });
});
