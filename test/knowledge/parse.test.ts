import { fc, test } from '@fast-check/vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPacks } from '../../src/knowledge/load.js';
import {
  decodePackBytes,
  MAX_PACK_BYTES,
  parsePackBytes,
  parsePackText,
} from '../../src/knowledge/parse.js';
import { formatProblem } from '../../src/knowledge/problem.js';

const TOO_BIG = `the file is larger than ${MAX_PACK_BYTES} bytes`;

describe('YAML syntax errors', () => {
  it.each([
    {
      what: 'a tab indent',
      text: 'id: a\nfacts:\n  - id: b\n\tquestion: x\n',
      line: 4,
      col: 1,
      message: 'YAML: Tabs are not allowed as indentation',
    },
    {
      what: 'a repeated key',
      text: 'id: a\ntitle: x\nid: b\n',
      line: 3,
      col: 1,
      message: 'YAML: Map keys must be unique',
    },
    {
      what: 'an unclosed quote',
      text: 'id: a\ntitle: "abc\nlanguage: en\n',
      line: 2,
      col: 8,
      message: 'YAML: Missing closing "quote',
    },
  ])(
    'return $what as a problem at its line and column, never thrown',
    ({ text, line, col, message }) => {
      const parsed = parsePackText('pack.yaml', text);
      expect(parsed.problems).toEqual([{ file: 'pack.yaml', line, col, message }]);
      expect(parsed.data).toBeUndefined();
    },
  );

  const yamlish = fc.oneof(
    fc.string({ maxLength: 2_000 }),
    fc
      .array(
        fc.constantFrom(
          'id:',
          'facts:',
          ' ',
          '  ',
          '\n',
          '\t',
          '- ',
          '&a ',
          '*a',
          '"',
          "'",
          '[',
          ']',
          '{',
          '}',
          ': ',
          '#',
          '|',
          '>',
          '<<: ',
          'x',
          '1',
        ),
        { maxLength: 200 },
      )
      .map((tokens) => tokens.join('')),
  );

  test.prop([yamlish])('never throw, whatever the text', (text) => {
    const parsed = parsePackText('pack.yaml', text);
    for (const problem of parsed.problems) {
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.col).toBeGreaterThanOrEqual(1);
    }
    expect(parsed.locate(['facts', 0, 'id']).line).toBeGreaterThanOrEqual(1);
  });
});

describe('positions', () => {
  it('locate a value by its path, or its nearest parent when the path is missing', () => {
    const parsed = parsePackText('pack.yaml', 'id: a\nfacts:\n  - id: b\n    related: [c, d]\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.locate(['facts', 0, 'related', 1])).toEqual({ line: 4, col: 18 });
    expect(parsed.locate(['facts', 0, 'answer'])).toEqual({ line: 3, col: 5 });
    expect(parsed.locate(['sources'])).toEqual({ line: 1, col: 1 });
  });
});

describe('the size cap', () => {
  it('refuses text over the cap before parsing, with a message', () => {
    const parsed = parsePackText('big.yaml', `# ${'x'.repeat(MAX_PACK_BYTES)}\n`);
    expect(parsed.data).toBeUndefined();
    expect(parsed.problems).toEqual([{ file: 'big.yaml', line: 1, col: 1, message: TOO_BIG }]);
  });

  it('counts bytes, not characters, so multi-byte text over the cap is refused too', () => {
    const text = `# ${'é'.repeat(MAX_PACK_BYTES / 2 + 1)}\n`;
    expect(text.length).toBeLessThanOrEqual(MAX_PACK_BYTES);
    expect(Buffer.byteLength(text)).toBeGreaterThan(MAX_PACK_BYTES);
    expect(parsePackText('big.yaml', text).problems).toEqual([
      { file: 'big.yaml', line: 1, col: 1, message: TOO_BIG },
    ]);
  });

  describe('when loading a folder', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'almanac-size-'));
      await writeFile(join(dir, 'big.yaml'), `# ${'x'.repeat(MAX_PACK_BYTES)}\n`);
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('refuses a pack file over the cap by name', async () => {
      const result = await loadPacks(dir, dir);
      expect(result.ok ? [] : result.errors.map(formatProblem)).toEqual([
        `big.yaml:1:1: ${TOO_BIG}`,
      ]);
    });
  });
});

