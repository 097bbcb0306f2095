import { describe, expect, it } from 'vitest';
import type { DecisionFeature } from '../../src/engine/decide.js';
import {
  crossValidate,
  fareOf,
  fitDecision,
  groupWeights,
  probabilityOf,
  type Example,
  type FitOptions,
} from '../../src/eval/calibrate.js';
import { mulberry32 } from '../../src/engine/order.js';

const OPTIONS: FitOptions = {
  features: ['score', 'margin'],
  penalty: 1,
  targetWrongRate: 0.02,
  declineRate: 0.95,
};

/** Questions whose best fact is right more often the higher and further ahead it scores. */
function examples(group: string, count: number, seed: number): Example[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const score = random();
    const margin = random() * score;
    const answerable = random() < 0.7;
    const right = answerable && random() < Math.min(1, 0.1 + score * 0.6 + margin);
    const features = Object.fromEntries(['score', 'margin', 'ratio'].map((f) => [f, 0])) as Record<
      DecisionFeature,
      number
    >;
    return {
      group,
      features: { ...features, score, margin },
      score,
      right,
      answerable,
      exact: false,
    };
  });
}

describe('fitting the decision', () => {
  const data = [...examples('a', 400, 1), ...examples('b', 200, 2), ...examples('c', 200, 3)];

  it('gives every group the same total weight, however many questions it has', () => {
    const weights = groupWeights(data);
    const total = (g: string) => data.reduce((s, e, i) => s + (e.group === g ? weights[i]! : 0), 0);
    expect(total('a')).toBeCloseTo(total('b'));
    expect(total('b')).toBeCloseTo(total('c'));
  });

  it('learns that a higher, clearer best score is likelier right', () => {
    const model = fitDecision(data, OPTIONS);
    const strong = { ...data[0]!, features: { ...data[0]!.features, score: 0.95, margin: 0.6 } };
    const weak = { ...data[0]!, features: { ...data[0]!.features, score: 0.2, margin: 0.02 } };
    expect(probabilityOf(model, strong)).toBeGreaterThan(probabilityOf(model, weak));
    expect(model.askAt).toBeLessThanOrEqual(model.answerAt);
  });

  it('answers at the probability that keeps wrong answers to the target on the data fitted', () => {
    const model = fitDecision(data, OPTIONS);
    const fares = ['a', 'b', 'c'].map((g) =>
      fareOf(
        model,
        data.filter((e) => e.group === g),
      ),
    );
    const wrong = fares.reduce((s, f) => s + f.wrong, 0) / fares.length;
    expect(wrong).toBeLessThanOrEqual(OPTIONS.targetWrongRate + 1e-9);
  });

  it('judges each group with a model fitted on the others', () => {
    const folds = crossValidate(data, OPTIONS);
    expect(folds.map((f) => f.group)).toEqual(['a', 'b', 'c']);
    for (const { fare } of folds) {
      expect(fare.answeredRight).toBeGreaterThan(0);
      expect(fare.wrong).toBeLessThan(0.2);
    }
  });

  it('answers a question that reads exactly as a phrasing whatever the model says', () => {
    const model = fitDecision(data, OPTIONS);
    const exact: Example = { ...data[0]!, exact: true, right: true, answerable: true };
    expect(fareOf(model, [exact]).answeredRight).toBe(1);
  });
});
