import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { kthLargest, orderByKey, orderByText } from '../../src/engine/order.js';

const byComparison = (texts: readonly string[]) =>
  [...texts.keys()].sort((a, b) => {
    const x = texts[a]!;
    const y = texts[b]!;
    return x < y ? -1 : x > y ? 1 : a - b;
  });

test.prop([
  fc.array(
    fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
      fc.constantFrom('\u0000', 'a\u0000', '\uffff', 'a\uffff\u0000'),
      fc.constantFrom('what was the', 'what was', 'what', '', 'when did', 'é', 'what was the a'),
    ),
    { maxLength: 200 },
  ),
])('orderByText orders like a comparison sort, ties by position', (texts) => {
  expect([...orderByText(texts)]).toEqual(byComparison(texts));
});

test.prop([fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 300 })])(
  'orderByKey orders by key, ties by position',
  (keys) => {
    const expected = [...keys.keys()].sort((a, b) => keys[a]! - keys[b]! || a - b);
    expect([...orderByKey(Uint32Array.from(keys))]).toEqual(expected);
  },
);

test.prop([
  fc.array(
    fc.double({ noNaN: true }).map((x) => x + 0),
    { maxLength: 100 },
  ),
  fc.nat({ max: 110 }),
])('kthLargest is the k-th of the values sorted from the largest', (values, k) => {
  const sorted = [...values].sort((a, b) => b - a);
  const expected = k >= 1 && k <= values.length ? sorted[k - 1] : -Infinity;
  expect(kthLargest(values, k)).toBe(expected);
});
