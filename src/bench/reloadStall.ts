import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createKnowledgeService } from '../discord/reload.js';
import { engineStepsFor } from '../knowledge/engineFor.js';
import { writePacks } from './processes.js';
import { benchVocabulary, generateWorld } from './synthetic.js';

/**
 * `npm run bench:reload -- [--facts 10000] [--runs 3] [--seed 1]`: how long
 * `/almanac reload` keeps the event loop from anything else (an `/ask` arriving meanwhile) while
 * it rebuilds a large knowledge folder. Synthetic packs of `--facts` facts are written to a
 * temporary folder and served; one fact is edited on disk, then the folder is reloaded `--runs`
 * times under `monitorEventLoopDelay`. Prints the longest stall of each run and the time each
 * reload took, in milliseconds. Discord fails an interaction left unanswered for 3 s.
 */

const { values } = parseArgs({
  options: {
    facts: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
  },
});
const facts = Number(values.facts);
const runs = Number(values.runs);
const seed = Number(values.seed);
if (![facts, runs, seed].every(Number.isSafeInteger) || facts < 1 || runs < 1) {
  console.error('usage: reloadStall [--facts N] [--runs N] [--seed N] (whole numbers)');
  process.exit(2);
}

const world = generateWorld(benchVocabulary(), { seed, facts, unseen: 30 });
const dir = await mkdtemp(join(tmpdir(), 'almanac-reload-stall-'));
try {
  await writePacks(dir, world.packs);
  const first = world.packs[0];
  if (first) {
    // A reload that changes something, as after an author's edit.
    const path = join(dir, `${first.id}.yaml`);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace(/answer: /, 'answer: Edited. '));
  }
  let buildMs = 0;
  const service = createKnowledgeService({
    dir,
    packs: world.packs,
    build: function* (packs) {
      const started = performance.now();
      const engine = yield* engineStepsFor(packs);
      buildMs = performance.now() - started;
      return engine;
    },
  });
  console.log(`facts: ${facts} in ${world.packs.length} packs; node ${process.version}`);
  for (let run = 1; run <= runs; run++) {
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const started = performance.now();
    const outcome = await service.reload();
    const took = performance.now() - started;
    // The histogram learns of a stall when its timer fires after it: let it fire once more.
    await new Promise((done) => setTimeout(done, 20));
    delay.disable();
    const stall = delay.max / 1e6;
    console.log(
      `run ${run}: longest event-loop stall ${stall.toFixed(0)} ms (engine build ${buildMs.toFixed(0)} ms in slices); reload ${took.toFixed(0)} ms; ${
        outcome.ok ? `ok, ${outcome.facts} facts` : `failed: ${outcome.errors.length} problem(s)`
      }`,
    );
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
