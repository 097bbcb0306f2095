import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../src/cli/console.js';
import { createEngine } from '../../src/engine/engine.js';
import { english } from '../../src/knowledge/languages.js';
import type { Engine } from '../../src/engine/types.js';
import type { Pack } from '../../src/knowledge/schema.js';
import type { Store } from '../../src/store/types.js';
import { manualClock, type ManualClock } from '../support/manualClock.js';
import { createMemoryStore } from '../support/memoryStore.js';
import { bundledPacks } from '../support/packs.js';
import { T0 } from '../support/trivia.js';

let packs: Pack[];
let engine: Engine;
beforeAll(async () => {
  packs = await bundledPacks();
  engine = createEngine(packs, { language: english });
});

/** Lets the console read what was typed and answer it. */
const settle = async () => {
  for (let i = 0; i < 20; i += 1) await new Promise((done) => setImmediate(done));
};

interface LiveConsole {
  readonly clock: ManualClock;
  readonly store: Store;
  /** Everything printed so far. */
  output(): string;
  /** Everything printed since the last call. */
  fresh(): string;
  type(line: string): Promise<string>;
  /** Ends the input; resolves when the console has said goodbye. */
  end(): Promise<string>;
}

/**
 * A console session that is typed into line by line, on a manual clock and a memory store; its
 * greeting is read already.
 */
async function liveConsole(store: Store = createMemoryStore()): Promise<LiveConsole> {
  const input = new PassThrough();
  const output = new PassThrough();
  const clock = manualClock(T0);
  let text = '';
  let seen = 0;
  output.setEncoding('utf8').on('data', (d: string) => (text += d));
  const done = runConsole({
    engine,
    input,
    output,
    random: () => 0.42,
    prompt: false,
    store,
    clock,
    playerName: 'Ada',
  });
  const fresh = () => {
    const out = text.slice(seen);
    seen = text.length;
    return out;
  };
  await settle();
  fresh();
  return {
    clock,
    store,
    output: () => text,
    fresh,
    async type(line) {
      input.write(`${line}\n`);
      await settle();
      return fresh();
    },
    async end() {
      input.end();
      await done;
      return fresh();
    },
  };
}

/** The number of the right option of the last question printed, from the pack's items. */
function rightNumber(printed: string): string {
  const questions = [...printed.matchAll(/Question \d+ of \d+: (.+)\n((?: {2}\d\. .+\n)+)/g)];
  const last = questions.at(-1);
  if (!last?.[1] || !last[2]) throw new Error(`no question in:\n${printed}`);
  const prompt = last[1];
  const item = packs
    .flatMap((p) => p.facts.flatMap((f) => f.trivia))
    .find((t) => t.prompt.replace(/\s+/g, ' ') === prompt);
  const option = [...last[2].matchAll(/ {2}(\d)\. (.+)\n/g)].find((m) => m[2] === item?.answer);
  if (!option?.[1]) throw new Error(`cannot tell the answer to "${prompt}"`);
  return option[1];
}

function lastPrompt(printed: string): string {
  const prompt = [...printed.matchAll(/Question \d+ of \d+: (.+)\n/g)].at(-1)?.[1];
  if (!prompt) throw new Error(`no question in:\n${printed}`);
  return prompt;
}

function answerTo(prompt: string): string {
  const item = packs
    .flatMap((p) => p.facts.flatMap((f) => f.trivia))
    .find((t) => t.prompt.replace(/\s+/g, ' ') === prompt);
  if (!item) throw new Error(`no item asks "${prompt}"`);
  return item.answer;
}

