import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = 'node_modules/tsx/dist/cli.mjs';
const FIXTURES = 'test/fixtures/knowledge';

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `npm run validate <dir>` the way npm does, from the repository root. */
function validate(dir: string): Run {
  const env = { ...process.env };
  delete env.KNOWLEDGE_DIR;
  const { status, stdout, stderr } = spawnSync(
    process.execPath,
    [TSX, 'src/cli/validate.ts', dir],
    { cwd: ROOT, env, encoding: 'utf8', timeout: 25_000 },
  );
  return { status, stdout, stderr };
}

/** A line of a Node stack trace. */
const STACK_LINE = /^ {4}at /m;

describe('npm run validate', () => {
  it('exits 0 with an ok line for the bundled knowledge folder', () => {
    const run = validate('knowledge');
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      /^ok: \d+ pack\(s\), \d+ facts, \d+ trivia items, \d+ warning\(s\)$/m,
    );
    expect(run.status).toBe(0);
  });

  it('exits 1 and prints one file:line:col fact-id: message line per error', () => {
    const run = validate(`${FIXTURES}/many-errors`);
    const file = `${FIXTURES}/many-errors/pack.yaml`;
    const lines = run.stdout.split('\n').filter((line) => !line.startsWith('warning: '));
    expect(lines).toEqual([
      `error: ${file}:22:31 planet-count: related: no fact has the id "dwarf-planets"`,
      `error: ${file}:27:36 planet-count: trivia[0].distractors: "nine" is listed twice`,
      `error: ${file}:36:64 largest-planet: source.paragraph: Planets has 4 paragraphs, not 5`,
      '',
      expect.stringMatching(/^3 error\(s\), \d+ warning\(s\)$/),
      '',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
  });

  it.each([
    ['broken YAML', 'yaml-syntax'],
    ['a schema error', 'schema-missing-field'],
    ['a missing folder', 'no-such-folder'],
  ])('reports %s as problems without a stack trace', (_, folder) => {
    const run = validate(`${FIXTURES}/${folder}`);
    expect(run.stdout).toMatch(
      new RegExp(`^error: ${FIXTURES}/${folder}(?:/pack\\.yaml)?:\\d+:\\d+`, 'm'),
    );
    expect(run.stdout).not.toMatch(STACK_LINE);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
  });
});
