import type { DecisionFeature, DecisionModel } from '../engine/decide.js';

/**
 * Fitting the decision: a logistic regression of "the best fact answers the question" on the
 * decision features, and the probabilities at which to answer and to ask "did you mean", chosen
 * on labelled questions. Pure: the shell (`npm run calibrate`) gathers the questions and writes
 * the model.
 */

/** One labelled question as the decision sees it. */
export interface Example {
  /** The group it belongs to for cross-validation (the topic: the packs it is asked against). */
  readonly group: string;
  readonly features: Readonly<Record<DecisionFeature, number>>;
  /** The best fact's score, for the floor. */
  readonly score: number;
  /** True when the best fact answers the question. */
  readonly right: boolean;
  /** True when the question has an answer in the packs at all. */
  readonly answerable: boolean;
  /** True when the question reads exactly as a phrasing: answered whatever the model says. */
  readonly exact: boolean;
}

export interface FitOptions {
  readonly features: readonly DecisionFeature[];
  /** L2 penalty on the standardised weights. */
  readonly penalty: number;
  /** The wrong-answer rate (over all questions, each group weighing the same) to answer at. */
  readonly targetWrongRate: number;
  /**
   * The share of unanswerable questions (each group weighing the same) to decline outright:
   * "did you mean" is offered down to the probability that keeps to it.
   */
  readonly declineRate: number;
}

/** Each example's weight: every group counts the same, however many questions it has. */
export function groupWeights(examples: readonly Example[]): number[] {
  const sizes = new Map<string, number>();
  for (const e of examples) sizes.set(e.group, (sizes.get(e.group) ?? 0) + 1);
  const groups = sizes.size;
  return examples.map((e) => examples.length / (groups * sizes.get(e.group)!));
}

/** Solves `a x = b` by Gaussian elimination with partial pivoting (a is small and square). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    if (Math.abs(p) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = m[r]![col]! / p;
      for (let c = col; c <= n; c++) m[r]![c]! -= factor * m[col]![c]!;
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!));
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Fits the weights by Newton's method (iteratively reweighted least squares) on standardised
 * features, with an L2 penalty that keeps a feature the data barely supports near zero.
 */
