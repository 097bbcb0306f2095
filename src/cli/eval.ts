import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createEngine } from '../engine/engine.js';
import { plainFuseBaseline } from '../eval/baseline.js';
import { score, type Scores } from '../eval/evaluate.js';
import { verdictOf } from '../eval/verdict.js';
import { parseEvalSet } from '../eval/questions.js';
import { loadServingPacks } from '../knowledge/load.js';
import { formatProblem } from '../knowledge/problem.js';

/**
 * `npm run eval [questions.yaml]`: answer quality of Almanac and of a plain fuse.js baseline
 * on the evaluation set, side by side. `--misses` lists what Almanac got wrong.
 */

const args = process.argv.slice(2);
const file = resolve(args.find((a) => !a.startsWith('--')) ?? 'test/eval/questions.yaml');
const loaded = await loadServingPacks(resolve(process.env.KNOWLEDGE_DIR ?? 'knowledge'));
if (!loaded.ok) {
  for (const problem of loaded.errors) console.error(formatProblem(problem));
  process.exit(1);
}
const questions = parseEvalSet(readFileSync(file, 'utf8'));
const engine = createEngine(loaded.packs);
const almanac = score(questions, (q) => verdictOf(engine.ask(q)));
const baseline = score(questions, plainFuseBaseline(loaded.packs));

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const row = (name: string, pick: (s: Scores) => string) =>
  `${name.padEnd(28)}${pick(almanac).padStart(12)}${pick(baseline).padStart(16)}`;
console.log(
  `${questions.length} questions: ${almanac.answerable} answerable, ${almanac.unanswerable} to decline\n`,
);
console.log(`${''.padEnd(28)}${'Almanac'.padStart(12)}${'plain fuse.js'.padStart(16)}`);
console.log(row('answered correctly', (s) => pct(s.answeredAccuracy)));
console.log(row('declined correctly', (s) => pct(s.declineAccuracy)));
console.log(row('wrong answers', (s) => pct(s.wrongAnswerRate)));
console.log(
  row('did-you-mean held the fact', (s) => pct(s.offeredCorrectly / Math.max(1, s.answerable))),
);
if (args.includes('--misses')) {
  console.log('\nAlmanac misses:');
  for (const { question, verdict } of almanac.misses) {
    const got =
      verdict.status === 'answered'
        ? verdict.factId
        : verdict.status === 'ambiguous'
          ? `ambiguous(${verdict.candidates.join(', ')})`
          : 'no-match';
    console.log(`  [${question.kind}] ${question.q}  →  ${got}  (expected ${question.expect})`);
  }
}
