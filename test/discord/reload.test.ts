import { describe, expect, it } from 'vitest';
import { benchVocabulary, generateWorld } from '../../src/bench/synthetic.js';
import {
  createKnowledgeService,
  diffPacks,
  runInSlices,
  SLICE_MS,
} from '../../src/discord/reload.js';
import type { Engine } from '../../src/engine/types.js';
import { engineStepsFor } from '../../src/knowledge/engineFor.js';
import type { ValidationResult } from '../../src/knowledge/validate.js';
import { buildFact, buildPack } from './builders.js';

const dates = buildFact({ id: 'visit-dates' });
const place = buildFact({
  id: 'visit-location',
  question: 'Where did Bhutto go in 1972?',
  answer: 'Moscow.',
});
const people = buildFact({
  id: 'leaders-met',
  question: 'Whom did Bhutto meet?',
  answer: 'Kosygin and Brezhnev.',
});

describe('the difference between two loads', () => {
  it('names the facts added, changed and removed, by id', () => {
    const before = [buildPack({ facts: [dates, place] })];
    const after = [buildPack({ facts: [{ ...dates, answer: 'From 2 to 5 March 1972.' }, people] })];
    expect(diffPacks(before, after)).toEqual({
      added: ['leaders-met'],
      changed: ['visit-dates'],
      removed: ['visit-location'],
    });
  });

  it('counts a changed citation as a change, and reordered keys as none', () => {
    const pack = buildPack({ facts: [dates] });
    const moved = buildPack({ facts: [{ ...dates, source: { ...dates.source, paragraph: 5 } }] });
    const reordered = buildPack({
      facts: [Object.fromEntries(Object.entries(dates).reverse()) as typeof dates],
    });
    expect(diffPacks([pack], [moved]).changed).toEqual(['visit-dates']);
    expect(diffPacks([pack], [reordered])).toEqual({ added: [], changed: [], removed: [] });
  });
});

