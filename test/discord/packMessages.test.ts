import { describe, expect, it } from 'vitest';
import {
  createAssembler,
  FACTS_PER_MESSAGE,
  isWorkerMessage,
  piecesOf,
  type WorkerMessage,
} from '../../src/discord/packMessages.js';
import type { ValidationResult } from '../../src/knowledge/validate.js';
import { buildFact, buildPack } from './builders.js';

const factsNamed = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => buildFact({ id: `${prefix}-${i}` }));

const large: ValidationResult = {
  ok: true,
  packs: [
    buildPack({ id: 'first', facts: factsNamed('first', FACTS_PER_MESSAGE * 2 + 7) }),
    buildPack({ id: 'second', facts: factsNamed('second', 3) }),
  ],
  warnings: [{ file: 'knowledge/first.yaml', line: 1, col: 1, message: 'a warning' }],
};

function assembleAll(pieces: Iterable<WorkerMessage>): ValidationResult | undefined {
  const add = createAssembler();
  let whole: ValidationResult | undefined;
  for (const piece of pieces) {
    expect(whole).toBeUndefined();
    whole = add(piece);
  }
  return whole;
}

describe('the pack worker’s result in pieces', () => {
  it('comes in pieces of at most a slice of facts, and goes back together exactly', () => {
    const pieces = [...piecesOf(large)];
    // The result without facts, three slices of the first pack, one of the second, the end.
    expect(pieces.map((piece) => piece.kind)).toEqual([
      'result',
      'facts',
      'facts',
      'facts',
      'facts',
      'end',
    ]);
    for (const piece of pieces) {
      expect(isWorkerMessage(piece)).toBe(true);
      if (piece.kind === 'facts') expect(piece.facts.length).toBeLessThanOrEqual(FACTS_PER_MESSAGE);
    }
    expect(assembleAll(structuredClone(pieces))).toEqual(large);
  });

  it('comes in one piece when the packs did not validate', () => {
    const broken: ValidationResult = {
      ok: false,
      errors: [{ file: 'knowledge/x.yaml', line: 2, col: 1, message: 'facts: is required' }],
      warnings: [],
    };
    const pieces = [...piecesOf(broken)];
    expect(pieces).toHaveLength(1);
    expect(assembleAll(pieces)).toEqual(broken);
  });

  it('refuses pieces out of order and messages of another shape', () => {
    const [head, facts] = [...piecesOf(large)];
    expect(() => createAssembler()(facts!)).toThrow(/before its result/);
    const add = createAssembler();
    add(head!);
    expect(() => add(head!)).toThrow(/second result/);
    expect(() => add({ kind: 'facts', pack: 9, facts: [] })).toThrow(/never sent/);
    for (const junk of [null, 'next', { kind: 'facts', pack: 'a', facts: [] }, { kind: 'other' }]) {
      expect(isWorkerMessage(junk)).toBe(false);
    }
  });
});
