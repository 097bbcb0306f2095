import { describe, expect, it } from 'vitest';
import { benchVocabulary, generateCorpus } from '../../src/bench/synthetic.js';
import { createEngine, engineSteps } from '../../src/engine/engine.js';
import { finish, ITEMS_PER_STEP, type Steps } from '../../src/engine/steps.js';
import { english } from '../../src/knowledge/languages.js';

/** Runs steps to the end, counting them. */
function count<T>(steps: Steps<T>): { value: T; steps: number } {
  let n = 0;
  for (;;) {
    const next = steps.next();
    n += 1;
    if (next.done) return { value: next.value, steps: n };
  }
}

const { world, questions: timed } = generateCorpus(benchVocabulary(), {
  seed: 4,
  facts: 1_000,
  answerable: 60,
  unanswerable: 20,
  warmUp: 0,
  prefixes: 0,
});
const questions = [
  ...timed.map((q) => q.text),
  // Misspelt, shortened and unknown words: what the corrector and the look-up by meaning make.
  'wht is teh',
  'qwertyuiop',
  'photosynthesis',
];

describe('the engine built in steps', () => {
  it('answers every question as the engine built at once does', () => {
    const atOnce = createEngine(world.packs, { language: english });
    const { value: inSteps, steps } = count(engineSteps(world.packs, { language: english }));
    // At least a step per slice of facts: no step reads more than a slice of them.
    expect(steps).toBeGreaterThan(1_000 / ITEMS_PER_STEP);
    for (const question of questions) expect(inSteps.ask(question)).toEqual(atOnce.ask(question));
  });

  it('answers the same once made ready in steps, which take slices of words too', () => {
    const lazy = createEngine(world.packs, { language: english });
    const prepared = finish(engineSteps(world.packs, { language: english }));
    expect(count(prepared.readySteps()).steps).toBeGreaterThan(ITEMS_PER_STEP / 8);
    for (const question of questions) expect(prepared.ask(question)).toEqual(lazy.ask(question));
  });

  it('keeps answering right when a question comes between two steps of making it ready', () => {
    const lazy = createEngine(world.packs, { language: english });
    const engine = finish(engineSteps(world.packs, { language: english }));
    const preparing = engine.readySteps();
    for (let i = 0; i < 20; i++) preparing.next();
    // This question makes the corrector's tables itself, meanwhile.
    expect(engine.ask('wht is teh')).toEqual(lazy.ask('wht is teh'));
    finish(preparing);
    for (const question of questions) expect(engine.ask(question)).toEqual(lazy.ask(question));
  });
});