describe('aliases', () => {
  /** Nine levels of nine aliases each: about 387 million strings once expanded. */
  const billionLaughs = [
    'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
    ...'bcdefghi'.split('').map((name, i) => {
      const previous = 'abcdefghi'[i] ?? 'a';
      return `${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(', ')}]`;
    }),
  ].join('\n');

  it('refuse an alias bomb quickly instead of expanding it', () => {
    const started = performance.now();
    const parsed = parsePackText('bomb.yaml', billionLaughs);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(parsed.data).toBeUndefined();
    expect(parsed.problems).toEqual([
      {
        file: 'bomb.yaml',
        line: 1,
        col: 1,
        message: 'YAML: Excessive alias count indicates a resource exhaustion attack',
      },
    ]);
  });

  it('still allow a few ordinary aliases', () => {
    const parsed = parsePackText('pack.yaml', 'tags: &t [a, b]\nmore: *t\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.data).toEqual({ tags: ['a', 'b'], more: ['a', 'b'] });
  });
});

describe('decoding a pack file', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
  const utf16be = (text: string) => utf16le(text).map((_, i, all) => all[i ^ 1]!);
  const notUtf8 = (looksLike: string) =>
    `the file is not UTF-8 text (looks like ${looksLike}): save it as UTF-8`;
  const PACK = 'id: cafe\ntitle: Café\n';

  it('reads UTF-8, and drops a UTF-8 byte order mark', () => {
    expect(decodePackBytes(utf8(PACK))).toEqual({ ok: true, text: PACK });
    expect(decodePackBytes(utf8(`\uFEFF${PACK}`))).toEqual({ ok: true, text: PACK });
  });

  it.each([
    [
      'UTF-16 with a little-endian byte order mark',
      utf16le(`\uFEFF${PACK}`),
      'UTF-16, little-endian',
    ],
    ['UTF-16 with a big-endian byte order mark', utf16be(`\uFEFF${PACK}`), 'UTF-16, big-endian'],
    ['UTF-16 without a byte order mark, by its NUL bytes', utf16le(PACK), 'UTF-16, little-endian'],
    ['big-endian UTF-16 without a byte order mark', utf16be(PACK), 'UTF-16, big-endian'],
    [
      'UTF-32 with a byte order mark',
      new Uint8Array([0xff, 0xfe, 0, 0, 0x69, 0, 0, 0]),
      'UTF-32, little-endian',
    ],
  ])('refuses %s, saying so at the start of the file', (_, bytes, looksLike) => {
    expect(decodePackBytes(bytes)).toEqual({
      ok: false,
      message: notUtf8(looksLike),
      line: 1,
      col: 1,
    });
  });

  it('refuses Latin-1 at the first byte UTF-8 does not allow, instead of serving U+FFFD', () => {
    const bytes = new Uint8Array(Buffer.from('id: cafe\ntitle: Café\n', 'latin1'));
    expect(decodePackBytes(bytes)).toEqual({
      ok: false,
      message: notUtf8('Latin-1 or Windows-1252'),
      line: 2,
      col: 11,
    });
  });

  it('counts the column in characters, after a byte order mark', () => {
    const bytes = Buffer.concat([Buffer.from('\uFEFFé: '), Buffer.from([0xe9])]);
    expect(decodePackBytes(bytes)).toMatchObject({ ok: false, line: 1, col: 4 });
  });

  it('calls bytes full of control characters binary data', () => {
    const bytes = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0xff, 0x03, 0x04]);
    expect(decodePackBytes(bytes)).toEqual({
      ok: false,
      message: notUtf8('binary data'),
      line: 1,
      col: 8,
    });
  });

  test.prop([fc.uint8Array({ maxLength: 600 })])(
    'never throws: bytes decode to exactly their text, or come back as a problem',
    (bytes) => {
      const decoded = decodePackBytes(bytes);
      if (decoded.ok) {
        const again = Buffer.from(decoded.text, 'utf8');
        const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
        expect(again.equals(Buffer.from(bytes.subarray(bom)))).toBe(true);
      } else {
        expect(decoded.message).toMatch(/^the file is not UTF-8 text \(looks like .+\)/);
        expect(decoded.line).toBeGreaterThanOrEqual(1);
        expect(decoded.col).toBeGreaterThanOrEqual(1);
      }
    },
  );

  it('parses bytes to the same file as their text, and refuses bytes over the cap unread', () => {
    const text = 'id: a\ntags: [b]\n';
    expect(parsePackBytes('pack.yaml', utf8(text)).data).toEqual(
      parsePackText('pack.yaml', text).data,
    );
    expect(parsePackBytes('big.yaml', new Uint8Array(MAX_PACK_BYTES + 1)).problems).toEqual([
      { file: 'big.yaml', line: 1, col: 1, message: TOO_BIG },
    ]);
  });
});
