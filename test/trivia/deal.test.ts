import { beforeAll, describe, expect, it } from 'vitest';
import type { Fact, Pack, TriviaItem } from '../../src/knowledge/schema.js';
import { checkAnswer } from '../../src/trivia/check.js';
import { candidatesFromPacks, deal, type DealResult } from '../../src/trivia/deal.js';
import { textKey } from '../../src/trivia/generate.js';
import { readWholeValue } from '../../src/trivia/kinds.js';
import { seededRandom } from '../../src/trivia/random.js';
import type { DealtQuestion } from '../../src/trivia/types.js';
import { bundledPacks, testFact, testPack } from '../support/packs.js';
import { ENGLISH } from '../support/trivia.js';

const item = (
  prompt: string,
  answer: string,
  distractors: string[],
  accept: string[] = [],
): TriviaItem => ({ prompt, answer, accept, distractors });

/** A fact whose alternates are typed as chat, so only its question can become a prompt. */
const fact = (
  id: string,
  question: string,
  answer: string,
  trivia: TriviaItem[] = [],
  keywords: string[] = [],
): Fact => ({
  ...testFact(id, question, [question.toLowerCase(), `${id} please`, `tell me ${id}`]),
  answer,
  trivia,
  keywords,
});

const PEOPLE = ['Yuri Gagarin', 'Alan Shepard', 'John Glenn', 'Gherman Titov'];
const PLACES = ['Kazakhstan', 'Russia', 'Uzbekistan', 'Ukraine', 'Turkmenistan'];
const ORGANISATIONS = ['NASA', 'NACA', 'ARPA', 'NOAA'];

/** Six facts with a trivia item each. */
const WITH_ITEMS: Fact[] = [
  fact(
    'sputnik-launch',
    'When was Sputnik 1 launched?',
    'Sputnik 1 was launched on 4 October 1957.',
    [item('In what year was Sputnik 1 launched?', '1957', ['1955', '1958', '1961'])],
  ),
  fact(
    'gagarin',
    'Who was the first human in space?',
    'Yuri Gagarin was the first human in space.',
    [item('Who was the first human in space?', 'Yuri Gagarin', PEOPLE.slice(1), ['Gagarin'])],
  ),
  fact('apollo-11-landing', 'When did Apollo 11 land on the Moon?', 'It landed on 20 July 1969.', [
    item('On what date did Apollo 11 land on the Moon?', '20 July 1969', [
      '16 July 1969',
      '24 July 1969',
      '20 July 1968',
    ]),
  ]),
  fact('baikonur', 'Where is the Baikonur Cosmodrome?', 'The cosmodrome is in Kazakhstan.', [
    item('In which country is the Baikonur Cosmodrome?', 'Kazakhstan', PLACES.slice(1)),
  ]),
  fact(
    'nasa-budget',
    "How much was NASA's budget in 1966?",
    "NASA's budget peaked in 1966 at $5.9 billion.",
    [
      item("What was NASA's budget in 1966?", '$5.9 billion', [
        '$2.1 billion',
        '$9.4 billion',
        '$0.5 billion',
      ]),
    ],
  ),
  fact('nasa-founding', 'Which agency runs the American space programme?', 'NASA runs it.', [
    item('Which agency was founded in 1958 to run the American space programme?', 'NASA', [
      'NACA',
      'ARPA',
      'NOAA',
    ]),
  ]),
];

/** Six facts without items whose answers have a clear kind, and two whose answers do not. */
const WITHOUT_ITEMS: Fact[] = [
  fact(
    'first-moonwalker',
    'Who was the first person to walk on the Moon?',
    'Neil Armstrong was the first person to walk on the Moon, followed by Buzz Aldrin.',
    [],
    ['Neil Armstrong', 'moonwalk'],
  ),
  fact('vostok-1', 'When did Vostok 1 fly?', 'Vostok 1 flew a single orbit on 12 April 1961.'),
  fact(
    'apollo-cost',
    'How much did the Apollo programme cost?',
    'The Apollo programme cost $25.4 billion in all.',
  ),
  fact(
    'mission-control',
    'Where was Apollo mission control?',
    'Mission control sat in Houston, Texas.',
  ),
  fact(
    'esa-founding',
    'Which organisation did ten European countries found in 1975?',
    'Ten European countries founded the European Space Agency in 1975.',
  ),
  fact(
    'last-apollo',
    'In what year did the last Apollo mission fly?',
    'Apollo 17, the last crewed Moon landing, flew in 1972.',
  ),
  // Two dates: which one the question wants is unclear.
  fact(
    'apollo-13',
    'When did Apollo 13 fly?',
    'Apollo 13 launched on 11 April 1970 and splashed down on 17 April 1970.',
  ),
  // No kind asked for.
  fact(
    'space-race-cause',
    'Why did the space race begin?',
    'Cold War rivalry between the United States and the Soviet Union drove it.',
  ),
];

