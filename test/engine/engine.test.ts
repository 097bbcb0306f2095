import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { MAX_QUESTION_LENGTH } from '../../src/engine/normalize.js';
import type { AskResult, Engine } from '../../src/engine/types.js';
import { loadSet } from '../../src/eval/sets.js';
import type { Pack } from '../../src/knowledge/schema.js';
import { bundledPacks, fixturePacks, testFact, testPack } from '../support/packs.js';
import { english } from '../../src/knowledge/languages.js';

let engine: Engine;
beforeAll(async () => {
  engine = createEngine(await bundledPacks(), { language: english });
});

const verdict = (question: string) => {
  const result = engine.ask(question);
  return result.status === 'answered' ? result.fact.id : result.status;
};

describe('the golden table', () => {
  it.each([
    ['when did bhutto go to moscow', 'visit-dates'],
    ['When did Bhutto visit the Soviet Union in 1972?', 'visit-dates'],
    ['who did bhutto meet in moscow', 'leaders-met'],
    ['why did bhutto visit the ussr', 'visit-purpose'],
    ['who was kosygin', 'alexei-kosygin'],
    ['what was brezhnev job', 'leonid-brezhnev'],
    ['who was the general secretary', 'leonid-brezhnev'],
    ['which general overthrew bhutto', 'zia-ul-haq'],
    ['how much did trade grow after the visit', 'trade-growth'],
    ['pakistan steel mills cost', 'pakistan-steel-mills'],
    ['when were the steel mills inaugurated', 'steel-mills-inauguration'],
    ['guddo thermal power plant', 'guddu-power-plant'],
    ['guddu power station', 'guddu-power-plant'],
    ['did pakistan leave seato and cento', 'seato-cento-exit'],
    ['who executed bhutto', 'zia-ul-haq'],
    ['bhuto moskow 1972 dates', 'visit-dates'],
    ['wat did the soveit union and pakistan trade go up to', 'trade-growth'],
    ['what is the capital of france', 'no-match'],
    ['how do black holes form', 'no-match'],
    ['asdfghjkl', 'no-match'],
    // Far ahead, and all it leaves unexplained is an everyday word ("know").
    ['anyone know anything about the guddu plant', 'guddu-power-plant'],
    // "agreements" is not a pack word; its word vector is close to "treaty".
    ['which western agreements did pakistan exit', 'seato-cento-exit'],
    // "who is X" asks who X is: the fact about X's role, not one X merely takes part in.
    ['who is bhutto', 'bhutto-role'],
    ['who was bhutto', 'bhutto-role'],
    // A trailing "by" asks who only when nothing before it asks anything.
    ['how much did trade grow by', 'trade-growth'],
    // A number alone asks nothing, whichever fact holds it.
    ['5', 'no-match'],
    ['4', 'no-match'],
    ['in 1972?', 'no-match'],
    ['wat abt 5', 'no-match'],
    ['lol', 'no-match'],
    ['', 'no-match'],
    ['🙂🙂🙂', 'no-match'],
  ])('when asked %j, gives %s', (question, expected) => {
    expect(verdict(question)).toBe(expected);
  });
});

