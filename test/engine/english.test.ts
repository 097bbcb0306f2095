import { describe, expect, it } from 'vitest';
import { englishCount, EVERYDAY_FLOOR, specificity } from '../../src/engine/english.js';

describe('everyday English word weights', () => {
  it('knows how often common words are used', () => {
    expect(englishCount('the')).toBeGreaterThan(1_000_000);
    expect(englishCount('photosynthesis')).toBeGreaterThan(0);
    expect(englishCount('kosygin')).toBe(0);
  });

  it('weighs everyday words at the floor and names or rare words fully', () => {
    expect(specificity('work')).toBe(EVERYDAY_FLOOR);
    expect(specificity('kosygin')).toBe(1);
    expect(specificity('photosynthesis')).toBeGreaterThan(0.9);
    expect(specificity('moscow')).toBeGreaterThan(specificity('visit'));
  });
});