describe('the knowledge service', () => {
  const ok = (facts = [dates, people]): ValidationResult => ({
    ok: true,
    packs: [buildPack({ facts })],
    warnings: [],
  });
  const broken: ValidationResult = {
    ok: false,
    errors: [
      {
        file: 'knowledge/pack.yaml',
        line: 12,
        col: 5,
        factId: 'visit-dates',
        message: 'answer: must not be empty',
      },
    ],
    warnings: [],
  };

  it('answers from the new packs after a reload that validates', async () => {
    const service = createKnowledgeService({
      dir: 'knowledge',
      packs: [buildPack({ facts: [dates] })],
      load: () => Promise.resolve(ok()),
    });
    const outcome = await service.reload();
    expect(outcome).toMatchObject({
      ok: true,
      diff: { added: ['leaders-met'] },
      packs: 1,
      facts: 2,
    });
    expect(service.engine().fact('leaders-met')).toBeDefined();
  });

  it('keeps answering from the old packs when the new ones do not validate', async () => {
    const service = createKnowledgeService({
      dir: 'knowledge',
      packs: [buildPack({ facts: [dates] })],
      load: () => Promise.resolve(broken),
    });
    const before = service.engine();
    expect(await service.reload()).toEqual({ ok: false, errors: broken.errors, warnings: [] });
    expect(service.engine()).toBe(before);
  });

  it('runs one reload at a time: callers during a reload share its outcome', async () => {
    let loads = 0;
    const service = createKnowledgeService({
      dir: 'knowledge',
      packs: [buildPack({ facts: [dates] })],
      load: () => {
        loads += 1;
        return Promise.resolve(ok());
      },
    });
    const [a, b] = await Promise.all([service.reload(), service.reload()]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
  });
});

describe('a reload while the bot serves', () => {
  const ok = (facts = [dates, people]): ValidationResult => ({
    ok: true,
    packs: [buildPack({ facts })],
    warnings: [],
  });

  it('answers from the old packs while the new ones load, and from the new ones once built', async () => {
    let finish: (result: ValidationResult) => void = () => undefined;
    const service = createKnowledgeService({
      dir: 'knowledge',
      packs: [buildPack({ facts: [dates] })],
      load: () => new Promise((done) => (finish = done)),
    });
    const before = service.engine();
    const reloading = service.reload();
    await new Promise((done) => setImmediate(done));
    expect(service.engine()).toBe(before);
    finish(ok());
    await reloading;
    expect(service.engine()).not.toBe(before);
    expect(service.engine().fact('leaders-met')).toBeDefined();
  });

  it('lets work waiting on the event loop run before it builds the new engine', async () => {
    const order: string[] = [];
    const service = createKnowledgeService({
      dir: 'knowledge',
      packs: [buildPack({ facts: [dates] })],
      load: () => {
        // An interaction arriving as the packs come back.
        setImmediate(() => order.push('interaction'));
        return Promise.resolve(ok());
      },
      build: function* (packs) {
        order.push('build');
        return yield* engineStepsFor(packs);
      },
    });
    order.length = 0;
    await service.reload();
    expect(order).toEqual(['interaction', 'build']);
  });

  it('answers questions between slices of a large rebuild, from the old packs until it is done', async () => {
    const world = generateWorld(benchVocabulary(), { seed: 3, facts: 3_000, unseen: 0 });
    const service = createKnowledgeService({
      dir: 'knowledge',
      packs: [buildPack({ facts: [dates] })],
      load: () => Promise.resolve({ ok: true, packs: world.packs, warnings: [] }),
    });
    const before = service.engine();
    // A member asking over and over while the reload runs: each question waits for a turn of
    // the event loop, as an interaction does.
    const answeredBy: Engine[] = [];
    let reloading = true;
    const ask = () => {
      answeredBy.push(service.engine());
      if (reloading) setImmediate(ask);
    };
    setImmediate(ask);
    const outcome = await service.reload();
    reloading = false;
    expect(outcome).toMatchObject({ ok: true, facts: 3_000 });
    // Far more questions than the load's handful of turns: they were answered during the build.
    expect(answeredBy.length).toBeGreaterThan(10);
    expect(answeredBy.every((engine) => engine === before)).toBe(true);
    expect(service.engine()).not.toBe(before);
  });

  it('says a reload cut short by close() was abandoned, stops its load and keeps the old packs', async () => {
    let stopped: AbortSignal | undefined;
    const service = createKnowledgeService({
      dir: 'knowledge',
      packs: [buildPack({ facts: [dates] })],
      load: (_dir, signal) => {
        stopped = signal;
        return new Promise((_done, fail) =>
          signal.addEventListener('abort', () => fail(new Error('terminated'))),
        );
      },
    });
    const before = service.engine();
    const reloading = service.reload();
    expect(service.close()).toBe(true);
    expect(await reloading).toEqual({ ok: false, errors: [], warnings: [], abandoned: true });
    expect(stopped?.aborted).toBe(true);
    expect(service.engine()).toBe(before);
  });

  it('refuses to start a reload once closed, without reading anything', async () => {
    let loads = 0;
    const service = createKnowledgeService({
      dir: 'knowledge',
      packs: [buildPack({ facts: [dates] })],
      load: () => {
        loads += 1;
        return Promise.resolve(ok());
      },
    });
    expect(service.close()).toBe(false);
    expect(await service.reload()).toMatchObject({ ok: false, abandoned: true });
    expect(loads).toBe(0);
  });
});

describe('work run in slices', () => {
  /** Ten steps, each taking `stepMs` of a clock the test moves. */
  function* tenSteps(clock: { ms: number }, stepMs: number, done: number[]) {
    for (let i = 0; i < 10; i++) {
      clock.ms += stepMs;
      done.push(i);
      yield;
    }
    return 'made';
  }

  it('lets the event loop run once a slice has taken its time, and returns what the steps make', async () => {
    const clock = { ms: 0 };
    const done: number[] = [];
    const turns: number[] = [];
    // Something waiting on the event loop notes how many steps had run when it got its turn.
    const watch = () => {
      turns.push(done.length);
      if (done.length < 10) setImmediate(watch);
    };
    setImmediate(watch);
    const made = await runInSlices(tenSteps(clock, SLICE_MS / 2, done), undefined, () => clock.ms);
    expect(made).toBe('made');
    // A slice is two steps of half a slice each: the waiting work ran after every second step.
    expect(turns.slice(0, 4)).toEqual([2, 4, 6, 8]);
  });

  it('stops between two slices once its signal is aborted', async () => {
    const clock = { ms: 0 };
    const done: number[] = [];
    const stop = new AbortController();
    setImmediate(() => stop.abort());
    const made = await runInSlices(tenSteps(clock, SLICE_MS, done), stop.signal, () => clock.ms);
    expect(made).toBeUndefined();
    expect(done.length).toBeLessThan(10);
  });
});
