import { describe, expect, it } from 'vitest';
import { benchVocabulary, generateCorpus } from '../../src/bench/synthetic.js';
import { analyze } from '../../src/engine/analyze.js';
import { buildIndex } from '../../src/engine/index.js';
import { correctionChooser, createScratch, scoreFacts } from '../../src/engine/score.js';
import { approximate, buildSemanticIndex } from '../../src/engine/semantic.js';
import { testFact, testPack } from '../support/packs.js';
import { english } from '../../src/knowledge/languages.js';
import { lexiconOf } from '../../src/engine/lexicon.js';

const lexicon = lexiconOf(english);

describe('scoreFacts with keep', () => {
  const corpus = generateCorpus(benchVocabulary(), {
    seed: 3,
    facts: 2_000,
    answerable: 150,
    unanswerable: 150,
    warmUp: 0,
    prefixes: 0,
  });
  const index = buildIndex(corpus.world.packs, lexicon);
  const scratch = createScratch(index);
  const all = () => true;

  it('returns the leading part of the whole ranking: the best `top` and all above `floor`', () => {
    let cut = 0;
    for (const { text } of corpus.questions) {
      const analysis = analyze(text, index.lexicon, index.synonyms, index.speller);
      const whole = scoreFacts(index, analysis, scratch, all);
      for (const keep of [
        { top: 4, floor: 0.5 },
        { top: 32, floor: 0.5 },
        { top: 1, floor: 0.01 },
      ]) {
        const kept = scoreFacts(index, analysis, scratch, all, keep);
        expect(kept).toEqual(whole.slice(0, kept.length));
        expect(kept.length).toBeGreaterThanOrEqual(Math.min(keep.top, whole.length));
        expect(whole.slice(kept.length).every((s) => s.score < keep.floor)).toBe(true);
        if (kept.length < whole.length) cut++;
      }
    }
    // The questions do reach facts beyond what is kept.
    expect(cut).toBeGreaterThan(0);
  });
});

describe('a fact that explains the whole question', () => {
  const pack = testPack('coast', 'The coast', 'Notes on the coast.', [
    testFact('beach-cleanup', 'When was the beach cleanup held?', ['cleanup day']),
    testFact('munch-exhibition', 'When did the Munch exhibition open?', ['munch paintings shown']),
    testFact('harbour-dredging', 'Why was the harbour dredged?', ['dredging reason']),
  ]);
  const index = buildIndex([pack], lexicon);
  const scratch = createScratch(index);
  const best = (text: string) => {
    const analysis = approximate(
      analyze(text, index.lexicon, index.synonyms, index.speller),
      index,
      buildSemanticIndex(index, english.vectors()),
    );
    const [top] = scoreFacts(index, analysis, scratch, () => true);
    return { id: top && index.facts[top.factIndex]!.fact.id, complete: top?.complete };
  };

  it('holds every telling word as written or as surely corrected', () => {
    expect(best('when was the beach cleanup')).toEqual({ id: 'beach-cleanup', complete: true });
    expect(best('when was the beahc cleanup')).toEqual({ id: 'beach-cleanup', complete: true });
  });

  it('does not, when a telling word is only guessed at', () => {
    // "munich" is a real word, read as the painter "munch" for want of a better one.
    expect(best('when did the munich exhibition open')).toEqual({
      id: 'munch-exhibition',
      complete: false,
    });
    expect(best('when did the munch exhibition open')).toEqual({
      id: 'munch-exhibition',
      complete: true,
    });
    // "seashore" is no pack word: its neighbour by meaning is a guess too.
    expect(best('when was the seashore cleanup')).toEqual({ id: 'beach-cleanup', complete: false });
  });
});