function fitWeights(
  rows: readonly number[][],
  labels: readonly number[],
  weights: readonly number[],
  penalty: number,
): { coefficients: number[]; bias: number } {
  const k = rows[0]?.length ?? 0;
  let beta = new Array<number>(k + 1).fill(0);
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = new Array<number>(k + 1).fill(0);
    const hessian = Array.from({ length: k + 1 }, () => new Array<number>(k + 1).fill(0));
    rows.forEach((row, i) => {
      const x = [...row, 1];
      const p = sigmoid(x.reduce((z, v, j) => z + v * beta[j]!, 0));
      const w = weights[i]!;
      for (let a = 0; a <= k; a++) {
        gradient[a]! += w * (p - labels[i]!) * x[a]!;
        for (let b = 0; b <= k; b++) hessian[a]![b]! += w * p * (1 - p) * x[a]! * x[b]!;
      }
    });
    for (let a = 0; a < k; a++) {
      gradient[a]! += penalty * beta[a]!;
      hessian[a]![a]! += penalty;
    }
    const step = solve(hessian, gradient);
    beta = beta.map((v, j) => v - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return { coefficients: beta.slice(0, k), bias: beta[k]! };
}

/** The probability a model gives an example. */
export function probabilityOf(model: DecisionModel, example: Example): number {
  let z = model.bias;
  model.features.forEach((name, i) => {
    z += (model.weights[i]! * (example.features[name] - model.mean[i]!)) / model.scale[i]!;
  });
  return sigmoid(z);
}

/** Fits a decision model on examples. */
export function fitDecision(examples: readonly Example[], options: FitOptions): DecisionModel {
  const fitted = examples.filter((e) => !e.exact);
  const weights = groupWeights(fitted);
  const total = weights.reduce((a, b) => a + b, 0);
  const mean = options.features.map(
    (f) => fitted.reduce((s, e, i) => s + weights[i]! * e.features[f], 0) / total,
  );
  const scale = options.features.map((f, j) => {
    const variance =
      fitted.reduce((s, e, i) => s + weights[i]! * (e.features[f] - mean[j]!) ** 2, 0) / total;
    return Math.sqrt(variance) || 1;
  });
  const rows = fitted.map((e) =>
    options.features.map((f, j) => (e.features[f] - mean[j]!) / scale[j]!),
  );
  const { coefficients, bias } = fitWeights(
    rows,
    fitted.map((e) => (e.right ? 1 : 0)),
    weights,
    options.penalty,
  );
  const unthresholded: DecisionModel = {
    features: options.features,
    mean,
    scale,
    weights: coefficients,
    bias,
    answerAt: 1,
    askAt: 1,
    floor: 0,
  };
  const scored = examples.map((e) => ({ e, p: e.exact ? 1 : probabilityOf(unthresholded, e) }));
  const allWeights = groupWeights(examples);
  const allTotal = allWeights.reduce((a, b) => a + b, 0);
  // The lowest probability at which answering keeps wrong answers to the target, scanning down.
  const byProbability = scored
    .map((s, i) => ({ ...s, w: allWeights[i]! }))
    .filter((s) => !s.e.exact)
    .sort((a, b) => b.p - a.p);
  let wrong = scored.reduce((s, x, i) => s + (x.e.exact && !x.e.right ? allWeights[i]! : 0), 0);
  let answerAt = 1;
  for (let i = 0; i < byProbability.length; i++) {
    const x = byProbability[i]!;
    if (!x.e.right) wrong += x.w;
    if (wrong / allTotal > options.targetWrongRate) break;
    // Only a cut between two distinct probabilities can be made.
    const next = byProbability[i + 1];
    if (!next || next.p < x.p) answerAt = x.p;
  }
  // Below it, "did you mean" down to where it would be offered for more unanswerable questions
  // than the decline rate allows.
  const unanswerable = byProbability.filter((x) => !x.e.answerable);
  const unanswerableTotal = unanswerable.reduce((s, x) => s + x.w, 0);
  let askAt = answerAt;
  let offered = 0;
  for (let i = 0; i < unanswerable.length; i++) {
    const x = unanswerable[i]!;
    offered += x.w;
    if (offered / unanswerableTotal > 1 - options.declineRate) {
      askAt = Math.min(answerAt, x.p + 1e-9);
      break;
    }
    askAt = Math.min(answerAt, x.p);
  }
  const asked = scored.filter((s) => !s.e.exact && s.p >= askAt).map((s) => s.e.score);
  return {
    ...unthresholded,
    answerAt,
    askAt,
    floor: asked.length > 0 ? Math.min(...asked) : 0,
  };
}

/** How a model fares on examples: the shares the evaluation reports. */
export interface Fare {
  readonly questions: number;
  readonly answeredRight: number;
  readonly declinedRight: number;
  readonly wrong: number;
  readonly asked: number;
}

export function fareOf(model: DecisionModel, examples: readonly Example[]): Fare {
  let answerable = 0;
  let answeredRight = 0;
  let unanswerable = 0;
  let declinedRight = 0;
  let wrong = 0;
  let asked = 0;
  for (const e of examples) {
    const p = e.exact ? 1 : probabilityOf(model, e);
    const answer = p >= model.answerAt;
    if (e.answerable) answerable += 1;
    else unanswerable += 1;
    if (answer && e.right) answeredRight += 1;
    if (answer && !e.right) wrong += 1;
    if (!answer && p >= model.askAt) asked += 1;
    if (!e.answerable && p < model.askAt) declinedRight += 1;
  }
  return {
    questions: examples.length,
    answeredRight: answerable ? answeredRight / answerable : 1,
    declinedRight: unanswerable ? declinedRight / unanswerable : 1,
    wrong: examples.length ? wrong / examples.length : 0,
    asked: examples.length ? asked / examples.length : 0,
  };
}

/** Fits on every group but one and judges on that one, for each group in turn. */
export function crossValidate(
  examples: readonly Example[],
  options: FitOptions,
): { group: string; fare: Fare }[] {
  const groups = [...new Set(examples.map((e) => e.group))];
  return groups.map((group) => {
    const model = fitDecision(
      examples.filter((e) => e.group !== group),
      options,
    );
    return {
      group,
      fare: fareOf(
        model,
        examples.filter((e) => e.group === group),
      ),
    };
  });
}
