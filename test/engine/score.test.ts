import { describe, expect, it } from 'vitest';
import { benchVocabulary, generateCorpus } from '../../src/bench/synthetic.js';
import { analyze } from '../../src/engine/analyze.js';
import { buildIndex } from '../../src/engine/index.js';
import { createScratch, scoreFacts } from '../../src/engine/score.js';

describe('scoreFacts with keep', () => {
  const corpus = generateCorpus(benchVocabulary(), {
    seed: 3,
    facts: 2_000,
    answerable: 150,
    unanswerable: 150,
    warmUp: 0,
    prefixes: 0,
  });
  const index = buildIndex(corpus.world.packs);
  const scratch = createScratch(index);
  const all = () => true;

  it('returns the leading part of the whole ranking: the best `top` and all above `floor`', () => {
    let cut = 0;
    for (const { text } of corpus.questions) {
      const analysis = analyze(text, index.synonyms, index.speller);
      const whole = scoreFacts(index, analysis, scratch, all);
      for (const keep of [
        { top: 4, floor: 0.5 },
        { top: 32, floor: 0.5 },
        { top: 1, floor: 0.01 },
      ]) {
        const kept = scoreFacts(index, analysis, scratch, all, keep);
        expect(kept).toEqual(whole.slice(0, kept.length));
        expect(kept.length).toBeGreaterThanOrEqual(Math.min(keep.top, whole.length));
        expect(whole.slice(kept.length).every((s) => s.score < keep.floor)).toBe(true);
        if (kept.length < whole.length) cut++;
      }
    }
    // The questions do reach facts beyond what is kept.
    expect(cut).toBeGreaterThan(0);
  });
});