describe('a question inside a chat message', () => {
  it.each([
    ['hey almanac, quick question: why did bhutto go to moscow in 1972?', 'visit-purpose'],
    ['thanks! when did the steel mills open?', 'steel-mills-inauguration'],
    ['bhutto ussr 1972 why', 'visit-purpose'],
    ['wht was the purpse of the 72 vist', 'visit-purpose'],
    ['wat did bhutto say abut the soviets b4 the election', 'pre-election-foreign-policy'],
  ])('%j is answered with %j', (question, expected) => {
    expect(verdict(question)).toBe(expected);
  });

  it('reads the question after a long lead-in, offering the 1972 dates first', () => {
    const result = engine.ask(
      "ok so i'm studying for my exam and i need to know when bhutto's 1972 soviet trip happened",
    );
    const offered =
      result.status === 'answered'
        ? [result.fact.id]
        : result.status === 'ambiguous'
          ? result.candidates.map((c) => c.factId)
          : [];
    expect(offered[0]).toBe('visit-dates');
  });

  it('offers the 1972 visit first when "the visit" could also be the 1974 one', () => {
    const result = engine.ask('wht was the purpse of the vist');
    const offered =
      result.status === 'answered'
        ? [result.fact.id]
        : result.status === 'ambiguous'
          ? result.candidates.map((c) => c.factId)
          : [];
    expect(offered[0]).toBe('visit-purpose');
  });

  it('keeps what comes before the question when the pack speaks of it', () => {
    expect(
      verdict(
        "before he took power, what did bhutto say pakistan's stance toward moscow should be?",
      ),
    ).toBe('pre-election-foreign-policy');
  });

  it('declines "how many" about something the pack never counts', () => {
    expect(verdict('how many kids did bhutto have')).toBe('no-match');
  });

  it('still declines a question the pack does not answer after a preamble it does', () => {
    expect(verdict('i read about the 1972 moscow visit, but who won the 1971 war?')).toBe(
      'no-match',
    );
  });
});

describe('questions the pack does not answer', () => {
  it.each([
    // Every word but the year belongs to one fact: the year the pack never mentions decides.
    'how much did trade grow in 1980',
    // Asks when, and the fact about leaving SEATO and CENTO gives no date.
    'in what year did pakistan join cento',
    // Moscow is where the talks were held, not Pakistan's capital.
    'what is the capital of pakistan',
  ])('does not answer %j', (question) => {
    expect(engine.ask(question).status).not.toBe('answered');
  });
});

