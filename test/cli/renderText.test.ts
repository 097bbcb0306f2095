import { beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/renderText.js';
import { engineFor } from '../../src/knowledge/engineFor.js';
import type { Engine } from '../../src/engine/types.js';
import { bundledPacks } from '../support/packs.js';

let engine: Engine;
beforeAll(async () => {
  engine = engineFor(await bundledPacks());
});

describe('a declined question rendered as text', () => {
  it('points the console to /topics by default', () => {
    const { text } = renderText(engine.ask('what is the capital of france'));
    expect(text).toMatch(/do not cover that/);
    expect(text.split('\n').at(-1)).toBe('Type /topics to see what I know.');
  });

  it('leaves the /topics hint out for ask, which has no /topics, keeping the suggestions', () => {
    const { text, choices } = renderText(engine.ask('what is the capital of france'), undefined, {
      topicsHint: false,
    });
    expect(text).not.toMatch(/\/topics/);
    expect(text).toMatch(/do not cover that/);
    expect(text.split('\n').at(-1)).toBe(`  ${choices.length}. ${choices.at(-1)?.question}`);
  });
});

describe('a remark rendered as text', () => {
  it.each([
    ['thanks, that helped a lot', "You're welcome!"],
    ['hi there', 'Hello!'],
    ['who are you', 'Hello!'],
    ['why?', 'does not say what to look up'],
    ['how does this work', 'Ask me a question in your own words'],
  ])('answers "%s" in kind, with questions to ask instead of a decline', (question, reply) => {
    const { text, choices } = renderText(engine.ask(question));
    expect(text.split('\n')[0]).toContain(reply);
    expect(text).not.toMatch(/do not cover that|Did you mean/);
    expect(choices.length).toBeGreaterThan(0);
  });
});