const SPACE: Pack = testPack('space-race', 'The space race', 'Firsts of the space race.', [
  ...WITH_ITEMS,
  ...WITHOUT_ITEMS,
]);
const CANDIDATES = candidatesFromPacks([SPACE]);
const USABLE = WITH_ITEMS.length + 6;

function dealt(result: DealResult): readonly DealtQuestion[] {
  if (!result.ok) throw new Error(`expected questions, got ${JSON.stringify(result.error)}`);
  return result.questions;
}

const dealSpace = (questions: number, seed = 1, mode: 'choice' | 'open' = 'choice') =>
  deal(CANDIDATES, { mode, questions }, { random: seededRandom(seed), language: ENGLISH });

describe('choosing the questions', () => {
  it("deals the packs' own items first", () => {
    const questions = dealt(dealSpace(WITH_ITEMS.length));
    expect(questions.every((q) => q.origin === 'pack')).toBe(true);
    expect(questions.map((q) => q.factId).sort()).toEqual(WITH_ITEMS.map((f) => f.id).sort());
  });

  it('fills up with generated questions only once the items run out', () => {
    const questions = dealt(dealSpace(WITH_ITEMS.length + 2));
    expect(questions.filter((q) => q.origin === 'pack')).toHaveLength(WITH_ITEMS.length);
    expect(questions.filter((q) => q.origin === 'generated')).toHaveLength(2);
  });

  it('never repeats a question within a game', () => {
    const questions = dealt(dealSpace(USABLE));
    expect(new Set(questions.map((q) => q.prompt)).size).toBe(USABLE);
    expect(new Set(questions.map((q) => q.factId)).size).toBe(USABLE);
  });

  it('asks one item of every fact before a second of any', () => {
    const many = fact('many', 'Which city?', 'Moscow.', [
      item('First of many?', 'Moscow', ['Kiev', 'Minsk', 'Riga']),
      item('Second of many?', 'Moscow', ['Kiev', 'Minsk', 'Riga']),
      item('Third of many?', 'Moscow', ['Kiev', 'Minsk', 'Riga']),
    ]);
    const one = fact('one', 'Which river?', 'The Volga.', [
      item('Only one?', 'Volga', ['Don', 'Ural', 'Oka']),
    ]);
    const candidates = candidatesFromPacks([testPack('two', 'Two', 'Two facts.', [many, one])]);
    for (const seed of [1, 2, 3, 4, 5]) {
      const result = deal(
        candidates,
        { mode: 'choice', questions: 2 },
        { random: seededRandom(seed), language: ENGLISH },
      );
      expect(
        dealt(result)
          .map((q) => q.factId)
          .sort(),
      ).toEqual(['many', 'one']);
    }
  });

  it('says how many questions the topic has when asked for more, and deals those when asked', () => {
    expect(dealSpace(20)).toEqual({
      ok: false,
      error: { code: 'too-few-questions', requested: 20, available: USABLE },
    });
    expect(dealt(dealSpace(USABLE))).toHaveLength(USABLE);
  });

  it('says there are no questions when nothing can be asked', () => {
    const nothing = CANDIDATES.filter((c) => ['apollo-13', 'space-race-cause'].includes(c.fact.id));
    expect(
      deal(
        nothing,
        { mode: 'choice', questions: 5 },
        { random: seededRandom(1), language: ENGLISH },
      ),
    ).toEqual({ ok: false, error: { code: 'no-questions' } });
  });

  it('cites every question to its fact, source, section and paragraph', () => {
    const [question] = dealt(dealSpace(1));
    expect(question!.citation).toEqual({
      factId: question!.factId,
      sourceId: 'notes',
      title: 'Notes',
      publisher: 'Class',
      url: 'https://example.org/notes',
      section: 'Lead',
      paragraph: 1,
    });
  });
});

describe('options', () => {
  it('offers four options, the answer at the kept index and three of its distractors', () => {
    for (const q of dealt(dealSpace(USABLE))) {
      expect(q.options).toHaveLength(4);
      expect(q.options![q.correctOption!]).toBe(q.answer);
      expect(new Set(q.options!.map(textKey)).size).toBe(4);
    }
  });

  it('shuffles the options with the seed: the answer is not always in one place', () => {
    const places = new Set(
      [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => {
        const q = dealt(dealSpace(USABLE, seed)).find((x) => x.factId === 'baikonur')!;
        return q.correctOption;
      }),
    );
    expect(places.size).toBeGreaterThan(1);
  });

  it('deals no options in open mode', () => {
    const questions = dealt(dealSpace(USABLE, 1, 'open'));
    expect(questions).toHaveLength(USABLE);
    for (const q of questions) expect(q).toMatchObject({ options: null, correctOption: null });
  });

  it('deals the same game for the same seed, and another for another seed', () => {
    expect(dealSpace(USABLE, 42)).toEqual(dealSpace(USABLE, 42));
    const order = (seed: number) => dealt(dealSpace(USABLE, seed)).map((q) => q.factId);
    expect(order(42)).not.toEqual(order(43));
  });
});

