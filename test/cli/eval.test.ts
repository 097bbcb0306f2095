import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACK_FILE_PROBLEMS } from '../../src/knowledge/parse.js';
import { runTs } from '../support/spawn.js';

const EVAL = 'src/cli/eval.ts';

/** A line of a Node stack trace. */
const STACK_LINE = /^ {4}at /m;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'almanac-eval-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes a one-question set asked against `knowledge`, expecting `expect`; returns its path. */
async function writeSet(name: string, knowledge: string, expected: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(
    path,
    `knowledge: ${knowledge}\nquestions:\n  - q: how far is the moon\n    expect: ${expected}\n    kind: direct\n`,
  );
  return path;
}

describe('npm run eval', () => {
  it('prints its usage for --help and exits 0', async () => {
    const run = await runTs(EVAL, ['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run eval/);
    expect(run.stderr).toBe('');
  });

  it('sums several sets up side by side, also asked with every set’s packs loaded together and of bare packs', async () => {
    const knowledge = join(dir, 'one-pack');
    await mkdir(knowledge);
    await copyFile('test/fixtures/knowledge/valid/moon.yaml', join(knowledge, 'moon.yaml'));
    const folder = relative(process.cwd(), knowledge);
    const answerable = await writeSet('near.yaml', folder, 'moon-distance');
    const declined = await writeSet('far.yaml', folder, 'decline');
    const run = await runTs(EVAL, [answerable, declined]);
    expect(run.code).toBe(0);
    const summary = run.stdout.slice(run.stdout.indexOf('Answered right / declined right'));
    expect(summary).toMatch(/all packs loaded: the one pack of these sets in one engine/);
    const rows = summary.split('\n').filter((line) => /\.yaml/.test(line));
    expect(rows).toHaveLength(2);
    expect(summary).toMatch(/bare packs: each cut to what the format requires/);
    // Almanac, all packs loaded, bare packs and plain fuse.js (no recorded "before" here).
    for (const row of rows) expect(row.match(/\d+\.\d% \/ \d+\.\d% \/ \d+\.\d%/g)).toHaveLength(4);
    // One pack in all: asked with every pack loaded, each set scores as it does alone.
    for (const row of rows) {
      const [almanac, together] = row.match(/\d+\.\d% \/ \d+\.\d% \/ \d+\.\d%/g) ?? [];
      expect(together).toBe(almanac);
    }
  });

  it('says no set can be read at a path where there is none, and exits 1', async () => {
    const run = await runTs(EVAL, ['no/such/set.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('no/such/set.yaml: no evaluation set can be read there\n');
  });

  it('names the question whose expect names no fact of its packs, and exits 1', async () => {
    const set = await writeSet('typo.yaml', 'test/fixtures/knowledge/valid', 'moon-distanse');
    const run = await runTs(EVAL, [set]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `${relative(process.cwd(), set)}: questions[0] expects "moon-distanse", which no fact of test/fixtures/knowledge/valid has\n`,
    );
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('reports a set whose packs sit beside a named pipe with the problem line, without hanging', async () => {
    const knowledge = join(dir, 'odd-packs');
    await mkdir(knowledge);
    await copyFile('test/fixtures/knowledge/valid/moon.yaml', join(knowledge, 'moon.yaml'));
    execFileSync('mkfifo', [join(knowledge, 'pipe.yaml')]);
    const folder = relative(process.cwd(), knowledge);
    const run = await runTs(EVAL, [await writeSet('odd.yaml', folder, 'moon-distance')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `${folder}: the packs have problems:\n  ${join(folder, 'pipe.yaml')}:1:1: ${PACK_FILE_PROBLEMS.fifo}\n`,
    );
  });
});
