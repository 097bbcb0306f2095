import { describe, expect, it } from 'vitest';
import { barePack } from '../../src/eval/bare.js';
import { MIN_ALTERNATES, packSchema } from '../../src/knowledge/schema.js';
import { fixturePacks } from '../support/packs.js';

describe('a bare pack', () => {
  it('keeps only what the pack format requires, and is still a valid pack', async () => {
    const [pack] = await fixturePacks('photosynthesis');
    const bare = barePack(pack!);
    expect(bare.facts.map((f) => f.id)).toEqual(pack!.facts.map((f) => f.id));
    expect(Object.keys(bare.synonyms)).toEqual([]);
    expect(bare.entities).toEqual([]);
    for (const [i, fact] of bare.facts.entries()) {
      const full = pack!.facts[i]!;
      expect(fact.question).toBe(full.question);
      expect(fact.answer).toBe(full.answer);
      expect(fact.source).toEqual(full.source);
      expect(fact.alternates).toEqual(full.alternates.slice(0, MIN_ALTERNATES));
      expect([fact.keywords, fact.related, fact.tags, fact.trivia]).toEqual([[], [], [], []]);
    }
    expect(packSchema.safeParse(bare).success).toBe(true);
  });
});
