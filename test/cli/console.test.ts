import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../src/cli/console.js';
import { createEngine } from '../../src/engine/engine.js';
import type { Engine } from '../../src/engine/types.js';
import { bundledPacks } from '../support/packs.js';
import { runTs } from '../support/spawn.js';
import { english } from '../../src/engine/lang/en/index.js';

let engine: Engine;
beforeAll(async () => {
  engine = createEngine(await bundledPacks(), { language: english });
});

async function chat(lines: readonly string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.setEncoding('utf8').on('data', (d: string) => (text += d));
  const done = runConsole({ engine, input, output, random: () => 0, prompt: false });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return text;
}

describe('the console chat', () => {
  it('answers a question with its source and numbered follow-ups', async () => {
    const text = await chat(['when did bhutto go to moscow']);
    expect(text).toMatch(/2 March until 5 March 1972/);
    expect(text).toMatch(/Source: Wikipedia/);
    expect(text).toMatch(/Follow up:\n {2}1\. /);
  });

  it('answers the follow-up a number picks', async () => {
    const first = engine.ask('when did bhutto go to moscow');
    if (first.status !== 'answered') throw new Error('expected an answer');
    const text = await chat(['when did bhutto go to moscow', '1']);
    const picked = engine.fact(first.followUps[0]!.factId)!.fact;
    expect(text).toContain(picked.answer.slice(0, 40));
  });

  it('asks to pick a valid number', async () => {
    expect(await chat(['7'])).toMatch(/nothing to pick from yet/);
    expect(await chat(['when did bhutto go to moscow', '9'])).toMatch(/Pick a number from 1 to/);
  });

  it('lists topics, shows a random fact, cites a fact by id and helps', async () => {
    const text = await chat([
      '/topics',
      '/random',
      '/source trade-growth',
      '/source nope',
      '/help',
      '/nope',
    ]);
    expect(text).toMatch(
      /Bhutto's 1972 visit to the Soviet Union \(bhutto-soviet-visit-1972\): 26 facts/,
    );
    expect(text).toContain(engine.facts()[0]!.fact.answer.slice(0, 40));
    expect(text).toMatch(/Lead, paragraph 4/);
    expect(text).toMatch(/No fact has the id "nope"/);
    expect(text).toMatch(/\/quit/);
    expect(text).toMatch(/Unknown command "\/nope"/);
  });

  it('stops at /quit and says goodbye', async () => {
    const text = await chat(['/quit', 'when did bhutto go to moscow']);
    expect(text).toMatch(/Bye\.\n$/);
    expect(text).not.toMatch(/2 March/);
  });
});

describe('npm start without a token', () => {
  it('opens the console over the bundled knowledge, answers from standard input and leaves at its end', async () => {
    const run = await runTs('src/main.ts', [], {
      input: 'when did bhutto go to moscow\n',
      env: { DISCORD_TOKEN: '' },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Almanac: 26 facts from 1 pack\(s\)/);
    expect(run.stdout).toMatch(/2 March until 5 March 1972/);
    expect(run.stdout).toMatch(/Bye\.\n$/);
    expect(run.stdout).not.toContain(`${String.fromCharCode(27)}[`);
  });
});
