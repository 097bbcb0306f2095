import { describe, expect, it } from 'vitest';
import { INPUT_LINE_ERRORS } from '../../src/cli/readInputLine.js';
import { runTs } from '../support/spawn.js';

const ASK = 'src/cli/ask.ts';

/** The objects of a `--jsonl` output, one per line. */
function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>); // the contract: one object a line
}

describe('ask "question"', () => {
  it('prints the answer, its source and numbered follow-ups, as the console does', async () => {
    const run = await runTs(ASK, ['when did bhutto go to moscow']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/2 March/);
    expect(run.stdout).toMatch(
      /Source: Wikipedia, "1972 visit by Zulfikar Ali Bhutto to the Soviet Union", Lead, paragraph 4/,
    );
    expect(run.stdout).toMatch(/https:\/\/en\.wikipedia\.org\/wiki\//);
    expect(run.stdout).toMatch(/Follow up:\n {2}1\. /);
  });

  it('says plainly when the packs do not cover a question', async () => {
    const run = await runTs(ASK, ['what is the capital of france']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/do not cover that/);
  });

  it('rejects an unknown pack with the list of packs', async () => {
    const run = await runTs(ASK, ['--pack', 'nope', 'hello']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/No pack has the id "nope"\. Packs: bhutto-soviet-visit-1972/);
  });
});

describe('ask --json', () => {
  it('prints the result object of the public contract', async () => {
    const run = await runTs(ASK, ['--json', 'who did bhutto meet in moscow']);
    expect(run.code).toBe(0);
    const result: unknown = JSON.parse(run.stdout);
    expect(result).toEqual({
      question: 'who did bhutto meet in moscow',
      status: 'answered',
      answer: expect.stringMatching(/Kosygin/),
      factId: 'leaders-met',
      confidence: expect.any(Number),
      source: {
        title: '1972 visit by Zulfikar Ali Bhutto to the Soviet Union',
        publisher: 'Wikipedia',
        url: 'https://en.wikipedia.org/wiki/1972_visit_by_Zulfikar_Ali_Bhutto_to_the_Soviet_Union',
        section: 'Lead',
        paragraph: 1,
      },
      followUps: expect.arrayContaining([
        { factId: 'alexei-kosygin', question: expect.any(String) },
      ]),
      candidates: [],
      suggestions: [],
    });
  });
});

describe('ask --jsonl', () => {
  it('answers every line in order, one JSON object per line, without stopping on bad lines', async () => {
    const lines = [
      'when did bhutto go to moscow',
      '',
      'x'.repeat(10_000),
      '🙂🎉 moscow 🙂',
      'h̸̡̪̯ͨ͊̽̅̾̎e̬̩̾͛ͪ̈́̀́͘l̡̛̖l̨o zalgo',
      'nul\0byte',
      'what is the capital of france',
      'who was kosygin',
    ];
    const run = await runTs(ASK, ['--jsonl'], { input: `${lines.join('\n')}\n` });
    expect(run.code).toBe(0);
    const out = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(lines.length);
    out.forEach((o, i) => {
      expect(o.question).toBe(lines[i]);
      expect(Object.keys(o).sort()).toEqual([
        'answer',
        'candidates',
        'confidence',
        'factId',
        'followUps',
        'question',
        'source',
        'status',
        'suggestions',
      ]);
      expect(['answered', 'ambiguous', 'no-match']).toContain(o.status);
    });
    expect(out[0]).toMatchObject({ status: 'answered', factId: 'visit-dates' });
    expect(out[1]).toMatchObject({ status: 'no-match', factId: null, answer: null, source: null });
    expect(out[6]).toMatchObject({ status: 'no-match', candidates: [] });
    // A decline offers the near misses, or the packs' key questions, as suggestions.
    const suggestions = out[6]!.suggestions as { factId: string; confidence: number }[];
    expect(suggestions.length).toBeGreaterThan(0);
    for (const s of suggestions)
      expect(s).toEqual({
        factId: expect.any(String),
        question: expect.any(String),
        confidence: expect.any(Number),
      });
    expect(out[7]).toMatchObject({ status: 'answered', factId: 'alexei-kosygin' });
  });

  it('reads a line written as JSON for its question, and echoes its id', async () => {
    const lines = [
      '{"id": 7, "question": "when did bhutto go to moscow"}',
      '"who was kosygin"',
      '{"q": "how much did trade grow"}',
      '{"note": "no question here"}',
    ];
    const run = await runTs(ASK, ['--jsonl'], { input: `${lines.join('\n')}\n` });
    const out = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out[0]).toMatchObject({
      id: 7,
      question: 'when did bhutto go to moscow',
      factId: 'visit-dates',
    });
    expect(out[1]).toMatchObject({ question: 'who was kosygin', factId: 'alexei-kosygin' });
    expect(out[2]).toMatchObject({ factId: 'trade-growth' });
    expect(out[2]).not.toHaveProperty('id');
    // An object without a question is an error, not a question.
    expect(out[3]).toEqual({ error: INPUT_LINE_ERRORS.noQuestion });
  });

  it('ends lines at "\\n" only: a lone "\\r" stays inside its line', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => (i === 5 ? 'who was\rkosygin' : `q${i}`));
    const run = await runTs(ASK, ['--jsonl'], { input: `${lines.join('\r\n')}\r\n` });
    expect(run.code).toBe(0);
    const out = jsonLines(run.stdout);
    expect(out.map((o) => o.question)).toEqual(lines);
  });

  it('echoes an id exactly as written, however large or precise', async () => {
    const ids = [
      '12345678901234567890',
      '1e309',
      '1.0',
      '-0',
      '"q-\\u0031"',
      '0.1000000000000000055511',
    ];
    const run = await runTs(ASK, ['--jsonl'], {
      input: ids.map((id) => `{"id": ${id}, "q": "who was kosygin"}\n`).join(''),
    });
    expect(run.code).toBe(0);
    const out = run.stdout.trimEnd().split('\n');
    expect(out.map((line) => line.slice(0, line.indexOf(',"question"')))).toEqual(
      ids.map((id) => `{"id":${id}`),
    );
    for (const line of out) expect(JSON.parse(line)).toMatchObject({ factId: 'alexei-kosygin' });
  });

  it('answers a JSON line that is not a question with an error object on its own line', async () => {
    const lines = [
      '{"id": 1, "question": 5}',
      '{"id": "b", "text": ["when", "did", "bhutto", "go"]}',
      '{"id": 12345678901234567890}',
      '{"id": {"run": 1}, "q": "x"}',
      'who was kosygin',
    ];
    const run = await runTs(ASK, ['--jsonl'], { input: `${lines.join('\n')}\n` });
    expect(run.code).toBe(0);
    const out = run.stdout.trimEnd().split('\n');
    expect(out.slice(0, 4)).toEqual([
      `{"id":1,"error":${JSON.stringify(INPUT_LINE_ERRORS.questionType('question', 'a number'))}}`,
      `{"id":"b","error":${JSON.stringify(INPUT_LINE_ERRORS.questionType('text', 'a list'))}}`,
      `{"id":12345678901234567890,"error":${JSON.stringify(INPUT_LINE_ERRORS.noQuestion)}}`,
      `{"error":${JSON.stringify(INPUT_LINE_ERRORS.idType('an object'))}}`,
    ]);
    expect(JSON.parse(out[4]!)).toMatchObject({ factId: 'alexei-kosygin' });
  });

  it('limits answers to a pack or a tag', async () => {
    const run = await runTs(ASK, ['--jsonl', '--tag', 'economy'], {
      input: 'when did bhutto go to moscow\nhow much did trade grow\n',
    });
    const [first, second] = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { factId: string | null });
    expect(first?.factId).not.toBe('visit-dates');
    expect(second?.factId).toBe('trade-growth');
  });
});

