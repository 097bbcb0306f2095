import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../src/cli/console.js';
import { createQuestionRecorder } from '../../src/inbox/recorder.js';
import { createEngine } from '../../src/engine/engine.js';
import type { Engine } from '../../src/engine/types.js';
import type { Store } from '../../src/store/types.js';
import { manualClock, type ManualClock } from '../support/manualClock.js';
import { createMemoryStore } from '../support/memoryStore.js';
import { T0 } from '../support/trivia.js';
import { bundledPacks } from '../support/packs.js';
import { runTs } from '../support/spawn.js';
import { english } from '../../src/knowledge/languages.js';

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

describe('the question log, from the console', () => {
  it('records a miss with no server, channel or asker, and the fact then picked by number', async () => {
    const store = createMemoryStore();
    const clock = manualClock(T0);
    const questions = createQuestionRecorder({
      store,
      clock,
      logger: { warn: () => undefined, info: () => undefined, debug: () => undefined },
      settings: { record: true, askers: true, retentionDays: 90 },
    });
    const input = new PassThrough();
    const output = new PassThrough().setEncoding('utf8');
    output.resume();
    const done = runConsole({ engine, input, output, random: () => 0, prompt: false, questions });
    input.end('what is the capital of france\n1\nwhen did bhutto go to moscow\n');
    await done;
    const miss = store.getQuestion(1)!;
    expect(miss).toMatchObject({
      status: 'declined',
      guildId: null,
      channelId: null,
      userId: null,
      question: 'what is the capital of france',
    });
    expect(miss.pickedFactId).toEqual(expect.any(String));
    expect(store.getQuestion(2)).toMatchObject({ status: 'answered', factId: 'visit-dates' });
    const report = store.missReport({ guildId: null, since: 0, groups: 5, questionsPerGroup: 5 });
    expect(report.misses).toBe(1);
  });
});

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

describe('the console chat on a terminal', () => {
  const UP = '\u001b[A';
  const settle = async () => {
    for (let i = 0; i < 20; i += 1) await new Promise((done) => setImmediate(done));
  };

  /** A terminal session: keys are typed as a person types them; output is read without escapes. */
  function terminal(options: { store?: Store; clock?: ManualClock; stop?: AbortSignal } = {}) {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.setEncoding('utf8').on('data', (d: string) => (text += d));
    const done = runConsole({
      engine,
      input,
      output,
      random: () => 0.42,
      prompt: true,
      terminal: true,
      ...options,
    });
    return {
      done,
      async keys(keys: string) {
        input.write(keys);
        await settle();
      },
      text: () => stripVTControlCharacters(text),
      end: () => input.end(),
    };
  }

  it('recalls the previous question with the Up arrow, and answers it again', async () => {
    const session = terminal();
    await session.keys('when did bhutto go to moscow\r');
    await session.keys(`${UP}\r`);
    session.end();
    await session.done;
    expect(session.text().match(/2 March until 5 March 1972/g)).toHaveLength(2);
    expect(session.text()).not.toContain('^[[A');
  });

  it('edits the line being typed: a character rubbed out is not asked', async () => {
    const session = terminal();
    await session.keys('/topicsx\u007f\r');
    session.end();
    await session.done;
    expect(session.text()).toMatch(/\(bhutto-soviet-visit-1972\): 26 facts/);
    expect(session.text()).not.toMatch(/Unknown command/);
  });

  it('leaves on Ctrl+C, as on /quit', async () => {
    const session = terminal();
    await session.keys('\u0003');
    await session.done;
    expect(session.text()).toMatch(/Bye\.\n$/);
  });

  it('prints a trivia countdown above the line being typed, and keeps that line', async () => {
    const clock = manualClock(T0);
    const session = terminal({ store: createMemoryStore(), clock });
    await session.keys('/trivia 1 open 20s\r');
    await session.keys('Mosc');
    const before = session.text().length;
    clock.advance(10_000);
    await settle();
    const after = session.text().slice(before);
    expect(after).toMatch(/⏱ 10 seconds left\n\(10s\) > Mosc$/);
    session.end();
    await session.done;
  });
});

describe('the console chat, stopped by a signal', () => {
  it('says goodbye and resolves when its stop signal is aborted, though the input is still open', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.setEncoding('utf8').on('data', (d: string) => (text += d));
    const stop = new AbortController();
    const done = runConsole({
      engine,
      input,
      output,
      random: () => 0,
      prompt: true,
      stop: stop.signal,
    });
    input.write('when did bhutto go to moscow\n');
    await new Promise((wait) => setImmediate(wait));
    stop.abort();
    await done;
    expect(text).toMatch(/2 March until 5 March 1972/);
    expect(text).toMatch(/> \nBye\.\n$/);
  });
});
