import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { answeredFactId } from '../../src/discord/components/context.js';
import {
  decodeCustomId,
  encodeCustomId,
  joinCustomId,
  splitCustomId,
} from '../../src/discord/components/customId.js';
import { COMPONENT_AREAS, claimComponent } from '../../src/discord/components/index.js';

const factId = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,12}$/), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join('-'));

describe('the custom id codec', () => {
  it('writes a fact button as area:action:state', () => {
    expect(encodeCustomId({ area: 'ask', action: 'fact', factId: 'visit-dates' })).toBe(
      'ask:fact:visit-dates',
    );
  });

  it('puts the answered fact first on "Not what I asked", then its alternatives', () => {
    const raw = encodeCustomId({
      area: 'ask',
      action: 'more',
      factId: 'visit-dates',
      alternatives: ['bhutto-role', 'visit-location'],
    });
    expect(raw).toBe('ask:more:visit-dates,bhutto-role,visit-location');
    expect(decodeCustomId(raw ?? '')).toEqual({
      area: 'ask',
      action: 'more',
      factId: 'visit-dates',
      alternatives: ['bhutto-role', 'visit-location'],
    });
  });

  it('drops alternatives that would take it past 100 characters, never the answered fact', () => {
    const long = 'a'.repeat(40);
    const raw = encodeCustomId({
      area: 'ask',
      action: 'more',
      factId: 'visit-dates',
      alternatives: [`${long}-1`, `${long}-2`, `${long}-3`],
    });
    expect(raw).toBe(`ask:more:visit-dates,${long}-1`);
  });

  it('refuses ids it cannot carry: too long, or not kebab-case', () => {
    expect(encodeCustomId({ area: 'ask', action: 'fact', factId: 'x'.repeat(95) })).toBeUndefined();
    expect(encodeCustomId({ area: 'ask', action: 'fact', factId: 'Not:Kebab' })).toBeUndefined();
  });

  it('does not claim custom ids it did not write', () => {
    for (const raw of [
      '',
      'trivia:answer:1',
      'ask:fact:',
      'ask:fact:a:b',
      'ask:zap:a',
      'ask:fact:a,b',
      'ask:fact:UPPER',
    ]) {
      expect(decodeCustomId(raw)).toBeUndefined();
    }
  });

  test.prop([factId, fc.array(factId, { maxLength: 5 })])(
    'round-trips every id it encodes, within 100 characters',
    (id, alternatives) => {
      const fact = encodeCustomId({ area: 'ask', action: 'fact', factId: id });
      if (fact !== undefined) {
        expect(fact.length).toBeLessThanOrEqual(100);
        expect(decodeCustomId(fact)).toEqual({ area: 'ask', action: 'fact', factId: id });
      }
      const more = encodeCustomId({ area: 'ask', action: 'more', factId: id, alternatives });
      if (more !== undefined) {
        expect(more.length).toBeLessThanOrEqual(100);
        const decoded = decodeCustomId(more);
        expect(decoded?.factId).toBe(id);
        expect(
          decoded &&
            'alternatives' in decoded &&
            decoded.alternatives.every((a) => alternatives.includes(a)),
        ).toBe(true);
      }
    },
  );
});

describe('recovering what an earlier answer answered', () => {
  it('reads the answered fact from the "Not what I asked" button', () => {
    expect(answeredFactId(['ask:fact:visit-location', 'ask:more:visit-dates,bhutto-role'])).toBe(
      'visit-dates',
    );
  });

  it('finds nothing on a "did you mean", which answered nothing', () => {
    expect(answeredFactId(['ask:fact:visit-dates', 'ask:fact:bhutto-role'])).toBeUndefined();
  });
});

describe('the registry of custom-id areas', () => {
  it('reads every custom id as area:action:state, and nothing longer than 100 characters', () => {
    expect(splitCustomId('ask:fact:visit-dates')).toEqual({
      area: 'ask',
      action: 'fact',
      state: 'visit-dates',
    });
    for (const raw of ['', 'ask:fact', 'ask:fact:a:b', ':fact:a', `ask:fact:${'a'.repeat(92)}`]) {
      expect(splitCustomId(raw)).toBeUndefined();
    }
    expect(joinCustomId({ area: 'ask', action: 'fact', state: 'a:b' })).toBeUndefined();
  });

  it('hands an ask button to the ask area, which counts answering a fact as a question', () => {
    expect(claimComponent('ask:fact:visit-dates', COMPONENT_AREAS)).toMatchObject({
      area: 'ask',
      countsAsQuestion: true,
    });
    expect(claimComponent('ask:more:visit-dates', COMPONENT_AREAS)).toMatchObject({
      area: 'ask',
      countsAsQuestion: false,
    });
  });

  it('claims no custom id that no area wrote', () => {
    for (const raw of ['stand-in-button', 'poll:vote:1', 'ask:zap:a', 'ask:fact:UPPER']) {
      expect(claimComponent(raw, COMPONENT_AREAS)).toBeUndefined();
    }
  });
});