describe('ask with flags that do not go together', () => {
  it.each([
    [['--json', '--jsonl', 'x'], /^--json and --jsonl cannot be used together/],
    [['--jsonl', 'x'], /^--jsonl reads its questions from standard input/],
    [[], /^Give a question to ask\./],
  ])(
    'exits 2 with a message and the usage for %j, printing nothing else',
    async (args, message) => {
      const run = await runTs(ASK, args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toMatch(/Usage:/);
    },
  );
});

describe('ask limited to a tag', () => {
  it('exits 2 and lists the tags there are when no fact has the tag', async () => {
    const run = await runTs(ASK, ['--tag', 'nosuchtag', 'trade figures']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^No fact has the tag "nosuchtag"\. Tags: .*\beconomy\b/);
  });

  it('names the pack when the tag is missing from the pack it is limited to', async () => {
    const run = await runTs(ASK, [
      '--jsonl',
      '--pack',
      'bhutto-soviet-visit-1972',
      '--tag',
      'nope',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^No fact of the pack "bhutto-soviet-visit-1972" has the tag "nope"\. Tags: /,
    );
  });
});

describe('a decline printed by ask', () => {
  it('does not send the reader to /topics, which only the console has', async () => {
    const run = await runTs(ASK, ['what is the capital of france']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/do not cover that/);
    expect(run.stdout).not.toMatch(/\/topics/);
  });
});

describe('a broken configuration', () => {
  it('names the variable and why, without a stack trace', async () => {
    const run = await runTs(ASK, ['hello'], { env: { LOG_LEVEL: 'loud' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/LOG_LEVEL must be one of/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a missing knowledge folder', async () => {
    const run = await runTs(ASK, ['hello'], { env: { KNOWLEDGE_DIR: 'no/such/dir' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/the knowledge folder does not exist/);
  });
});
