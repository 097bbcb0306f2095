import { createRequire } from 'node:module';
import { DECISION_FEATURES, type DecisionFeature, type DecisionModel } from './decide.js';

const isNumbers = (value: unknown, length: number): value is number[] =>
  Array.isArray(value) && value.length === length && value.every((x) => typeof x === 'number');
const isFeature = (value: unknown): value is DecisionFeature =>
  typeof value === 'string' && (DECISION_FEATURES as readonly string[]).includes(value);

/**
 * Reads a decision model from parsed JSON, or says what is wrong with it: the file is written by
 * `npm run calibrate`, but it is data, and the engine checks data it did not make.
 */
export function parseDecisionModel(value: unknown): DecisionModel {
  if (typeof value !== 'object' || value === null) throw new Error('calibration: not an object');
  const model: Record<string, unknown> = { ...value };
  const features = model.features;
  if (!Array.isArray(features) || !features.every(isFeature)) {
    throw new Error('calibration: features must be decision feature names');
  }
  const n = features.length;
  const { mean, scale, weights, bias, answerAt, askAt, floor } = model;
  if (!isNumbers(mean, n) || !isNumbers(scale, n) || !isNumbers(weights, n)) {
    throw new Error(`calibration: mean, scale and weights must each hold ${n} numbers`);
  }
  if (scale.some((x) => x <= 0)) throw new Error('calibration: every scale must be positive');
  for (const [name, x] of Object.entries({ bias, answerAt, askAt, floor })) {
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`calibration: ${name}`);
  }
  return Object.freeze({
    features,
    mean,
    scale,
    weights,
    bias: Number(bias),
    answerAt: Number(answerAt),
    askAt: Number(askAt),
    floor: Number(floor),
  });
}

/**
 * The decision model `npm run calibrate` fitted on the labelled evaluation sets
 * (`calibration.json`, with its cross-validated figures beside the parameters).
 */
export const CALIBRATION: DecisionModel = parseDecisionModel(
  createRequire(import.meta.url)('./calibration.json'),
);
