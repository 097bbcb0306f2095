import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { COMPONENT_AREAS, claimComponent } from '../../src/discord/components/index.js';
import {
  decodeTriviaCustomId,
  encodeTriviaCustomId,
  type TriviaCustomId,
} from '../../src/discord/components/triviaCustomId.js';

const kebab = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,12}$/), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join('-'));

const gameId = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
const question = fc.integer({ min: 0, max: 49 });

const triviaId: fc.Arbitrary<TriviaCustomId> = fc.oneof(
  fc.record({
    area: fc.constant('trivia' as const),
    action: fc.constant('pick' as const),
    gameId,
    question,
    option: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({
    area: fc.constant('trivia' as const),
    action: fc.constantFrom('open' as const, 'typed' as const),
    gameId,
    question,
  }),
  fc.record({
    area: fc.constant('trivia' as const),
    action: fc.constant('play' as const),
    offer: fc.record({
      questions: fc.integer({ min: 1, max: 50 }),
      mode: fc.constantFrom('choice' as const, 'open' as const),
      seconds: fc.integer({ min: 5, max: 120 }),
      thread: fc.boolean(),
      seed: fc.integer({ min: 0, max: 0xffff_ffff }),
      topic: fc.option(kebab, { nil: null }),
    }),
  }),
);

describe('the trivia custom ids', () => {
  it('write an answer button as trivia:pick:<game>,<question>,<option>', () => {
    expect(
      encodeTriviaCustomId({ area: 'trivia', action: 'pick', gameId: 42, question: 3, option: 1 }),
    ).toBe('trivia:pick:42,3,1');
    expect(encodeTriviaCustomId({ area: 'trivia', action: 'open', gameId: 42, question: 3 })).toBe(
      'trivia:open:42,3',
    );
  });

  test.prop([triviaId])('round-trip every id they write, within 100 characters', (id) => {
    const raw = encodeTriviaCustomId(id);
    if (raw === undefined) {
      // Only an offer whose topic is too long to carry is refused.
      expect(id.action).toBe('play');
      return;
    }
    expect(raw.length).toBeLessThanOrEqual(100);
    expect(decodeTriviaCustomId(raw)).toEqual(id);
  });

  it('claim nothing they did not write', () => {
    for (const raw of [
      'trivia:pick:1,2',
      'trivia:pick:1,2,3,4',
      'trivia:pick:01,2,3',
      'trivia:pick:-1,2,3',
      'trivia:open:1,2,3',
      'trivia:typed:1',
      'trivia:zap:1,2',
      'trivia:play:3,x,20,0,1,',
      'trivia:play:3,c,20,2,1,',
      'trivia:play:3,c,20,0,1,Not-Kebab',
      'ask:pick:1,2,3',
    ]) {
      expect(decodeTriviaCustomId(raw)).toBeUndefined();
    }
  });

  it('belong to the trivia area of the registry, and answering is not a question for the cooldown', () => {
    for (const raw of ['trivia:pick:1,0,2', 'trivia:open:1,0', 'trivia:typed:1,0']) {
      expect(claimComponent(raw, COMPONENT_AREAS)).toMatchObject({
        area: 'trivia',
        countsAsQuestion: false,
      });
    }
    expect(claimComponent('trivia:typed:1,0', COMPONENT_AREAS)?.modal).toBeDefined();
    expect(claimComponent('trivia:pick:1,0,2', COMPONENT_AREAS)?.button).toBeDefined();
  });
});
