import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACK_FILE_PROBLEMS } from '../../src/knowledge/parse.js';
import { runTs } from '../support/spawn.js';

const VALID_PACK = 'test/fixtures/knowledge/valid/moon.yaml';

/** A line of a Node stack trace. */
const STACK_LINE = /^ {4}at /m;

/** A control character (ESC, BEL…): no output line may hold one. */
const CONTROL = /\p{Cc}/u;

/**
 * A knowledge folder as a real file system can leave it: a good pack beside a link loop, a
 * folder named like a pack, a named pipe, a link to /dev/zero, a Latin-1 file and a UTF-16 one.
 */
let odd: string;
/** A folder whose one pack gives a fact an id holding a terminal escape sequence. */
let escape: string;

beforeAll(async () => {
  odd = await mkdtemp(join(tmpdir(), 'almanac-odd-'));
  await copyFile(VALID_PACK, join(odd, 'moon.yaml'));
  await symlink('loop.yaml', join(odd, 'loop.yaml'));
  await mkdir(join(odd, 'x.yaml'));
  execFileSync('mkfifo', [join(odd, 'pipe.yaml')]);
  await symlink('/dev/zero', join(odd, 'zero.yaml'));
  const text = await readFile(VALID_PACK, 'utf8');
  await writeFile(join(odd, 'latin1.yaml'), Buffer.from(text.replace('Moon', 'Lune à'), 'latin1'));
  await writeFile(join(odd, 'utf16.yaml'), Buffer.from(`\uFEFF${text}`, 'utf16le'));

  escape = await mkdtemp(join(tmpdir(), 'almanac-escape-'));
  await writeFile(
    join(escape, 'evil.yaml'),
    text.replace('- id: moon-distance', '- id: "moon\\e]0;pwned\\a"'),
  );
});
afterAll(async () => {
  await rm(odd, { recursive: true, force: true });
  await rm(escape, { recursive: true, force: true });
});

/** The problem lines expected for the odd folder, its files named as seen from `cwd`. */
function oddProblems(cwd: string): string[] {
  const at = (name: string) => relative(cwd, join(odd, name));
  return [
    `${at('latin1.yaml')}:2:17: ${PACK_FILE_PROBLEMS.notUtf8('Latin-1 or Windows-1252')}`,
    `${at('loop.yaml')}:1:1: ${PACK_FILE_PROBLEMS.linkLoop}`,
    `${at('pipe.yaml')}:1:1: ${PACK_FILE_PROBLEMS.fifo}`,
    `${at('utf16.yaml')}:1:1: ${PACK_FILE_PROBLEMS.notUtf8('UTF-16, little-endian')}`,
    `${at('x.yaml')}:1:1: ${PACK_FILE_PROBLEMS.folder}`,
    `${at('zero.yaml')}:1:1: ${PACK_FILE_PROBLEMS.device}`,
  ];
}

describe('npm run validate on a folder a real file system left odd', () => {
  it('prints one error line per odd file, by name, and exits 1 without a stack trace or a hang', async () => {
    const run = await runTs('src/cli/validate.ts', [odd]);
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('error: '));
    expect(errors).toEqual(oddProblems(process.cwd()).map((line) => `error: ${line}`));
    expect(run.stdout).toMatch(/^6 error\(s\), \d+ warning\(s\)$/m);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
  });

  it('escapes a terminal escape sequence in a fact id instead of printing it', async () => {
    const run = await runTs('src/cli/validate.ts', [escape]);
    expect(run.stdout.replaceAll('\n', '')).not.toMatch(CONTROL);
    expect(run.stdout.split('\n')[0]).toBe(
      `error: ${relative(process.cwd(), join(escape, 'evil.yaml'))}:16:9 moon\\x1b]0;pwned\\x07: id: a fact id must be kebab-case (lowercase letters, digits and hyphens)`,
    );
    expect(run.code).toBe(1);
  });
});

describe.each([
  ['ask', 'src/cli/ask.ts', ['who was kosygin']],
  ['npm start', 'src/main.ts', []],
])('%s at start-up over the odd folder', (_, entry, args) => {
  it('stops with the problem lines and exit 1, never a stack trace or a hang', async () => {
    const run = await runTs(entry, args, { env: { KNOWLEDGE_DIR: odd } });
    expect(run.stderr).toBe(
      `The knowledge packs in ${odd} have 6 problem(s):\n${oddProblems(process.cwd())
        .map((line) => `  ${line}\n`)
        .join('')}`,
    );
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(1);
  });
});
