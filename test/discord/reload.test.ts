import { describe, expect, it } from 'vitest';
import { createKnowledgeService, diffPacks } from '../../src/discord/reload.js';
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
