import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  addAlternates,
  locateAlternates,
  PACK_YAML_PROBLEMS,
  snippetLines,
} from '../../src/inbox/packYaml.js';

const PACK = `# yaml-language-server: $schema=./schema.json
id: planets # a comment that must stay
facts:
  - id: mars-distance
    question: How far is Mars from the Sun?
    alternates:
      - mars distance # how far, casually
      - 'how far away is mars'

    answer: About 228 million km.
  - id: mars-moons
    question: How many moons does Mars have?
    alternates: [mars moons, moons of mars]
    answer: Two.
  - id: jupiter-moons
    question: How many moons does Jupiter have?
    alternates:
      [
        jupiter moons,
        moons of jupiter,
      ]
    answer: Dozens.
`;

/** The lines of `after` that are not in `before`, in order: what an edit added. */
function addedLines(before: string, after: string): string[] {
  const old = before.split('\n');
  const out: string[] = [];
  let i = 0;
  for (const line of after.split('\n')) {
    if (line === old[i]) i += 1;
    else out.push(line);
  }
  expect(i).toBe(old.length);
  return out;
}

const alternatesOf = (text: string, factId: string): unknown => {
  const data: unknown = parse(text);
  const facts: unknown[] =
    typeof data === 'object' && data !== null && 'facts' in data && Array.isArray(data.facts)
      ? data.facts
      : [];
  const fact = facts.find(
    (f): f is { alternates: unknown } =>
      typeof f === 'object' && f !== null && 'id' in f && f.id === factId && 'alternates' in f,
  );
  return fact?.alternates;
};

describe("adding alternates to a fact in a pack's YAML", () => {
  it('adds a line under a block list at its indentation, and changes nothing else', () => {
    const added = addAlternates(PACK, 'mars-distance', ['mars how far', '1972']);
    if (!added.ok) throw new Error(added.reason);
    expect(addedLines(PACK, added.text)).toEqual(['      - mars how far', '      - "1972"']);
    expect(alternatesOf(added.text, 'mars-distance')).toEqual([
      'mars distance',
      'how far away is mars',
      'mars how far',
      '1972',
    ]);
    expect(added.text).toContain('# a comment that must stay');
    expect(added.text).toContain('      - mars distance # how far, casually');
  });

  it('adds inside a flow list on one line, keeping it on one line', () => {
    const added = addAlternates(PACK, 'mars-moons', ['martian moons']);
    if (!added.ok) throw new Error(added.reason);
    expect(added.text).toContain('    alternates: [mars moons, moons of mars, martian moons]');
    expect(alternatesOf(added.text, 'mars-moons')).toEqual([
      'mars moons',
      'moons of mars',
      'martian moons',
    ]);
  });

  it('adds a line to a flow list written one item per line, trailing comma and all', () => {
    const added = addAlternates(PACK, 'jupiter-moons', ['jovian moons']);
    if (!added.ok) throw new Error(added.reason);
    expect(addedLines(PACK, added.text)).toEqual(['        jovian moons,']);
    expect(alternatesOf(added.text, 'jupiter-moons')).toEqual([
      'jupiter moons',
      'moons of jupiter',
      'jovian moons',
    ]);
  });

  it('shows the curator exactly the lines it would add, with unconfirmed ones commented out', () => {
    const located = locateAlternates(PACK, 'mars-distance');
    if (!located.ok) throw new Error(located.reason);
    expect(located.place.line).toBe(8);
    expect(located.place.phrasings).toEqual([
      'How far is Mars from the Sun?',
      'mars distance',
      'how far away is mars',
    ]);
    const added = addAlternates(PACK, 'mars-distance', ['mars how far']);
    if (!added.ok) throw new Error(added.reason);
    const snippet = snippetLines(located.place, ['mars how far'], ['red planet distance']);
    expect(snippet).toEqual(['      - mars how far', '      # - red planet distance']);
    expect(addedLines(PACK, added.text)).toEqual(snippet.slice(0, 1));
  });

  it('finds no fact by an id the pack does not have, and refuses a file that is not YAML', () => {
    expect(locateAlternates(PACK, 'venus-day')).toEqual({
      ok: false,
      code: 'no-fact',
      reason: PACK_YAML_PROBLEMS.noFact('venus-day'),
    });
    expect(addAlternates('facts: [oops', 'mars-moons', ['x'])).toMatchObject({
      ok: false,
      code: 'broken',
    });
  });

  it('leaves a list whose last item is a block scalar to the curator', () => {
    const text = 'facts:\n  - id: odd\n    alternates:\n      - one\n      - |\n        two\n';
    expect(addAlternates(text, 'odd', ['three'])).toMatchObject({ ok: false, code: 'odd-item' });
  });

  it('edits the bundled pack leaving every existing line as it was', () => {
    const text = readFileSync('knowledge/bhutto-soviet-visit-1972.yaml', 'utf8');
    const added = addAlternates(text, 'leaders-met', ['who did bhutto chat with']);
    if (!added.ok) throw new Error(added.reason);
    expect(addedLines(text, added.text)).toEqual(['      - who did bhutto chat with']);
  });
});