describe('choosing among equally close corrections', () => {
  // "ermission" is one edit from both "remission" and "permission".
  const remission = testFact('betcha-remission', 'When was the betcha remission?', [
    'betcha remission date',
  ]);
  const permission = testFact('permission-slip', 'Who signed the permission slip?', [
    'permission slip signer',
  ]);
  const indexOf = (...facts: ReturnType<typeof testFact>[]) =>
    buildIndex([testPack('clinic', 'The clinic', 'Notes on the clinic.', facts)], lexicon);

  it("reads the question's other misspelt words first, when each has one correction", () => {
    const index = indexOf(remission, permission);
    const analysis = analyze(
      'when was the ermission ebtcha',
      index.lexicon,
      index.synonyms,
      index.speller,
      correctionChooser(index),
    );
    expect(analysis.corrections.get('ebtcha')).toBe('betcha');
    expect(analysis.corrections.get('ermission')).toBe('remission');
  });

  it('counts words beside each other in a phrasing above words that meet in an answer', () => {
    // Both facts name "betcha"; only one puts it in a phrasing beside the correction.
    const mentioned = { ...permission, answer: 'The betcha clerk signed the permission slip.' };
    const index = indexOf(mentioned, remission);
    const choose = correctionChooser(index);
    expect(choose(['permission', 'remission'], ['when', 'was', 'the', 'ermission', 'betcha'])).toBe(
      'remission',
    );
  });
});

describe('an answer that gives the kind of thing a question asks for', () => {
  const proposal = (id: string, answer: string, question = 'Who proposed continental drift?') => ({
    ...testFact(id, question, ['drift theory author']),
    answer,
  });
  const ranked = (facts: ReturnType<typeof proposal>[], text: string) => {
    const index = buildIndex([testPack('plates', 'Plates', 'Notes on plates.', facts)], lexicon);
    const analysis = analyze(text, index.lexicon, index.synonyms, index.speller);
    return scoreFacts(index, analysis, createScratch(index), () => true).map(
      (s) => index.facts[s.factIndex]!.fact.id,
    );
  };

  it('puts the fact whose answer gives a year first for a "when", though no phrasing asks', () => {
    const facts = [
      proposal('drift-author', 'Alfred Wegener set out continental drift.'),
      proposal('drift-proposal', 'Alfred Wegener set out continental drift in 1912.'),
    ];
    expect(ranked(facts, 'when was continental drift proposed')[0]).toBe('drift-proposal');
    expect(ranked(facts, 'how many people proposed continental drift')[0]).toBe('drift-author');
  });

  it('puts the fact whose answer gives a number first for a "how many"', () => {
    const facts = [
      proposal('plate-kinds', 'Plates are oceanic or continental.', 'What are the plates?'),
      proposal('plate-count', 'There are seven major plates.', 'What are the plates?'),
    ];
    expect(ranked(facts, 'how many plates are there')[0]).toBe('plate-count');
  });

  it('counts a phrasing that asks above an answer that only gives', () => {
    const facts = [
      proposal('drift-proposal', 'Alfred Wegener set out continental drift in 1912.'),
      proposal(
        'drift-date',
        'Alfred Wegener set out continental drift.',
        'When was continental drift proposed?',
      ),
    ];
    expect(ranked(facts, 'when continental drift proposed')[0]).toBe('drift-date');
  });
});

describe("a pack's topic called by its title's head", () => {
  const index = buildIndex(
    [
      testPack('crisis', 'The Cuban Missile Crisis', 'Notes.', [
        testFact('soviet-leader', 'Who led the Soviet Union?', ['soviet leader']),
        testFact('quarantine', 'Why was Cuba put under quarantine?', ['naval quarantine']),
        testFact('crisis-dates', 'When did the Cuban Missile Crisis start?', ['crisis dates']),
      ]),
    ],
    lexicon,
  );
  const scratch = createScratch(index);
  const top = (text: string) => {
    const analysis = analyze(text, index.lexicon, index.synonyms, index.speller);
    const [best] = scoreFacts(index, analysis, scratch, () => true);
    return { id: index.facts[best!.factIndex]!.fact.id, score: best!.score };
  };

  it('counts "the crisis" as named by every fact of the pack, as the title is', () => {
    const named = top('who led the soviet union during the crisis');
    expect(named.id).toBe('soviet-leader');
    // The crisis is taken as read: no penalty for a word the fact leaves to its pack's title.
    expect(named.score).toBeGreaterThan(top('who led the soviet union during the war').score);
  });

  it('does not count the word alone, which may be any crisis', () => {
    expect(top('who led the soviet union during a crisis').score).toBeLessThan(
      top('who led the soviet union during the crisis').score,
    );
  });
});
