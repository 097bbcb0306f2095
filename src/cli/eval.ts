import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Engine } from '../engine/types.js';
import { barePack } from '../eval/bare.js';
import { plainFuseBaseline } from '../eval/baseline.js';
import { recordedRunSchema, recordedVerdict, type RecordedRun } from '../eval/before.js';
import { score, type Scores } from '../eval/evaluate.js';
import { expectedFacts } from '../eval/questions.js';
import { EVAL_DIR, listSets, loadSet, type LoadedSet } from '../eval/sets.js';
import { verdictOf } from '../eval/verdict.js';
import { engineFor } from '../knowledge/engineFor.js';
import { MIN_ALTERNATES } from '../knowledge/schema.js';
import { readDotenv } from './env.js';

const USAGE = `Usage: npm run eval [-- [set.yaml ...] [--misses]]

Scores Almanac's answers on evaluation sets (every set in ${EVAL_DIR} when none is named, blind
sets first), side by side with the engine as it stood before (recorded in
${EVAL_DIR}/before.json) and with plain fuse.js over the same packs. With several sets, the
summary also scores each set's questions asked of its own pack with every set's packs loaded
together, as a server that serves several packs would, and asked of bare packs: each cut to what
the pack format requires (the question, ${MIN_ALTERNATES} alternates, the answer and its source; no keywords,
synonyms, entities or trivia), as a study group in haste might write it.

  --misses   also list the questions Almanac missed (never for a blind set)
  --help     this text`;

readDotenv();
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const unknownFlag = args.find((a) => a.startsWith('-') && a !== '--misses');
if (unknownFlag !== undefined) {
  console.error(`Unknown option ${unknownFlag}.\n\n${USAGE}`);
  process.exit(2);
}
const root = process.cwd();
const listMisses = args.includes('--misses');

