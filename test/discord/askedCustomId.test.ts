import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  answeredFactOf,
  encodeLinkedCustomId,
  parseAskButton,
  questionIdOf,
  questionKey,
} from '../../src/discord/components/askedCustomId.js';
import { splitCustomId } from '../../src/discord/components/customId.js';
import { COMPONENT_AREAS, claimComponent } from '../../src/discord/components/index.js';
import { DISCORD_LIMITS } from '../../src/discord/limits.js';
import { renderAlternatives, renderAskResult } from '../../src/discord/render/answer.js';
import type { ReplyPayload } from '../../src/discord/render/payload.js';
import { TEXT } from '../../src/discord/render/text.js';
import { ambiguous, answered, candidate, declined, ref } from './builders.js';

const parse = (raw: string) => {
  const parts = splitCustomId(raw);
  return parts ? parseAskButton(parts) : undefined;
};
const ids = (payload: ReplyPayload) =>
  payload.components.flatMap((row) => row.components.map((b) => b.custom_id));

describe('buttons tied to a recorded question', () => {
  it('carry the question as a short base-36 key, never its text', () => {
    expect(questionKey(71)).toBe('1z');
    expect(questionIdOf('1z')).toBe(71);
    expect(questionKey(0)).toBeUndefined();
    expect(questionIdOf('0')).toBeUndefined();
    expect(questionIdOf('NOT-A-KEY')).toBeUndefined();
  });

  it('write a pick as ask:pick:<question>,<fact> and read it back', () => {
    const raw = encodeLinkedCustomId({
      area: 'ask',
      action: 'pick',
      questionId: 71,
      factId: 'visit-dates',
    });
    expect(raw).toBe('ask:pick:1z,visit-dates');
    expect(parse(raw ?? '')).toEqual({
      area: 'ask',
      action: 'pick',
      questionId: 71,
      factId: 'visit-dates',
    });
  });

  it('write "Not what I asked" with the answered fact first, dropping alternatives past 100 characters', () => {
    const long = (n: number) => `${String.fromCharCode(97 + n)}${'x'.repeat(39)}`;
    const raw = encodeLinkedCustomId({
      area: 'ask',
      action: 'other',
      questionId: Number.MAX_SAFE_INTEGER,
      factId: 'visit-dates',
      alternatives: [long(0), long(1), long(2)],
    });
    expect(raw?.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
    expect(raw?.startsWith(`ask:other:${Number.MAX_SAFE_INTEGER.toString(36)},visit-dates,`)).toBe(
      true,
    );
    expect(answeredFactOf(['ask:fact:x', raw ?? ''])).toBe('visit-dates');
  });

  it('are claimed by the ask area, a pick counting toward the cooldown as a question', () => {
    expect(claimComponent('ask:pick:1z,visit-dates', COMPONENT_AREAS)?.countsAsQuestion).toBe(true);
    expect(claimComponent('ask:other:1z,visit-dates', COMPONENT_AREAS)?.countsAsQuestion).toBe(
      false,
    );
    for (const raw of ['ask:pick:1z', 'ask:pick:1z,a,b', 'ask:pick:,a', 'ask:other:1z,Bad_Id']) {
      expect(claimComponent(raw, COMPONENT_AREAS)).toBeUndefined();
    }
  });

  test.prop([
    fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    fc.stringMatching(/^[a-z0-9]{1,60}$/),
  ])('round-trip for any question id and fact id that fit', (questionId, factId) => {
    const raw = encodeLinkedCustomId({ area: 'ask', action: 'pick', questionId, factId });
    if (raw === undefined) return;
    expect(raw.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
    expect(parse(raw)).toEqual({ area: 'ask', action: 'pick', questionId, factId });
  });
});

describe('a reply to a recorded question', () => {
  it('ties its "did you mean" buttons to the question', () => {
    const result = ambiguous([candidate('bhutto-role'), candidate('visit-purpose')]);
    expect(ids(renderAskResult(result, { surface: 'message', questionId: 7 }))).toEqual([
      'ask:pick:7,bhutto-role',
      'ask:pick:7,visit-purpose',
    ]);
    // Nothing recorded: the plain buttons, which work the same.
    expect(ids(renderAskResult(result, { surface: 'message' }))).toEqual([
      'ask:fact:bhutto-role',
      'ask:fact:visit-purpose',
    ]);
  });

  it('ties a decline\'s suggestions and an answer\'s "Not what I asked" to it, not its follow-ups', () => {
    const suggested = declined('boiling point of tungsten', [ref('visit-dates')]);
    expect(ids(renderAskResult(suggested, { surface: 'message', questionId: 36 }))).toEqual([
      'ask:pick:10,visit-dates',
    ]);
    const answer = answered();
    const buttons = ids(renderAskResult(answer, { surface: 'message', questionId: 36 }));
    expect(buttons.filter((id) => id.startsWith('ask:fact:'))).toHaveLength(
      answer.status === 'answered' ? answer.followUps.length : 0,
    );
    expect(buttons.at(-1)).toMatch(/^ask:other:10,visit-dates/);
  });

  it('answers "Not what I asked" with alternatives that record which fact was meant, and says it was noted', () => {
    const reply = renderAlternatives(ref('visit-dates'), [ref('bhutto-role')], {
      questionId: 36,
      noted: true,
    });
    expect(ids(reply)).toEqual(['ask:pick:10,bhutto-role']);
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds[0]?.description).toContain(TEXT.notWhatIAskedNoted);
    expect(renderAlternatives(ref('visit-dates'), []).content).toBe(TEXT.noAlternatives);
  });
});