describe('questions generated for facts without items', () => {
  const generated = () =>
    dealt(dealSpace(USABLE))
      .filter((q) => q.origin === 'generated')
      .sort((a, b) => a.factId.localeCompare(b.factId));

  it("asks the fact's question and takes the one value of the kind it asks for from the answer", () => {
    expect(
      generated().map(({ factId, kind, prompt, answer }) => ({ factId, kind, prompt, answer })),
    ).toEqual([
      {
        factId: 'apollo-cost',
        kind: 'amount',
        prompt: 'How much did the Apollo programme cost?',
        answer: '$25.4 billion',
      },
      {
        factId: 'esa-founding',
        kind: 'organisation',
        prompt: 'Which organisation did ten European countries found in 1975?',
        answer: 'European Space Agency',
      },
      {
        factId: 'first-moonwalker',
        kind: 'person',
        prompt: 'Who was the first person to walk on the Moon?',
        // Two people in the answer: the one the keywords name.
        answer: 'Neil Armstrong',
      },
      {
        factId: 'last-apollo',
        kind: 'year',
        prompt: 'In what year did the last Apollo mission fly?',
        answer: '1972',
      },
      {
        factId: 'mission-control',
        kind: 'place',
        prompt: 'Where was Apollo mission control?',
        answer: 'Houston',
      },
      {
        factId: 'vostok-1',
        kind: 'date',
        prompt: 'When did Vostok 1 fly?',
        answer: '12 April 1961',
      },
    ]);
  });

  it("draws every distractor from the answer's kind: dates among dates, people among people, numbers among numbers", () => {
    const kindOf: Record<string, (d: string) => boolean> = {
      date: (d) => /^\d{1,2} [A-Z][a-z]+ \d{4}$/.test(d) && readWholeValue(d, 'date') !== undefined,
      year: (d) => /^\d{4}$/.test(d),
      amount: (d) => /^\$\d+(?:\.\d+)? billion$/.test(d),
      person: (d) => PEOPLE.includes(d),
      place: (d) => PLACES.includes(d),
      organisation: (d) => ORGANISATIONS.includes(d),
    };
    for (const q of generated()) {
      const distractors = q.options!.filter((_, i) => i !== q.correctOption);
      for (const d of distractors)
        expect([q.factId, d, kindOf[q.kind!]!(d)]).toEqual([q.factId, d, true]);
    }
  });

  it('never offers a distractor that equals or contains the answer, and offers three distinct ones', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
      for (const q of dealt(dealSpace(USABLE, seed)).filter((x) => x.origin === 'generated')) {
        const distractors = q.options!.filter((_, i) => i !== q.correctOption);
        expect(new Set(distractors.map(textKey)).size).toBe(3);
        for (const d of distractors) {
          expect(textKey(d)).not.toBe(textKey(q.answer));
          expect(` ${textKey(d)} `).not.toContain(` ${textKey(q.answer)} `);
          expect(checkAnswer({ answer: q.answer }, d, ENGLISH).verdict).toBe('wrong');
        }
      }
    }
  });

  it('generates nothing for an answer with two dates or a question that asks for no kind', () => {
    const ids = dealt(dealSpace(USABLE)).map((q) => q.factId);
    expect(ids).not.toContain('apollo-13');
    expect(ids).not.toContain('space-race-cause');
  });
});

describe('the bundled pack', () => {
  let packs: Pack[];
  beforeAll(async () => {
    packs = await bundledPacks();
  });
  const dealBundled = (questions: number, seed = 1) =>
    deal(
      candidatesFromPacks(packs),
      { mode: 'choice', questions },
      { random: seededRandom(seed), language: ENGLISH },
    );

  it("deals a default game from the pack's own items, each cited to its section and paragraph", () => {
    const questions = dealt(dealBundled(10));
    expect(questions.every((q) => q.origin === 'pack')).toBe(true);
    for (const q of questions) {
      expect(q.citation.title).toBe('1972 visit by Zulfikar Ali Bhutto to the Soviet Union');
      expect(['Lead', 'Media archives']).toContain(q.citation.section);
      expect(q.citation.paragraph).toBeGreaterThanOrEqual(1);
    }
  });

  it('adds a question on the leaders Bhutto met once the items run out, with pairs of other leaders as distractors', () => {
    const items = packs[0]!.facts.reduce((n, f) => n + f.trivia.length, 0);
    const result = dealBundled(50);
    expect(result).toEqual({
      ok: false,
      error: { code: 'too-few-questions', requested: 50, available: items + 1 },
    });
    const questions = dealt(dealBundled(items + 1));
    const leaders = questions.find((q) => q.origin === 'generated')!;
    expect(leaders).toMatchObject({
      factId: 'leaders-met',
      kind: 'person',
      prompt: 'Which Soviet leaders did Bhutto meet in 1972?',
      answer: 'Alexei Kosygin and Leonid Brezhnev',
    });
    for (const d of leaders.options!.filter((_, i) => i !== leaders.correctOption)) {
      expect(d).toMatch(/^[A-Z][\w ]+ and [A-Z][\w ]+$/);
      expect(d).not.toMatch(/Kosygin|Brezhnev/);
    }
  });
});
