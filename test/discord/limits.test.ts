import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  DISCORD_LIMITS,
  ELLIPSIS,
  embedLength,
  fitEmbed,
  fitEmbeds,
  truncate,
} from '../../src/discord/limits.js';

describe('truncate', () => {
  it('leaves text that fits alone', () => {
    expect(truncate('short enough', 12)).toBe('short enough');
  });

  it('cuts text that does not fit and ends it with an ellipsis', () => {
    const cut = truncate('a'.repeat(300), 256);
    expect(cut).toHaveLength(256);
    expect(cut.endsWith(ELLIPSIS)).toBe(true);
  });

  it('cuts between words when a space is near the end', () => {
    expect(truncate('the talks took place in Moscow in March', 30)).toBe(
      'the talks took place in…',
    );
  });

  it('never splits an emoji, a flag or an emoji sequence', () => {
    const family = '👨‍👩‍👧‍👦';
    const text = `${'x'.repeat(10)}${family}${family}🇵🇰🇵🇰`;
    for (let max = 1; max <= text.length; max++) {
      const cut = truncate(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.replace(ELLIPSIS, '')).toBe(text.slice(0, cut.replace(ELLIPSIS, '').length));
      expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
  });

  test.prop([fc.string({ unit: 'grapheme', maxLength: 400 }), fc.integer({ min: 0, max: 300 })])(
    'never returns more than it was allowed',
    (text, max) => {
      expect(truncate(text, max).length).toBeLessThanOrEqual(max);
    },
  );
});

describe('fitEmbed', () => {
  it('cuts a 5,000-character description to 4,096 with an ellipsis', () => {
    const fitted = fitEmbed({ title: 'Q', description: 'word '.repeat(1000) });
    expect(fitted.description?.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(fitted.description?.endsWith(ELLIPSIS)).toBe(true);
  });

  it('keeps the whole embed within 6,000 characters, shortening the description first', () => {
    const fitted = fitEmbed({
      title: 't'.repeat(300),
      description: 'd'.repeat(5000),
      fields: Array.from({ length: 3 }, (_, i) => ({ name: `f${i}`, value: 'v'.repeat(1100) })),
      footer: { text: 'f'.repeat(2100) },
    });
    expect(embedLength(fitted)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    expect(fitted.title).toHaveLength(DISCORD_LIMITS.embedTitle);
    expect(fitted.fields?.map((f) => f.value.length)).toEqual([1024, 1024, 1024]);
  });

  it('drops fields from the end when their names alone are too many', () => {
    const fitted = fitEmbed({
      fields: Array.from({ length: 30 }, () => ({ name: 'n'.repeat(256), value: 'v' })),
    });
    expect(fitted.fields?.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields);
    expect(embedLength(fitted)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  });

  it('shares the 6,000 characters across the embeds of one message', () => {
    const embeds = fitEmbeds(Array.from({ length: 12 }, () => ({ description: 'x'.repeat(4000) })));
    expect(embeds).toHaveLength(DISCORD_LIMITS.embedsPerMessage);
    expect(embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
  });

  test.prop([
    fc.record({
      title: fc.string({ maxLength: 400 }),
      description: fc.string({ maxLength: 6000 }),
      fields: fc.array(
        fc.record({
          name: fc.string({ minLength: 1, maxLength: 300 }),
          value: fc.string({ minLength: 1, maxLength: 1500 }),
        }),
        { maxLength: 30 },
      ),
      footer: fc.record({ text: fc.string({ maxLength: 2500 }) }),
    }),
  ])('fits any embed within every limit', (embed) => {
    const fitted = fitEmbed(embed);
    expect(embedLength(fitted)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    expect(fitted.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
    expect(fitted.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(fitted.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedFooter);
    for (const field of fitted.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedFieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedFieldValue);
    }
  });
});
