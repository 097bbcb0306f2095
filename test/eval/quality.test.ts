import { beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../src/knowledge/schema.js';
import { plainFuseBaseline } from '../../src/eval/baseline.js';
import { score, type Scores } from '../../src/eval/evaluate.js';
import { listSets, loadSet, type LoadedSet } from '../../src/eval/sets.js';
import { verdictOf } from '../../src/eval/verdict.js';
import { engineFor } from '../../src/knowledge/engineFor.js';

/**
 * Each evaluation set's floors (see docs/EVALUATION.md): the least share of answerable
 * questions answered with the right fact, the least share of the others declined, the most
 * wrong answers over all questions. Set a little below what the engine measures, so a change
 * that loses ground on any set, blind or read, on the bundled topic or another, fails here.
 */
const FLOORS: Readonly<Record<string, { answered: number; declined: number; wrong: number }>> = {
  'test/eval/fifth-set.yaml': { answered: 0.71, declined: 0.95, wrong: 0.02 },
  'test/eval/heart-set.yaml': { answered: 0.63, declined: 0.88, wrong: 0.05 },
  'test/eval/french-revolution-set.yaml': { answered: 0.6, declined: 0.88, wrong: 0.06 },
  'test/eval/black-death-set.yaml': { answered: 0.53, declined: 0.93, wrong: 0.05 },
  'test/eval/water-cycle-set.yaml': { answered: 0.53, declined: 0.97, wrong: 0.02 },
  'test/eval/apollo-11-set.yaml': { answered: 0.61, declined: 0.84, wrong: 0.035 },
  'test/eval/photosynthesis-set.yaml': { answered: 0.66, declined: 0.94, wrong: 0.03 },
  'test/eval/cuban-missile-crisis-set.yaml': { answered: 0.43, declined: 0.95, wrong: 0.03 },
  'test/eval/plate-tectonics-set.yaml': { answered: 0.51, declined: 0.94, wrong: 0.05 },
  'test/eval/questions.yaml': { answered: 0.88, declined: 0.96, wrong: 0.01 },
  'test/eval/second-set.yaml': { answered: 0.83, declined: 0.95, wrong: 0.02 },
  'test/eval/third-set.yaml': { answered: 0.84, declined: 0.92, wrong: 0.03 },
  'test/eval/fourth-set.yaml': { answered: 0.89, declined: 0.97, wrong: 0.01 },
};

interface Scored {
  readonly loaded: LoadedSet;
  readonly almanac: Scores;
  readonly baseline: Scores;
}

const results: Scored[] = [];
beforeAll(async () => {
  const cache = new Map<string, Promise<readonly Pack[]>>();
  for (const file of await listSets('.')) {
    const loaded = await loadSet(file, '.', cache);
    const engine = engineFor(loaded.packs);
    results.push({
      loaded,
      almanac: score(loaded.set.questions, (q) => verdictOf(engine.ask(q))),
      baseline: score(loaded.set.questions, plainFuseBaseline(loaded.packs)),
    });
  }
  // Thirteen sets through the engine and through plain fuse.js: half a minute on a busy machine.
}, 180_000);

describe('answer quality on every evaluation set', () => {
  it('has floors for every set, and at least one blind set on another topic', () => {
    expect(results.map((r) => r.loaded.file).sort()).toEqual(Object.keys(FLOORS).sort());
    expect(
      results.some((r) => r.loaded.set.blind === true && r.loaded.knowledge !== 'knowledge'),
    ).toBe(true);
  });

  it('answers, declines and errs within each set’s floors', () => {
    const misses = results.flatMap(({ loaded, almanac }) => {
      const floor = FLOORS[loaded.file]!;
      const out: string[] = [];
      if (almanac.answeredAccuracy < floor.answered) {
        out.push(`${loaded.file}: answered ${almanac.answeredAccuracy} < ${floor.answered}`);
      }
      if (almanac.declineAccuracy < floor.declined) {
        out.push(`${loaded.file}: declined ${almanac.declineAccuracy} < ${floor.declined}`);
      }
      if (almanac.wrongAnswerRate > floor.wrong) {
        out.push(`${loaded.file}: wrong ${almanac.wrongAnswerRate} > ${floor.wrong}`);
      }
      return out;
    });
    expect(misses).toEqual([]);
  });

  it('declines more and states fewer wrong facts than plain fuse.js on every set', () => {
    for (const { loaded, almanac, baseline } of results) {
      expect(almanac.declineAccuracy, loaded.file).toBeGreaterThan(baseline.declineAccuracy);
      expect(almanac.wrongAnswerRate, loaded.file).toBeLessThan(baseline.wrongAnswerRate);
    }
  });
});
