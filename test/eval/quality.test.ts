import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { verdictOf } from '../../src/eval/verdict.js';
import { createEngine } from '../../src/engine/engine.js';
import { plainFuseBaseline } from '../../src/eval/baseline.js';
import { score, type Scores } from '../../src/eval/evaluate.js';
import { parseEvalSet } from '../../src/eval/questions.js';
import { bundledPacks } from '../support/packs.js';
import { english } from '../../src/engine/lang/en/index.js';

/** The product's floors on the evaluation set (see docs/EVALUATION.md). */
const FLOORS = { answered: 0.95, declined: 0.9, wrong: 0.03 } as const;

let almanac: Scores;
let baseline: Scores;
beforeAll(async () => {
  const packs = await bundledPacks();
  const { questions } = parseEvalSet(readFileSync('test/eval/questions.yaml', 'utf8'));
  const engine = createEngine(packs, { language: english });
  almanac = score(questions, (q) => verdictOf(engine.ask(q)));
  baseline = score(questions, plainFuseBaseline(packs));
});

describe('answer quality on the evaluation set', () => {
  it('has at least 150 questions, 100 answerable and 50 to decline', () => {
    expect(almanac.answerable).toBeGreaterThanOrEqual(100);
    expect(almanac.unanswerable).toBeGreaterThanOrEqual(50);
  });

  it(`answers at least ${FLOORS.answered * 100}% of answerable questions with the right fact`, () => {
    expect(almanac.answeredAccuracy).toBeGreaterThanOrEqual(FLOORS.answered);
  });

  it(`declines at least ${FLOORS.declined * 100}% of the questions its packs do not cover`, () => {
    expect(almanac.declineAccuracy).toBeGreaterThanOrEqual(FLOORS.declined);
  });

  it(`states a wrong fact for at most ${FLOORS.wrong * 100}% of questions`, () => {
    expect(almanac.wrongAnswerRate).toBeLessThanOrEqual(FLOORS.wrong);
  });

  it('beats plain fuse.js on right answers, declines and wrong answers', () => {
    expect(almanac.answeredAccuracy).toBeGreaterThan(baseline.answeredAccuracy);
    expect(almanac.declineAccuracy).toBeGreaterThan(baseline.declineAccuracy);
    expect(almanac.wrongAnswerRate).toBeLessThan(baseline.wrongAnswerRate);
  });
});
