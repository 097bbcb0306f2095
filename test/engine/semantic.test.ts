import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { buildIndex } from '../../src/engine/index.js';
import { buildSemanticIndex } from '../../src/engine/semantic.js';
import type { Engine } from '../../src/engine/types.js';
import type { Pack } from '../../src/knowledge/schema.js';
import { bundledPacks, testFact, testPack } from '../support/packs.js';
import { english } from '../../src/knowledge/languages.js';
import { lexiconOf } from '../../src/engine/lexicon.js';

const lexicon = lexiconOf(english);

const pack = testPack(
  'year-without-summer',
  'The year without a summer',
  'What a volcano did to the weather of 1816.',
  [
    testFact('harvest-failure', 'Why did the harvest fail in 1816?', [
      'reason the harvest failed',
      'what ruined the harvest in europe',
      'harvest failure cause',
    ]),
    testFact('cathedral-bells', 'Why were the cathedral bells rung in 1816?', [
      'cathedral bells ringing reason',
      'what were the bells of the cathedral rung for',
      'cathedral bells 1816',
    ]),
    testFact('eruption-date', 'When did Tambora erupt?', [
      'date of the tambora eruption',
      'what year did tambora blow',
      'tambora eruption year',
    ]),
  ],
);

describe('words the packs never use', () => {
  let engine: Engine;
  let lexical: Engine;
  beforeAll(() => {
    engine = createEngine([pack], { language: english });
    lexical = createEngine([pack], { language: english, vectors: null });
  });

  it('reads a word as the pack word of the same meaning', () => {
    const result = engine.ask('why did the crops fail in 1816');
    expect(result.status).toBe('answered');
    if (result.status === 'answered') expect(result.fact.id).toBe('harvest-failure');
  });

  it('tells facts apart through such a word', () => {
    const result = engine.ask('why was the church ringing its bells');
    expect(result.status).toBe('answered');
    if (result.status === 'answered') expect(result.fact.id).toBe('cathedral-bells');
  });

  it('does not answer the same question without word vectors', () => {
    expect(lexical.ask('why did the crops fail in 1816').status).not.toBe('answered');
  });

  it('never reads an everyday word as a topic', () => {
    // "today" sits near "year" in the vectors, but it is no topic: nothing is answered.
    expect(engine.ask('how are you today').status).toBe('no-match');
  });
});

describe('the semantic look-up', () => {
  it('finds the pack word for a synonym and nothing for a name or an everyday word', async () => {
    const index = buildIndex(await bundledPacks(), lexicon);
    const semantic = buildSemanticIndex(index, english.vectors());
    expect(['pacts', 'treaty', 'treaties', 'accord']).toContain(
      semantic.nearest('agreements')?.word,
    );
    // Names of places are left out of the vectors: France is not read as Russia.
    expect(semantic.nearest('france')).toBeUndefined();
    expect(semantic.nearest('people')).toBeUndefined();
    expect(semantic.nearest('qwertyuiop')).toBeUndefined();
  });

  it('gives the same answer each time, with a shortlist as with a full scan', () => {
    const words = Array.from({ length: 2_000 }, (_, i) => `word${i}`);
    const big: Pack = {
      ...pack,
      facts: [
        ...pack.facts,
        testFact('filler', 'What are the filler words?', [
          words.join(' '),
          'filler list',
          'fillers',
        ]),
      ],
    };
    const first = createEngine([big], { language: english }).ask('why did the crops fail in 1816');
    const second = createEngine([big], { language: english }).ask('why did the crops fail in 1816');
    expect(first).toEqual(second);
  });
});

describe('the bundled pack', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = createEngine(await bundledPacks(), { language: english });
  });

  it('declines a question about another country instead of reading it as the Soviet Union', () => {
    expect(engine.ask('when did bhutto visit france').status).not.toBe('answered');
  });
});
