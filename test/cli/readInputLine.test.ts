import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  INPUT_LINE_ERRORS,
  jsonLineWithId,
  readInputLine,
  splitLines,
  writtenMember,
} from '../../src/cli/readInputLine.js';

async function collect(chunks: readonly string[]): Promise<string[]> {
  async function* source() {
    yield* chunks;
  }
  const lines: string[] = [];
  for await (const line of splitLines(source())) lines.push(line);
  return lines;
}

describe('splitLines', () => {
  it('ends lines at "\\n" only, dropping a "\\r" just before it', async () => {
    expect(await collect(['a\rb\nc\r\nd\u2028e\n'])).toEqual(['a\rb', 'c', 'd\u2028e']);
  });

  it('keeps a last line without "\\n", an empty line, and nothing for empty input', async () => {
    expect(await collect(['one\n\ntwo'])).toEqual(['one', '', 'two']);
    expect(await collect([])).toEqual([]);
    expect(await collect([''])).toEqual([]);
  });

  it('drops a byte order mark at the very start only', async () => {
    expect(await collect(['', '\uFEFFa\n\uFEFFb\n'])).toEqual(['a', '\uFEFFb']);
  });

  /** A line as written: no "\n" inside, and no byte order mark to be taken for the stream's. */
  const line = fc
    .string({ unit: 'grapheme', maxLength: 30 })
    .map((l) => l.replaceAll('\n', ' ').replaceAll('\uFEFF', ''));
  test.prop([fc.array(line, { maxLength: 12 }), fc.nat()])(
    'gives the same lines however the text is cut into chunks',
    async (lines, seed) => {
      const text = lines.map((l) => `${l}\n`).join('');
      const cut = seed % (text.length + 1);
      expect(await collect([text.slice(0, cut), text.slice(cut)])).toEqual(
        lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)),
      );
    },
  );
});

describe('writtenMember', () => {
  it.each([
    ['{"id": 12345678901234567890, "q": "x"}', '12345678901234567890'],
    ['{"id":1e309}', '1e309'],
    ['{ "id" : 1.50 , "id": -0 }', '-0'],
    ['{"a": {"id": 1}, "b": [1, "}"], "id": "q-\\"1\\""}', '"q-\\"1\\""'],
    ['{"\\u0069d": "escaped key"}', '"escaped key"'],
    ['{"note": "no id"}', undefined],
  ])('finds the id of %s exactly as written', (json, written) => {
    expect(writtenMember(json, 'id')).toBe(written);
  });

  const member = fc.tuple(
    fc.constantFrom('id', 'q', 'question', 'x', '\u0069d'),
    fc.jsonValue({ maxDepth: 3 }),
  );
  test.prop([fc.array(member, { maxLength: 6 }), fc.constantFrom('', ' ', '\t', ' \r ')])(
    'gives text that parses to the member JSON.parse reads, the last of its name',
    (members, space) => {
      const json = `{${members
        .map(([k, v]) => `${space}${JSON.stringify(k)}${space}:${space}${JSON.stringify(v)}`)
        .join(',')}${space}}`;
      const value: unknown = JSON.parse(json);
      if (typeof value !== 'object' || value === null) throw new Error('not an object');
      const parsed = new Map<string, unknown>(Object.entries(value));
      const written = writtenMember(json, 'id');
      if (!parsed.has('id')) expect(written).toBeUndefined();
      else expect(JSON.parse(written ?? 'undefined')).toEqual(parsed.get('id'));
    },
  );
});

describe('readInputLine', () => {
  it.each([
    [
      'plain text',
      'when did bhutto go to moscow',
      { kind: 'question', question: 'when did bhutto go to moscow' },
    ],
    ['a number', '1972', { kind: 'question', question: '1972' }],
    ['broken JSON', '{curly} question', { kind: 'question', question: '{curly} question' }],
    ['a JSON list', '["a"]', { kind: 'question', question: '["a"]' }],
    ['a JSON string', '"who was kosygin"', { kind: 'question', question: 'who was kosygin' }],
    [
      'an object with a question and an id',
      '{"id": 7, "q": "x"}',
      { kind: 'question', question: 'x', id: '7' },
    ],
    [
      'an object with a large id',
      '{"id": 12345678901234567890, "text": "x"}',
      { kind: 'question', question: 'x', id: '12345678901234567890' },
    ],
    [
      'an object whose question is not a string',
      '{"id": "a", "question": 5}',
      { kind: 'error', error: INPUT_LINE_ERRORS.questionType('question', 'a number'), id: '"a"' },
    ],
    [
      'an object whose first question field is null, though a later one is text',
      '{"question": null, "q": "x"}',
      { kind: 'error', error: INPUT_LINE_ERRORS.questionType('question', 'null') },
    ],
    [
      'an object without a question',
      '{"id": 1.0, "note": "none"}',
      { kind: 'error', error: INPUT_LINE_ERRORS.noQuestion, id: '1.0' },
    ],
    [
      'an object whose id is neither a string nor a number',
      '{"id": [1], "q": "x"}',
      { kind: 'error', error: INPUT_LINE_ERRORS.idType('a list') },
    ],
  ])('reads %s', (_, line, expected) => {
    expect(readInputLine(line)).toEqual(expected);
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 200 })])(
    'never throws, whatever the line',
    (line) => {
      const input = readInputLine(line);
      const out = jsonLineWithId(
        input.id,
        input.kind === 'error' ? { error: input.error } : { question: input.question },
      );
      expect(() => JSON.parse(out)).not.toThrow();
    },
  );
});

describe('jsonLineWithId', () => {
  it('leads the object with the id as written, or leaves it out', () => {
    expect(jsonLineWithId('1e309', { error: 'x' })).toBe('{"id":1e309,"error":"x"}');
    expect(jsonLineWithId(undefined, { error: 'x' })).toBe('{"error":"x"}');
  });
});
