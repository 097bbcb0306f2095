import { describe, expect, it } from 'vitest';
import { runTs } from '../support/spawn.js';

const CHECK_ANSWER = 'src/cli/checkAnswer.ts';

describe('check-answer --jsonl', () => {
  it('prints one line per input line, in order, without stopping on bad lines', async () => {
    const lines = [
      '{"answer": "2 March 1972", "given": "march 2nd 1972"}',
      '{"answer": "2 March 1972", "given": "2/3/1972"}',
      'not json at all',
      '{"answer": "Premier Alexei Kosygin", "given": "Kosigin"}\r',
      '',
      '{"answer": "China", "given": "India"}',
      '{"answer": "Kosygin"}',
      '["a", "list"]',
      '{"answer": "Soviet Union", "accept": ["USSR"], "given": "the U.S.S.R."}',
      `{"answer": "Kosygin", "given": "${'x'.repeat(10_000)}🙂\\u0000"}`,
    ];
    const run = await runTs(CHECK_ANSWER, ['--jsonl'], { input: `${lines.join('\n')}\n` });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      '{"verdict":"correct"}',
      '{"verdict":"close"}',
      '{"error":"the line is not JSON"}',
      '{"verdict":"correct"}',
      '{"error":"the line is not JSON"}',
      '{"verdict":"wrong"}',
      '{"error":"given must be a string"}',
      '{"error":"the line is not a JSON object"}',
      '{"verdict":"correct"}',
      '{"verdict":"wrong"}',
      '',
    ]);
  });

  it('echoes an id exactly as written, with a verdict or an error', async () => {
    const lines = [
      '{"id": "q-1", "answer": "1972", "given": "nineteen seventy-two"}',
      '{"id": 1.0, "answer": "1972", "given": "1971"}',
      '{"id": 12345678901234567890, "answer": 1972, "given": "1972"}',
      '{"answer": "Kosygin", "given": "Kosygin", "id": {"set": "blind", "n": [1, "}"]}}',
    ];
    const run = await runTs(CHECK_ANSWER, ['--jsonl'], { input: lines.join('\n') });
    expect(run.stdout.split('\n')).toEqual([
      '{"id":"q-1","verdict":"correct"}',
      '{"id":1.0,"verdict":"wrong"}',
      '{"id":12345678901234567890,"error":"answer must be a string"}',
      '{"id":{"set": "blind", "n": [1, "}"]},"verdict":"correct"}',
      '',
    ]);
  });

  it('ends lines at "\\n" only: a lone "\\r" stays inside its line', async () => {
    const input =
      '{"answer": "x", "given": "x"}\r{"answer": "x", "given": "x"}\n{"answer": "x", "given": "x"}\r\n';
    const run = await runTs(CHECK_ANSWER, ['--jsonl'], { input });
    expect(run.stdout).toBe('{"error":"the line is not JSON"}\n{"verdict":"correct"}\n');
  });
});

describe('check-answer --answer … --given …', () => {
  it('prints the verdict for one answer', async () => {
    const run = await runTs(CHECK_ANSWER, [
      '--answer',
      'Alexei Kosygin and Leonid Brezhnev',
      '--given',
      'Kosygin',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('close\n');
  });

  it('checks accepted alternatives too', async () => {
    const run = await runTs(CHECK_ANSWER, [
      '--answer',
      'Soviet Union',
      '--accept',
      'USSR',
      '--given',
      'ussr',
    ]);
    expect(run.stdout).toBe('correct\n');
  });
});

describe('check-answer with bad arguments', () => {
  it('exits 2 with the usage on an unknown flag', async () => {
    const run = await runTs(CHECK_ANSWER, ['--jsonl', '--strict']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown option '--strict'/);
    expect(run.stderr).toMatch(/Usage:/);
    expect(run.stdout).toBe('');
  });

  it('exits 2 with the usage when neither mode is asked for', async () => {
    const run = await runTs(CHECK_ANSWER, ['--answer', 'Kosygin']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Usage:/);
  });
});