describe('answers', () => {
  it('carry the fact, its pack, its follow-ups and a confidence between 0 and 1', () => {
    const result = engine.ask('when did bhutto go to moscow');
    expect(result.status).toBe('answered');
    if (result.status !== 'answered') return;
    expect(result.fact.answer).toMatch(/2 March/);
    expect(result.pack.id).toBe('bhutto-soviet-visit-1972');
    expect(result.followUps.length).toBeGreaterThanOrEqual(2);
    expect(result.followUps.length).toBeLessThanOrEqual(3);
    expect(result.followUps.map((f) => f.factId)).toEqual(result.fact.related.slice(0, 3));
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  it('are the same every time for the same question', () => {
    const first = engine.ask('who did bhutto meet');
    for (let i = 0; i < 5; i++) expect(engine.ask('who did bhutto meet')).toEqual(first);
  });

  it('answer a picked fact by id with full confidence', () => {
    const result = engine.answerFact('guddu-power-plant');
    expect(result?.status).toBe('answered');
    expect(result?.confidence).toBe(1);
    expect(engine.answerFact('no-such-fact')).toBeUndefined();
  });
});

describe('declines', () => {
  it('suggest what the packs can answer', () => {
    const result = engine.ask('what is the capital of france');
    expect(result.status).toBe('no-match');
    if (result.status !== 'no-match') return;
    expect(result.suggestions.length).toBeGreaterThan(0);
  });

  it('say an empty question is empty', () => {
    const result = engine.ask('   ');
    expect(result).toMatchObject({ status: 'no-match', rejected: 'empty' });
  });

  it.each([
    'who?',
    'why',
    'what is it',
    'lol ok',
    '5',
    'wat abt 1972',
    'what year is it',
    'what time is it?',
    'what happened?',
    'can you explain that again',
  ])('answer no fact for "%s", which names nothing to look up', (question) => {
    expect(engine.ask(question)).toMatchObject({ status: 'no-match', rejected: 'no-subject' });
  });
});

describe('questions read only by guesswork', () => {
  it('are not answered when none of their words is in the packs', () => {
    // Neither "share" nor "notes" is in the pack: "share" reads as one of its words only as a guess.
    const result = engine.ask('can someone share the notes');
    expect(result.status).toBe('no-match');
    if (result.status === 'no-match') expect(result.suggestions.length).toBeGreaterThan(0);
  });
});

describe('thanks and greetings', () => {
  it.each([
    ['thanks!', 'thanks'],
    ['ty', 'thanks'],
    ['thanks, that helped a lot', 'thanks'],
    ['thank you so much for explaining the visit', 'thanks'],
    ['hi', 'greeting'],
    ['hey there everyone', 'greeting'],
    ['good morning', 'greeting'],
  ])('take "%s" as said, not as a question', (question, rejected) => {
    expect(engine.ask(question)).toMatchObject({ status: 'no-match', rejected, confidence: 0 });
  });

  it.each([
    ['thanks! when did bhutto go to moscow', 'visit-dates'],
    ['thanks, and the steel mills?', 'pakistan-steel-mills'],
    ['hey, pakistan steel mills', 'pakistan-steel-mills'],
    ['hi, who did bhutto meet in moscow', 'leaders-met'],
  ])('still answer a question that follows them: "%s"', (question, factId) => {
    expect(verdict(question)).toBe(factId);
  });

  it.each([
    'help',
    'Help me!',
    'how does this work',
    'what can you do',
    'can you help me with my homework',
  ])('take "%s" as a request for help with Almanac, not as a question of the packs', (question) => {
    expect(engine.ask(question)).toMatchObject({ status: 'no-match', rejected: 'help' });
  });

  it('still ask the packs about help that is part of a question', () => {
    const result = engine.ask('how did the soviets help pakistan');
    expect(result.status === 'no-match' ? result.rejected : undefined).toBeUndefined();
  });

  describe('small talk put to Almanac itself', () => {
    // A pack whose facts speak of days, going, making and names: everyday words a chat message
    // to the bot uses too.
    const mission = createEngine(
      [
        testPack('mission', 'The mission', 'A journey and its crew.', [
          testFact('journey-days', 'How many days did the journey to the station take?', [
            'how long was the trip going there',
            'days spent going to the station',
          ]),
          testFact('crew-maker', 'Who made the crew badge?', [
            'who designed the badge',
            'badge maker',
          ]),
          testFact('ship-name', 'What was the name of the ship?', [
            'ship name',
            'what was the ship called',
          ]),
        ]),
      ],
      { language: english },
    );

    it.each([
      "how's your day going",
      'how are you doing today?',
      'who made you',
      'who are you',
      'who r u',
      'what is your name',
      'are you a bot',
    ])('greet "%s" in kind instead of answering it from a fact', (question) => {
      expect(mission.ask(question)).toMatchObject({ status: 'no-match', rejected: 'greeting' });
    });

    it.each([
      ['can you tell me how many days the journey took', 'journey-days'],
      ['do you know who made the crew badge', 'crew-maker'],
      ['can u name the ship', 'ship-name'],
    ])('still answer a request put to it: "%s"', (question, factId) => {
      const result = mission.ask(question);
      expect(result.status === 'answered' ? result.fact.id : result.status).toBe(factId);
    });

    it('still look up a question put to it about something a pack speaks of', () => {
      const result = mission.ask('what are you able to tell me about the ship');
      expect(result.status === 'no-match' ? result.rejected : undefined).toBeUndefined();
    });

    it('take a "you" that is anyone for no small talk: "how do you cite a website"', () => {
      const result = mission.ask('how do you cite a website');
      expect(result.status === 'no-match' ? result.rejected : undefined).not.toBe('greeting');
    });

    it('still thank for thanks addressed to it', () => {
      expect(mission.ask('thank you')).toMatchObject({ rejected: 'thanks' });
    });
  });

  it('are no thanks when a word only begins like one ("think", "this")', () => {
    expect(engine.ask('think about the steel mills').status).not.toBe('no-match');
    const result = engine.ask('this is nothing');
    expect(result.status === 'no-match' ? result.rejected : undefined).not.toBe('thanks');
  });
});

describe('long questions', () => {
  it(`are judged on their first ${MAX_QUESTION_LENGTH} characters, and say so`, () => {
    const question = `when did bhutto go to moscow ${'and '.repeat(2_000)}`;
    const result = engine.ask(question);
    expect(result.truncated).toBe(true);
    expect(result.question).toHaveLength(MAX_QUESTION_LENGTH);
  });
});

describe('scope', () => {
  it('limits answers to facts with the given tag', () => {
    const result = engine.ask('when did bhutto go to moscow', { tags: ['economy'] });
    if (result.status === 'answered') expect(result.fact.tags).toContain('economy');
  });

  it('finds nothing in a pack that does not exist', () => {
    expect(engine.ask('when did bhutto go to moscow', { packId: 'no-such-pack' }).status).toBe(
      'no-match',
    );
  });
});

describe('entities a pack declares', () => {
  const pack = {
    ...testPack('empire', 'The empire', 'An emperor and his capital.', [
      {
        ...testFact('napoleon-crowned', 'When was Napoleon crowned?', [
          'napoleon coronation date',
          'when did napoleon become emperor',
          'year napoleon was crowned',
        ]),
        answer: 'Napoleon crowned himself emperor in December 1804.',
      },
      testFact('paris-population', 'How many people lived in Paris?', [
        'population of paris',
        'how big was paris',
        'number of parisians',
      ]),
    ]),
    entities: [
      {
        name: 'Napoleon Bonaparte',
        kind: 'person' as const,
        aliases: ['napoleon', 'bonaparte'],
        roles: ['the french emperor', 'the little corporal'],
      },
      { name: 'Paris', kind: 'place' as const, aliases: [], roles: ['the french capital'] },
    ],
  };
  const small = createEngine([pack], { language: english });
  const answered = (q: string) => {
    const result = small.ask(q);
    return result.status === 'answered' ? result.fact.id : result.status;
  };

  it('never answers with a fact about another year than the one asked about', () => {
    expect(answered('when was napoleon crowned in 1815')).not.toBe('napoleon-crowned');
  });

  it('reads a role as the one it names', () => {
    expect(answered('when was the french emperor crowned')).toBe('napoleon-crowned');
    expect(answered('how many people lived in the french capital')).toBe('paris-population');
  });

  it('reads an alias as the name', () => {
    expect(answered('when was bonaparte crowned')).toBe('napoleon-crowned');
  });
});

describe('follow-ups in context', () => {
  const pack = testPack('treaties', 'Treaties', 'Two treaties signed in one city.', [
    testFact('river-treaty', 'What did the river treaty settle?', [
      'river treaty terms',
      'what was agreed on the river',
      'river agreement',
    ]),
    testFact('river-treaty-signing', 'Where was the river treaty signed?', [
      'river treaty signing city',
      'signing of the river treaty',
      'where did they sign the river deal',
    ]),
    testFact(
      'border-treaty-signing',
      'Where was the border treaty signed?',
      [
        'border treaty signing city',
        'signing of the border treaty',
        'where did they sign the border deal',
      ],
      ['river-treaty'],
    ),
    testFact(
      'border-treaty',
      'What did the border treaty settle?',
      ['border treaty terms', 'what was agreed on the border', 'border agreement'],
      ['border-treaty-signing'],
    ),
  ]);
  const small = createEngine([pack], { language: english });

  it('asks which one is meant when the question alone fits two facts', () => {
    expect(small.ask('where was it signed').status).toBe('ambiguous');
  });

  it('answers with the previous answer’s related fact when the question alone is ambiguous', () => {
    const result = small.ask('where was it signed', { previousFactId: 'border-treaty' });
    expect(result).toMatchObject({ status: 'answered', viaContext: true });
    if (result.status === 'answered') expect(result.fact.id).toBe('border-treaty-signing');
  });
});

describe('autocomplete', () => {
  it('offers at most 25 fact questions, the expected one first for a misspelt start', () => {
    const choices = engine.autocomplete('when did bhuto go to mosc');
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]!.factId).toBe('visit-dates');
  });

  it('offers key questions for an empty field', () => {
    const choices = engine.autocomplete('');
    expect(choices.length).toBeGreaterThan(0);
    expect(choices[0]!.factId).toBe(engine.packs[0]!.facts[0]!.id);
  });

  it('completes the start of a phrasing exactly as typed first', () => {
    expect(engine.autocomplete('who was kos')[0]!.factId).toBe('alexei-kosygin');
  });

  it('never repeats a fact', () => {
    const ids = engine.autocomplete('bhutto').map((c) => c.factId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('random facts', () => {
  it('follow the random source given', () => {
    expect(engine.randomFact(() => 0)?.fact.id).toBe(engine.facts()[0]!.fact.id);
    expect(engine.randomFact(() => 0.999_999)?.fact.id).toBe(engine.facts().at(-1)!.fact.id);
  });
});

describe('a typo with two equally close corrections', () => {
  const pack = testPack('city', 'City', 'A cathedral, and fruit.', [
    testFact('patel-cathedral', 'When did the Patel cathedral open?', [
      'patel cathedral opening',
      'opening of the patel cathedral',
      'when was the patel cathedral opened',
    ]),
    testFact('mary-cathedral', 'When did the St Mary cathedral open?', [
      'st mary cathedral opening',
      'opening of the st mary cathedral',
      'when was the st mary cathedral opened',
    ]),
    testFact('orange-peel', 'Why is orange peel bitter?', [
      'bitter orange peel',
      'orange peel taste',
      'peel of an orange',
    ]),
    testFact('lemon-peel', 'Why is lemon peel fragrant?', [
      'fragrant lemon peel',
      'lemon peel smell',
      'peel of a lemon',
    ]),
  ]);
  const small = createEngine([pack], { language: english });

  it('is read as the one a fact speaks of with the other words of the question', () => {
    // "ptel" is one edit from "peel" (in two facts) and from "patel" (in one, with "cathedral");
    // read as "peel", the question would fit both cathedrals equally.
    const result = small.ask('when did the ptel cathedral open');
    expect(result.status).toBe('answered');
    if (result.status === 'answered') expect(result.fact.id).toBe('patel-cathedral');
  });
});

const verdictOf = (other: Engine, question: string) => {
  const result = other.ask(question);
  return result.status === 'answered' ? result.fact.id : result.status;
};

describe('packs on other topics, asked as a study group asks', () => {
  it.each([
    ['photosynthesis', 'photosynthesis definition', 'photosynthesis-definition'],
    ['photosynthesis', 'definition of anoxygenic photosynthesis', 'anoxygenic-photosynthesis'],
    ['heart', 'what r the 4 chambers called', 'four-chambers'],
    ['heart', 'what does the right side of the heart do', 'right-and-left-heart'],
    ['french-revolution', 'when did the french rev start', 'revolution-dates'],
  ])('%s: "%s" is answered with %s', async (fixture, question, factId) => {
    const other = createEngine(await fixturePacks(fixture), { language: english });
    const result = other.ask(question);
    expect(result.status === 'answered' ? result.fact.id : result.status).toBe(factId);
  });

  it('does not answer when something started with a fact about when it ended', async () => {
    const other = createEngine(await fixturePacks('french-revolution'), { language: english });
    const start = other.ask('when did the terror start');
    expect(start.status === 'answered' ? start.fact.id : start.status).not.toBe(
      'end-of-the-terror',
    );
    expect(verdictOf(other, 'when did the terror end')).toBe('end-of-the-terror');
    // A fact that speaks of both ends answers either.
    expect(verdictOf(other, 'when did the revolution start')).toBe('revolution-dates');
    expect(verdictOf(other, 'when did the revolution end')).toBe('revolution-dates');
  });

  it('reads "going to" as the future it often is, not as a visit', async () => {
    const other = createEngine(await fixturePacks('heart'), { language: english });
    expect(other.inspect('is the heart going to beat faster').terms).not.toContain('visit');
    expect(engine.inspect('when did bhutto go to moscow').terms).toContain('visit');
  });

  it('reads "where does it come from" as asking for an origin, not a place', async () => {
    const other = createEngine(await fixturePacks('plate-tectonics'), { language: english });
    const question = 'where does the energy that drives the plates come from';
    expect(other.inspect(question).terms).toEqual(expect.arrayContaining(['origin']));
    expect(other.inspect(question).terms).not.toContain('_where');
    expect(verdictOf(other, question)).toBe('plate-driving-energy');
    // A place is still a place.
    expect(engine.inspect('where did bhutto go').terms).toContain('_where');
    expect(engine.inspect('where did the talks come from').terms).toContain('origin');
  });

  it('reads a "when" after a question word and its verb as joining a clause, not asking a time', async () => {
    const other = createEngine(await fixturePacks('plate-tectonics'), { language: english });
    expect(other.inspect('what happens when two plates collide').terms).not.toContain('_when');
    expect(other.inspect('wat happens wen 2 plates collide').terms).not.toContain('_when');
    expect(other.inspect('when did the plates collide').terms).toContain('_when');
    expect(other.inspect('so when did they accept it').terms).toContain('_when');
  });

  it('reads "how early" and "how late" as asking a time', async () => {
    const other = createEngine(await fixturePacks('photosynthesis'), { language: english });
    expect(other.inspect('how early did photosynthesis evolve').terms).toContain('_when');
    expect(verdictOf(other, 'when did photosynthesis first evolve')).toBe(
      'first-photosynthetic-organisms',
    );
  });

  it("takes the pack's topic, as its title names it, as what every one of its facts is about", async () => {
    const other = createEngine(await fixturePacks('cuban-missile-crisis'), { language: english });
    // The fact names "the crisis", not the Cuban Missile Crisis.
    expect(verdictOf(other, 'what do the russians call the cuban missile crisis')).toBe(
      'crisis-other-names',
    );
    expect(verdictOf(other, 'When did the Cuban Missile Crisis take place?')).toBe('crisis-dates');
    // A question on another topic gains nothing from a title it does not name, nor does one
    // that names a part of it ("missile" alone).
    expect(verdictOf(other, 'what do the russians call the moon')).toBe('no-match');
    const apollo = createEngine(await fixturePacks('photosynthesis'), { language: english });
    expect(verdictOf(apollo, 'what is photosynthesis')).toBe('photosynthesis-definition');
  });

  it('does not answer a bare subject with a fact that only mentions it in passing', async () => {
    const other = createEngine(await fixturePacks('photosynthesis'), { language: english });
    const seen = other.inspect('chlorophyll');
    const first = seen.ranked[0];
    expect(first?.factId).toBe('chlorophyll-pigments');
    expect(verdictOf(engine, 'steel mills 1985')).toBe('steel-mills-inauguration');
  });

  it('reads "come to" as no visit: one comes to war, to an end, to an agreement', async () => {
    const other = createEngine(await fixturePacks('cuban-missile-crisis'), { language: english });
    const seen = other.inspect('how close did the superpowers come to nuclear war');
    expect(seen.terms).not.toContain('visit');
    expect(seen.ranked[0]?.factId).toBe('closest-to-nuclear-war');
  });

  it('does not read "the point of" into a fact whose text "points to" something', async () => {
    const other = createEngine(await fixturePacks('photosynthesis'), { language: english });
    const result = other.ask('whats the point of photosynthesis');
    expect(result.status === 'answered' ? result.fact.id : result.status).not.toBe(
      'archaeal-earliest-photosynthesis',
    );
  });
});

describe('a time of day asked for', () => {
  const voyage = createEngine(
    [
      testPack('voyage', 'The voyage', 'A ship leaves and comes back.', [
        {
          ...testFact('departure', 'When did the ship leave the harbour?', [
            'ship departure',
            'when did the ship set sail',
          ]),
          answer: 'The ship left the harbour on 3 May 1901, at 9:30 in the morning.',
        },
        {
          ...testFact('return', 'When did the ship come back to the harbour?', [
            'ship return',
            'when did the ship return home',
          ]),
          answer: 'The ship came back to the harbour on 12 June 1901.',
        },
      ]),
    ],
    { language: english },
  );
  const answeredWith = (question: string) => {
    const result = voyage.ask(question);
    return result.status === 'answered' ? result.fact.id : result.status;
  };

  it('is answered by a fact whose answer gives one', () => {
    expect(answeredWith('what time did the ship leave the harbour')).toBe('departure');
  });

  it('is not answered by a fact whose answer gives only the date', () => {
    expect(answeredWith('what time did the ship come back to the harbour')).not.toBe('return');
    expect(answeredWith('when did the ship come back to the harbour')).toBe('return');
  });

  it('is not what "what time period" asks for', () => {
    expect(answeredWith('what time period did the ship come back in')).toBe('return');
  });
});

describe('everyday near-synonyms', () => {
  it('do not read time spent as money: "cost" is no fact about time spent exploring', () => {
    const trip = createEngine(
      [
        testPack('trip', 'The trip', 'An expedition.', [
          {
            ...testFact('exploring', 'How long did the crew spend exploring the island?', [
              'time spent exploring',
              'how long was the expedition walk on the island',
            ]),
            answer: 'The crew spent about two hours exploring the island.',
          },
          testFact('ship', 'What was the name of the expedition ship?', ['ship name']),
        ]),
      ],
      { language: english },
    );
    const result = trip.ask('how much did the expedition cost');
    expect(result.status === 'answered' ? result.fact.id : undefined).toBeUndefined();
  });
});

describe('the two ends of an event', () => {
  it('are not read as each other: what caused a flood is not what came of it', () => {
    const flood = createEngine(
      [
        testPack('flood', 'The great flood', 'A river flood and what came of it.', [
          testFact('aftermath', 'What were the consequences of the great flood?', [
            'what was the result of the flood',
            'effects of the flood on the town',
          ]),
          testFact('height', 'How high did the river rise in the flood?', ['flood height']),
        ]),
      ],
      { language: english },
    );
    const result = flood.ask('what caused the great flood');
    expect(result.status === 'answered' ? result.fact.id : undefined).toBeUndefined();
    expect(flood.ask('what were the results of the great flood')).toMatchObject({
      status: 'answered',
      fact: { id: 'aftermath' },
    });
  });
});

describe('packs loaded together', () => {
  /** A pack as a study group might write it with no synonyms or entities of its own. */
  const plain = (pack: Pack): Pack => ({ ...pack, synonyms: {}, entities: [] });
  const verdict = (result: AskResult) => ({
    status: result.status,
    fact: result.status === 'answered' ? result.fact.id : undefined,
  });
  const outcome = (result: AskResult) => ({
    ...verdict(result),
    confidence: result.confidence,
  });

  // A word another pack uses is a known word, not a typo to correct, so a confidence may still
  // move a little; what is answered does not.
  it('answer each pack’s questions as that pack alone does, scoped to it', async () => {
    const [photosynthesis, plates, cuban] = await Promise.all(
      ['photosynthesis', 'plate-tectonics', 'cuban-missile-crisis'].map(async (n) =>
        (await fixturePacks(n)).map(plain),
      ),
    );
    const alone = createEngine(photosynthesis!, { language: english });
    // Loaded after the others, so their words come first and their facts outnumber its own.
    const together = createEngine([...plates!, ...cuban!, ...photosynthesis!], {
      language: english,
    });
    const packId = photosynthesis![0]!.id;
    const { set } = await loadSet('test/eval/photosynthesis-set.yaml', '.');
    for (const { q } of set.questions) {
      expect(verdict(together.ask(q, { packId })), q).toEqual(verdict(alone.ask(q)));
    }
    expect(together.autocomplete('how do plants', { packId })).toEqual(
      alone.autocomplete('how do plants'),
    );
  });

  it('weigh a word by how rare it is in its own pack, not in the others', () => {
    const rivers = testPack('rivers', 'Rivers', 'Notes on two rivers.', [
      testFact('delta', 'Where does the river meet the sea?', [
        'river mouth',
        'delta of the river',
      ]),
      testFact('source', 'Where does the river rise in the hills?', ['river source', 'spring']),
      testFact('ferry', 'When did the ferry start crossing?', ['ferry crossing', 'first ferry']),
    ]);
    // A pack where every fact speaks of the ferry: there, the word tells its facts apart not at all.
    const ferries = testPack(
      'ferries',
      'Ferries',
      'Notes on ferries.',
      ['boats', 'fares', 'routes', 'crews', 'engines', 'harbours'].map((topic) =>
        testFact(`ferry-${topic}`, `What ${topic} did the ferry company keep?`, [
          `ferry ${topic}`,
          `${topic} of the ferry`,
        ]),
      ),
    );
    const alone = createEngine([rivers], { language: english });
    const together = createEngine([ferries, rivers], { language: english });
    for (const q of ['when did the ferry start', 'ferry', 'first crossing', 'river source']) {
      expect(outcome(together.ask(q, { packId: 'rivers' })), q).toEqual(outcome(alone.ask(q)));
    }
  });
});

describe('trivia prompts', () => {
  const facts = [
    testFact('splashdown', 'When did the capsule come home?', [
      'capsule return date',
      'when did the crew get back',
      'how long was the trip',
    ]),
    testFact('launch', 'When did the rocket launch?', [
      'launch date',
      'what day did the rocket lift off',
      'when did the mission start',
    ]),
    testFact('crew', 'Who flew on the mission?', [
      'who was the crew',
      'names of the crew',
      'how many people flew',
    ]),
  ];
  const withPrompt = (prompt: string) =>
    createEngine(
      [
        testPack('capsule', 'The capsule', 'A trip and back', [
          {
            ...facts[0]!,
            trivia: [
              {
                prompt,
                answer: 'The Pacific',
                accept: [],
                distractors: ['Atlantic', 'Indian', 'Arctic'],
              },
            ],
          },
          ...facts.slice(1),
        ]),
      ],
      { language: english },
    );

  it('are questions their fact answers, put in words its other phrasings do not use', () => {
    const plain = createEngine([testPack('capsule', 'The capsule', 'A trip and back', facts)], {
      language: english,
    });
    const question = 'which ocean did the capsule splash down in';
    expect(verdictOf(plain, question)).not.toBe('splashdown');
    const prompted = withPrompt('In which ocean did the capsule splash down?');
    expect(verdictOf(prompted, question)).toBe('splashdown');
    // The prompt copied as it stands is that fact's question, answered with full confidence.
    const copied = prompted.ask('In which ocean did the capsule splash down?');
    expect(copied.status === 'answered' && copied.confidence).toBe(1);
  });

  it("do not take another fact's questions by naming its event", () => {
    // The prompt names the launch, as a trivia question must to make sense on its own.
    const prompted = withPrompt('Nine days after the rocket launch, in which ocean did it land?');
    expect(verdictOf(prompted, 'when did the rocket launch')).toBe('launch');
    expect(verdictOf(prompted, 'what day did the rocket launch')).toBe('launch');
  });
});
