import { describe, expect, it } from 'vitest';
import { runTs } from '../support/spawn.js';

const ASK = 'src/cli/ask.ts';

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
    // An object without a question is taken as the text it is, and declined.
    expect(out[3]).toMatchObject({ question: lines[3], status: 'no-match' });
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