async function readBefore(): Promise<RecordedRun | undefined> {
  try {
    return recordedRunSchema.parse(
      JSON.parse(await readFile(resolve(root, EVAL_DIR, 'before.json'), 'utf8')),
    );
  } catch {
    return undefined;
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

interface SetScores {
  readonly loaded: LoadedSet;
  readonly almanac: Scores;
  readonly before: Scores | undefined;
  readonly fuse: Scores;
  /** Asked of the set's packs cut to what the format requires ({@link barePack}). */
  readonly bare: Scores;
  /** Answerable questions whose expected fact `engine.rank` puts first. */
  readonly rankedFirst: number;
}

function scoreSet(
  loaded: LoadedSet,
  engine: Engine,
  bare: Engine,
  before: RecordedRun | undefined,
): SetScores {
  const { questions } = loaded.set;
  const recorded = before && recordedVerdict(before, loaded.file);
  const beforeScores = recorded && score(questions, recorded);
  let rankedFirst = 0;
  for (const q of questions) {
    const expected = expectedFacts(q);
    const top = expected.length > 0 ? engine.rank(q.q, { limit: 1 })[0] : undefined;
    if (top && expected.includes(top.factId)) rankedFirst += 1;
  }
  return {
    loaded,
    almanac: score(questions, (q) => verdictOf(engine.ask(q))),
    before: beforeScores && beforeScores.questions > 0 ? beforeScores : undefined,
    fuse: score(questions, plainFuseBaseline(loaded.packs)),
    bare: score(questions, (q) => verdictOf(bare.ask(q))),
    rankedFirst,
  };
}

function printSet({ loaded, almanac, before, fuse, rankedFirst }: SetScores, commit: string) {
  const blind = loaded.set.blind === true ? ' (blind)' : '';
  console.log(
    `${loaded.file}${blind}: ${almanac.questions} questions, ${almanac.answerable} answerable, ${almanac.unanswerable} to decline; packs in ${loaded.knowledge}`,
  );
  const beforeName = `before (${commit})`;
  console.log(
    `${''.padEnd(30)}${'Almanac'.padStart(9)}${beforeName.padStart(20)}${'plain fuse.js'.padStart(15)}`,
  );
  const row = (name: string, pick: (s: Scores) => number) =>
    console.log(
      `${name.padEnd(30)}${pct(pick(almanac)).padStart(9)}${(before ? pct(pick(before)) : 'n/a').padStart(20)}${pct(pick(fuse)).padStart(15)}`,
    );
  row('answered correctly', (s) => s.answeredAccuracy);
  row('declined correctly', (s) => s.declineAccuracy);
  row('wrong answers', (s) => s.wrongAnswerRate);
  row('did-you-mean held the fact', (s) => s.offeredCorrectly / Math.max(1, s.answerable));
  console.log(
    `${'right fact ranked first'.padEnd(30)}${pct(rankedFirst / Math.max(1, almanac.answerable)).padStart(9)}`,
  );
  if (listMisses && loaded.set.blind !== true && almanac.misses.length > 0) {
    console.log('\nAlmanac misses:');
    for (const { question, verdict } of almanac.misses) {
      const got =
        verdict.status === 'answered'
          ? verdict.factId
          : verdict.status === 'ambiguous'
            ? `ambiguous(${verdict.candidates.join(', ')})`
            : 'no-match';
      const expected = expectedFacts(question);
      console.log(
        `  [${question.kind}] ${question.q}  →  ${got}  (expected ${expected.length > 0 ? expected.join(' or ') : 'decline'})`,
      );
    }
  } else if (listMisses && loaded.set.blind === true) {
    console.log('\n(a blind set: its misses are not listed)');
  }
  console.log('');
}

try {
  const files = args.filter((a) => !a.startsWith('-'));
  const sets = files.length > 0 ? files : await listSets(root);
  const packCache = new Map();
  const engines = new Map<string, { engine: Engine; bare: Engine }>();
  const before = await readBefore();
  const results: SetScores[] = [];
  for (const file of sets) {
    const loaded = await loadSet(file, root, packCache);
    let built = engines.get(loaded.knowledge);
    if (!built) {
      built = { engine: engineFor(loaded.packs), bare: engineFor(loaded.packs.map(barePack)) };
      engines.set(loaded.knowledge, built);
    }
    const scores = scoreSet(loaded, built.engine, built.bare, before);
    results.push(scores);
    printSet(scores, before?.commit ?? 'not recorded');
  }
  if (results.length > 1) {
    // Every set's packs in one engine; each set asked of its own pack (when it has one).
    const everyPack = [...new Map(results.flatMap((r) => r.loaded.packs).map((p) => [p.id, p]))];
    const together = engineFor(everyPack.map(([, pack]) => pack));
    const asTogether = (r: SetScores): Scores | undefined => {
      const [only, ...more] = r.loaded.packs;
      if (!only || more.length > 0) return undefined;
      return score(r.loaded.set.questions, (q) => verdictOf(together.ask(q, { packId: only.id })));
    };
    console.log(
      `Answered right / declined right / wrong, per set (all packs loaded: the ${everyPack.length === 1 ? 'one pack' : `${everyPack.length} packs`} of these sets in one engine, each set asked of its own; bare packs: each cut to what the format requires):`,
    );
    const cell = (s: Scores | undefined) =>
      s
        ? `${pct(s.answeredAccuracy)} / ${pct(s.declineAccuracy)} / ${pct(s.wrongAnswerRate)}`
        : 'n/a';
    console.log(
      `${'set'.padEnd(36)}${'Almanac'.padEnd(25)}${'all packs loaded'.padEnd(25)}${'bare packs'.padEnd(25)}${'before'.padEnd(25)}${'plain fuse.js'}`,
    );
    for (const r of results) {
      const name = `${r.loaded.file.replace(`${EVAL_DIR}/`, '')}${r.loaded.set.blind ? ' (blind)' : ''}`;
      console.log(
        `${name.padEnd(36)}${cell(r.almanac).padEnd(25)}${cell(asTogether(r)).padEnd(25)}${cell(r.bare).padEnd(25)}${cell(r.before).padEnd(25)}${cell(r.fuse)}`,
      );
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
