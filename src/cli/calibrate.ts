import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CALIBRATION } from '../engine/calibration.js';
import { RANKING } from '../engine/config.js';
import { DECISION_FEATURES, type DecisionFeature } from '../engine/decide.js';
import {
  crossValidate,
  fareOf,
  fitDecision,
  type Example,
  type Fare,
  type FitOptions,
} from '../eval/calibrate.js';
import { expectedFacts } from '../eval/questions.js';
import { listSets, loadSet } from '../eval/sets.js';
import { engineFor } from '../knowledge/engineFor.js';

const USAGE = `Usage: npm run calibrate [-- [set.yaml ...] [--features a,b,c] [--penalty 1] [--dry-run]]

Fits the decision (when to answer, ask "did you mean" or decline) on the labelled evaluation
sets that are not blind (every one in test/eval when none is named), reports it cross-validated
by topic (fitted on the other topics, judged on each), and writes src/engine/calibration.json.

  --features   the decision features to weigh, of ${DECISION_FEATURES.join(', ')}
               (default: ${RANKING.decision.features.join(', ')})
  --penalty    the L2 penalty on standardised weights (default 1)
  --dry-run    report without writing the model`;

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const known = new Set(['--features', '--penalty', '--dry-run']);
const unknown = args.find((a) => a.startsWith('-') && !known.has(a));
if (unknown) {
  console.error(`Unknown option ${unknown}.\n\n${USAGE}`);
  process.exit(2);
}
const featureList = flag('--features')?.split(',') ?? [...RANKING.decision.features];
const badFeature = featureList.find((f) => !(DECISION_FEATURES as readonly string[]).includes(f));
if (badFeature !== undefined) {
  console.error(`No decision feature is called "${badFeature}".\n\n${USAGE}`);
  process.exit(2);
}
const penalty = Number(flag('--penalty') ?? '1');
if (!Number.isFinite(penalty) || penalty < 0) {
  console.error(`--penalty takes a number of 0 or more.\n\n${USAGE}`);
  process.exit(2);
}
const options: FitOptions = {
  // Checked against DECISION_FEATURES above.
  features: featureList as DecisionFeature[],
  penalty,
  targetWrongRate: RANKING.decision.targetWrongRate,
  declineRate: RANKING.decision.declineRate,
};

const root = process.cwd();
const named = args.filter((a, i) => !a.startsWith('-') && !known.has(args[i - 1] ?? ''));

/** Every labelled question of the sets, as the decision sees it. */
async function examplesOf(files: readonly string[]): Promise<Example[]> {
  const examples: Example[] = [];
  const cache = new Map();
  for (const file of files) {
    const loaded = await loadSet(file, root, cache);
    if (loaded.set.blind === true) {
      console.error(`${loaded.file} is blind: it is never fitted on.`);
      process.exit(2);
    }
    // Every question through the tie-break, whatever the floor the current model has.
    const engine = engineFor(loaded.packs, { decision: { ...CALIBRATION, floor: -Infinity } });
    for (const question of loaded.set.questions) {
      const expected = expectedFacts(question);
      const inspection = engine.inspect(question.q);
      const best = inspection.ranked[0];
      if (!best || !inspection.features) {
        examples.push({
          group: loaded.knowledge,
          features: Object.fromEntries(DECISION_FEATURES.map((f) => [f, 0])) as Record<
            DecisionFeature,
            number
          >, // every feature named, from the list itself
          score: 0,
          right: false,
          answerable: expected.length > 0,
          exact: false,
        });
        continue;
      }
      const exact = inspection.exact.length === 1;
      const answer = exact ? inspection.exact[0]! : best.factId;
      examples.push({
        group: loaded.knowledge,
        features: inspection.features,
        score: best.score,
        right: expected.includes(answer),
        answerable: expected.length > 0,
        exact,
      });
    }
  }
  return examples;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const fareRow = (name: string, fare: Fare) =>
  `${name.padEnd(36)}${String(fare.questions).padStart(6)}${pct(fare.answeredRight).padStart(10)}${pct(fare.declinedRight).padStart(10)}${pct(fare.wrong).padStart(8)}${pct(fare.asked).padStart(8)}`;

const files = named.length > 0 ? named : await listSets(root);
const blind = (await Promise.all(files.map((f) => loadSet(f, root)))).filter(
  (l) => l.set.blind === true,
);
const fitted = files.filter((f) => !blind.some((b) => b.file === f));
if (named.length === 0 && blind.length > 0) {
  console.log(`Left out, being blind: ${blind.map((b) => b.file).join(', ')}\n`);
}
const examples = await examplesOf(fitted);
const header = `${'topic (packs)'.padEnd(36)}${'qs'.padStart(6)}${'right'.padStart(10)}${'declined'.padStart(10)}${'wrong'.padStart(8)}${'asked'.padStart(8)}`;
console.log(`Features: ${options.features.join(', ')}; penalty ${options.penalty}`);
console.log(`\nCross-validated by topic (fitted on the others, judged on each):\n${header}`);
const folds = crossValidate(examples, options);
for (const { group, fare } of folds) console.log(fareRow(group, fare));
const model = fitDecision(examples, options);
console.log(`\nFitted on all ${examples.length} questions:\n${header}`);
for (const group of new Set(examples.map((e) => e.group))) {
  console.log(
    fareRow(
      group,
      fareOf(
        model,
        examples.filter((e) => e.group === group),
      ),
    ),
  );
}
console.log(
  `\nanswer at p >= ${model.answerAt.toFixed(3)}, ask at p >= ${model.askAt.toFixed(3)}, floor ${model.floor.toFixed(3)}`,
);
model.features.forEach((f, i) => console.log(`  ${f.padEnd(14)} ${model.weights[i]!.toFixed(3)}`));
console.log(`  ${'(bias)'.padEnd(14)} ${model.bias.toFixed(3)}`);

if (!args.includes('--dry-run')) {
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const out = {
    ...model,
    mean: model.mean.map(round),
    scale: model.scale.map(round),
    weights: model.weights.map(round),
    bias: round(model.bias),
    answerAt: round(model.answerAt),
    askAt: round(model.askAt),
    floor: round(model.floor),
    fittedOn: fitted,
    penalty: options.penalty,
    targetWrongRate: options.targetWrongRate,
    declineRate: options.declineRate,
    crossValidation: folds.map(({ group, fare }) => ({
      group,
      questions: fare.questions,
      answeredRight: round(fare.answeredRight),
      declinedRight: round(fare.declinedRight),
      wrong: round(fare.wrong),
      asked: round(fare.asked),
    })),
  };
  const path = fileURLToPath(new URL('../engine/calibration.json', import.meta.url));
  await writeFile(path, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\nWrote ${path}`);
}
