import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { escapeForTerminal, formatProblem } from '../../src/knowledge/problem.js';

/** What a terminal acts on: C0 and C1 controls, separators and bidirectional overrides. */
const ACTIVE = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

describe('escapeForTerminal', () => {
  it.each([
    ['an escape sequence that retitles the window', 'a\x1b]0;pwned\x07b', 'a\\x1b]0;pwned\\x07b'],
    ['a newline, a carriage return and a tab', 'a\nb\rc\td', 'a\\nb\\rc\\td'],
    ['a C1 control (CSI)', 'x\u009b2J', 'x\\x9b2J'],
    ['DEL and NUL', '\x7f\0', '\\x7f\\x00'],
    ['a right-to-left override', 'abc\u202edcba', 'abc\\u202edcba'],
    ['a line separator', 'a\u2028b', 'a\\u2028b'],
  ])('writes %s as escapes', (_, text, escaped) => {
    expect(escapeForTerminal(text)).toBe(escaped);
  });

  it('leaves ordinary text alone: accents, emoji with joiners, backslashes', () => {
    const text = 'Café 👩‍🚀 C:\\packs\\x.yaml "quoted"';
    expect(escapeForTerminal(text)).toBe(text);
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 300 })])(
    'leaves nothing a terminal acts on, and changes nothing when run again',
    (text) => {
      const escaped = escapeForTerminal(text);
      expect(escaped).not.toMatch(ACTIVE);
      expect(escapeForTerminal(escaped)).toBe(escaped);
    },
  );
});

describe('formatProblem', () => {
  it('escapes pack text in the fact id, the message and the file name, keeping one line', () => {
    const line = formatProblem({
      file: 'knowledge/\x1b[31mred.yaml',
      line: 3,
      col: 9,
      factId: 'evil\x1b]0;title\x07',
      message: 'id: "evil\x1b]0;title\x07\nnext" is not kebab-case',
    });
    expect(line).toBe(
      'knowledge/\\x1b[31mred.yaml:3:9 evil\\x1b]0;title\\x07: id: "evil\\x1b]0;title\\x07\\nnext" is not kebab-case',
    );
  });
});
