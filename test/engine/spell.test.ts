import { describe, expect, it } from 'vitest';
import { buildSpellIndex, editDistance } from '../../src/engine/spell.js';

const speller = buildSpellIndex(
  new Map([
    ['bhutto', 5],
    ['moscow', 4],
    ['soviet', 6],
    ['brezhnev', 2],
    ['kosygin', 2],
    ['trade', 3],
    ['grade', 1],
  ]),
);

describe('typo correction', () => {
  it.each([
    ['bhuto', 'bhutto'],
    ['moskow', 'moscow'],
    ['soveit', 'soviet'],
    ['breznev', 'brezhnev'],
    ['kosigin', 'kosygin'],
    ['oscow', 'moscow'],
  ])('reads %j as %j', (typed, expected) => {
    expect(speller.correct(typed)).toBe(expected);
  });

  it('keeps known words as they are', () => {
    expect(speller.correct('grade')).toBe('grade');
  });

  it('does not guess for short words or words too far from any it knows', () => {
    expect(speller.correct('tra')).toBeUndefined();
    expect(speller.correct('photosynthesis')).toBeUndefined();
    expect(speller.correct('xhuto')).toBeUndefined();
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('soveit', 'soviet', 2)).toBe(1);
    expect(editDistance('moscow', 'moskow', 2)).toBe(1);
  });
});