describe('trivia in the console', () => {
  it('plays a choice game by number, with a countdown, and ends with the standings and a recap', async () => {
    const c = await liveConsole();
    const opening = await c.type('/trivia 2 choice 20s');
    expect(opening).toContain('Trivia: 2 questions\n');
    expect(opening).toContain('Answer with the number of an option (1 to 4)');
    expect(opening).toMatch(
      /Question 1 of 2: .+\n {2}1\. .+\n {2}2\. .+\n {2}3\. .+\n {2}4\. .+\n⏱ 20 seconds\n/,
    );

    const first = await c.type(rightNumber(opening));
    expect(first).toMatch(
      /^Your answer: \d\. .+\nAnswer: .+ \(\d\)\nAda: .+, right, \+2 points\nSource: Wikipedia, ".+", .+, paragraph \d+\n/,
    );
    expect(first).toContain('Everyone answered.');
    expect(first).toMatch(/Question 2 of 2: /);

    c.clock.advance(10_000);
    expect(c.fresh()).toBe('⏱ 10 seconds left\n');
    c.clock.advance(5_000);
    expect(c.fresh()).toBe('⏱ 5 seconds left\n');
    c.clock.advance(5_000);
    const end = c.fresh();
    expect(end).toMatch(/^Answer: .+\nNobody answered\.\n/);
    expect(end).toContain('Time is up.');
    expect(end).toContain(
      'Trivia over.\n2 of 2 questions asked.\nStandings:\n  1. Ada: 2 points (1 of 1 right)\nRecap:\n  1. ',
    );
    expect(end.match(/ {5}Source: /g)).toHaveLength(2);

    expect(await c.type('/trivia leaderboard')).toBe(
      'Trivia leaderboard, by points:\n  1. Ada: 2 points · 1 of 1 right (100%) · 1 game\n',
    );
    expect(await c.type('/trivia stats')).toBe(
      'Trivia statistics for Ada:\n  1 game, 1 of 1 answer right (100%), 2 points, best streak 1.\n',
    );
    await c.end();
  });

  it('plays an open game by typing: a wrong answer may be tried again, the right one scores', async () => {
    const c = await liveConsole();
    const opening = await c.type('/trivia 1 open');
    expect(opening).toContain('Type your answer: 3 tries per question');
    expect(await c.type('Zanzibar')).toBe('Not right. 2 tries left.\n');
    const right = await c.type(answerTo(lastPrompt(opening)));
    expect(right).toMatch(/^Correct! \+2 points\.\nAnswer: /);
    expect(right).toContain('Answered correctly.');
    expect(right).toContain('Trivia over.');
    await c.end();
  });

  it('says how many questions a topic has, and plays those when asked to', async () => {
    const c = await liveConsole();
    expect(await c.type('/trivia places 50')).toBe(
      'This topic has 3 questions for a choice game, fewer than the 50 you asked for. Play those? (y/n)\n',
    );
    const accepted = await c.type('y');
    expect(accepted).toMatch(/^Trivia: 3 questions on #places\n/);
    expect(accepted).toContain('Question 1 of 3: ');
    await c.end();
  });

  it('stops a game still on when the input ends, keeping its points', async () => {
    const c = await liveConsole();
    const opening = await c.type('/trivia 3');
    await c.type(rightNumber(opening));
    const last = await c.end();
    expect(last).toContain('Trivia stopped.\n2 of 3 questions asked.');
    expect(last).toMatch(/Bye\.\n$/);
    const [game] = c.store.interruptRunningGames(T0);
    expect(game).toBeUndefined();
    expect(c.store.leaderboard({ guildId: null, by: 'points', limit: 5 }).entries).toMatchObject([
      { displayName: 'Ada', points: 2, answered: 1 },
    ]);
  });

  it('lets /skip reveal the answer now and /stop end the game', async () => {
    const c = await liveConsole();
    await c.type('/trivia 3');
    const skipped = await c.type('/skip');
    expect(skipped).toContain('Skipped.');
    expect(skipped).toContain('Question 2 of 3');
    const stopped = await c.type('/stop');
    expect(stopped).toContain('The game was stopped.');
    expect(stopped).toContain('Trivia stopped.');
    await c.end();
  });

  it("reads the bot's subcommands too: /trivia start, /trivia skip, /trivia stop", async () => {
    const c = await liveConsole();
    const none = await c.type('/trivia stop');
    expect(none).toContain('No game is on');
    const started = await c.type('/trivia start 3');
    expect(started).toContain('Question 1 of 3');
    expect(started).not.toContain('No pack or tag');
    const skipped = await c.type('/trivia skip');
    expect(skipped).toContain('Skipped.');
    expect(skipped).toContain('Question 2 of 3');
    const stopped = await c.type('/trivia stop');
    expect(stopped).toContain('The game was stopped.');
    await c.end();
  });

  it('refuses options out of range and topics it does not know, and lists trivia in /help', async () => {
    const c = await liveConsole();
    expect(await c.type('/trivia 99 3s')).toBe(
      'The number of questions must be from 1 to 50, not 99.\nThe seconds per question must be from 5 to 120, not 3.\n',
    );
    expect(await c.type('/trivia cooking')).toBe(
      'No pack or tag is called "cooking". Type /topics to see them.\n',
    );
    expect(await c.type('/help')).toMatch(
      /\/trivia \[topic\] \[questions\] \[choice\|open\] \[seconds\]s/,
    );
    await c.end();
  });
});
