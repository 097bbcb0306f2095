import { describe, expect, it } from 'vitest';
import { buildSynonymTable } from '../../src/engine/analyze.js';
import { english } from '../../src/knowledge/languages.js';
import { lexiconOf } from '../../src/engine/lexicon.js';
import { buildShortenings } from '../../src/engine/shortened.js';

const lexicon = lexiconOf(english);
const vocabulary = ['astronaut', 'astronauts', 'command', 'heart', 'module', 'relations', 'trade'];
const shortenings = buildShortenings(
  {
    vocabulary,
    uses: (w) => (w === 'astronaut' ? 3 : 1),
    phrases: () => ['Who flew the command module?', 'lunar module pilot'],
  },
  lexicon,
  buildSynonymTable([['astronaut', ['astronauts']]], lexicon),
);

describe('shortenings of pack words', () => {
  it('reads initials as the one phrase of the packs they stand for', () => {
    expect(shortenings.expand('cm')).toBe('command module');
    expect(shortenings.expand('lmp')).toBe('lunar module pilot');
  });

  it('reads a word with its vowels dropped as the pack word of that skeleton', () => {
    expect(shortenings.expand('rltns')).toBe('relations');
    expect(shortenings.expand('hrt')).toBe('heart');
  });

  it('reads a clipping, or its plural, as the pack word it starts, when synonyms fold them to one', () => {
    expect(shortenings.expand('astro')).toBe('astronaut');
    expect(shortenings.expand('astros')).toBe('astronaut');
  });

  it('reads nothing into what fits no pack word, or more than one', () => {
    expect(shortenings.expand('xq')).toBeUndefined();
    expect(shortenings.expand('zzz')).toBeUndefined();
    expect(shortenings.expand('')).toBeUndefined();
  });
});
