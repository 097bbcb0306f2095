import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { english } from '../../src/knowledge/languages.js';
import { lexiconOf } from '../../src/engine/lexicon.js';

const lexicon = lexiconOf(english);
import { parsePackText } from '../../src/knowledge/parse.js';
import { packSchema } from '../../src/knowledge/schema.js';
import { validatePacks } from '../../src/knowledge/validate.js';
import { mulberry32, Random } from '../../src/bench/random.js';
import {
  ANSWERABLE_KINDS,
  applyTypo,
  benchVocabulary,
  generateCorpus,
  generateWorld,
  type TypoKind,
} from '../../src/bench/synthetic.js';
import { buildVocabulary } from '../../src/bench/vocabulary.js';

const vocabulary = benchVocabulary();
const corpusOptions = {
  seed: 7,
  facts: 30,
  answerable: 250,
  unanswerable: 120,
  warmUp: 20,
  prefixes: 200,
};

/** Optimal string alignment distance, for checking typos. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

const plainWords = (text: string) =>
  text
    .toLowerCase()
    .replace(/[?.!,]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);

describe('the random source', () => {
  it('gives the same sequence for the same seed, in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(first).size).toBe(100);
  });

  it('gives named streams that do not depend on each other', () => {
    const one = new Random(5);
    const two = new Random(5);
    two.float();
    expect(one.fork('questions').float()).toBe(two.fork('questions').float());
    expect(one.fork('a').float()).not.toBe(one.fork('b').float());
  });
});

describe('the vocabulary', () => {
  it('keeps letters-only content words of three or more letters, one per stem', () => {
    const entries = ['x', ...'the walking walks walker cat it dog2 ab zebra Zebra'.split(' ')].map(
      (word, i) => ({ word, count: 100 - i }),
    );
    const words = buildVocabulary(entries, [], { first: 0, last: entries.length }).words;
    expect(words).toEqual(['walking', 'walker', 'cat', 'zebra']);
  });

  it('takes thousands of real words from the frequency list, none a function word', () => {
    expect(vocabulary.words.length).toBeGreaterThan(10_000);
    expect(vocabulary.words.some((w) => lexicon.isFunctionWord(w))).toBe(false);
    const stems = new Set(vocabulary.words.map((w) => lexicon.stem(w)));
    expect(stems.size).toBe(vocabulary.words.length);
  });
});

describe('the synthetic generator', () => {
  it('gives the same packs and questions for the same seed', () => {
    const a = generateCorpus(vocabulary, corpusOptions);
    const b = generateCorpus(vocabulary, corpusOptions);
    expect(b.world.packs).toEqual(a.world.packs);
    expect(b.questions).toEqual(a.questions);
    expect(b.prefixes).toEqual(a.prefixes);
  });

  it('gives other packs for another seed', () => {
    const a = generateCorpus(vocabulary, corpusOptions);
    const b = generateCorpus(vocabulary, { ...corpusOptions, seed: 8 });
    expect(b.world.packs[0]!.facts[0]!.question).not.toBe(a.world.packs[0]!.facts[0]!.question);
  });

  it('makes packs that are valid per the pack schema and shaped like real ones', () => {
    const world = generateWorld(vocabulary, { seed: 3, facts: 1_200, unseen: 50 });
    expect(world.packs.length).toBe(3);
    expect(world.packs.reduce((n, p) => n + p.facts.length, 0)).toBe(1_200);
    for (const pack of world.packs) {
      expect(packSchema.safeParse(pack).success).toBe(true);
      expect(Object.keys(pack.synonyms).length).toBeGreaterThan(0);
      const ids = new Set(pack.facts.map((f) => f.id));
      for (const fact of pack.facts) {
        expect(fact.alternates.length).toBeGreaterThanOrEqual(3);
        expect(fact.alternates.length).toBeLessThanOrEqual(6);
        expect(fact.keywords.length).toBeGreaterThanOrEqual(2);
        expect(fact.keywords.length).toBeLessThanOrEqual(6);
        const answerWords = fact.answer.split(' ').length;
        expect(answerWords).toBeGreaterThanOrEqual(20);
        expect(answerWords).toBeLessThanOrEqual(60);
        expect(fact.tags.length).toBeGreaterThanOrEqual(1);
        expect(fact.tags.length).toBeLessThanOrEqual(3);
        const source = pack.sources.find((s) => s.id === fact.source.id);
        const section = source?.sections.find((s) => s.name === fact.source.section);
        expect(section).toBeDefined();
        expect(fact.source.paragraph).toBeLessThanOrEqual(section!.paragraphs);
        for (const id of fact.related) {
          expect(ids.has(id)).toBe(true);
          expect(id).not.toBe(fact.id);
        }
      }
    }
  });

  it('makes packs that pass every validation rule, self-retrieval included', () => {
    const { world } = generateCorpus(vocabulary, corpusOptions);
    const files = world.packs.map((pack) => parsePackText(`${pack.id}.yaml`, stringify(pack)));
    const result = validatePacks(files);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('gives every pair of topic words to one fact only, withheld facts included', () => {
    const world = generateWorld(vocabulary, { seed: 11, facts: 2_000, unseen: 300 });
    const seen = new Set<string>();
    for (const plan of [...world.plans, ...world.unseen]) {
      const [a, b, c] = plan.topics;
      for (const [x, y] of [
        [a, b],
        [a, c],
        [b, c],
      ] as const) {
        const key = [x, y].sort().join(' ');
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
    const ids = new Set(world.packs.flatMap((p) => p.facts.map((f) => f.id)));
    expect(world.unseen.some((plan) => ids.has(plan.fact.id))).toBe(false);
  });

  it('derives answerable questions of every kind, each pointing at a fact of the packs', () => {
    const { world, questions } = generateCorpus(vocabulary, corpusOptions);
    const ids = new Set(world.packs.flatMap((p) => p.facts.map((f) => f.id)));
    const answerable = questions.filter((q) => q.expect !== null);
    expect(answerable.length).toBe(250);
    for (const kind of ANSWERABLE_KINDS) {
      expect(answerable.filter((q) => q.kind === kind).length).toBe(50);
    }
    expect(answerable.every((q) => ids.has(q.expect!))).toBe(true);
  });

  it('rewords, reorders and drops words so the question is none of the fact phrasings', () => {
    const { world, questions } = generateCorpus(vocabulary, corpusOptions);
    const facts = new Map(world.packs.flatMap((p) => p.facts.map((f) => [f.id, f])));
    for (const q of questions) {
      if (q.kind !== 'reworded' && q.kind !== 'reordered' && q.kind !== 'dropped') continue;
      const fact = facts.get(q.expect!)!;
      const phrasings = [fact.question, ...fact.alternates].map((t) => plainWords(t).join(' '));
      expect(phrasings).not.toContain(plainWords(q.text).join(' '));
    }
  });

  it('puts typos only in words of five or more letters, one or two of them', () => {
    const { world, questions } = generateCorpus(vocabulary, corpusOptions);
    const facts = new Map(world.packs.flatMap((p) => p.facts.map((f) => [f.id, f])));
    for (const q of questions.filter((x) => x.kind === 'typo')) {
      const fact = facts.get(q.expect!)!;
      const typed = plainWords(q.text);
      const source = [fact.question, ...fact.alternates]
        .map(plainWords)
        .find(
          (words) =>
            words.length === typed.length && words.filter((w, i) => w !== typed[i]).length <= 2,
        );
      expect(source).toBeDefined();
      const changed = source!.flatMap((w, i) => (w === typed[i] ? [] : [[w, typed[i]!] as const]));
      expect(changed.length).toBeGreaterThanOrEqual(1);
      for (const [original, typo] of changed) {
        expect(original.length).toBeGreaterThanOrEqual(5);
        expect(distance(original, typo)).toBe(1);
      }
    }
  });

  it('makes one typo of the kind asked for', () => {
    const random = new Random(1);
    const kinds: TypoKind[] = ['deletion', 'transposition', 'substitution'];
    for (const kind of kinds) {
      for (const word of ['moscow', 'kosygin', 'relations', 'steel']) {
        const typo = applyTypo(word, kind, random);
        expect(distance(word, typo)).toBe(1);
        if (kind === 'deletion') expect(typo.length).toBe(word.length - 1);
        else expect(typo.length).toBe(word.length);
      }
    }
  });

  it('builds unanswerable questions from withheld facts and from words no fact uses', () => {
    const { world, questions } = generateCorpus(vocabulary, corpusOptions);
    const unanswerable = questions.filter((q) => q.expect === null);
    expect(unanswerable.length).toBe(120);
    expect(unanswerable.filter((q) => q.kind === 'unseen').length).toBe(60);
    const used = new Set(
      world.packs.flatMap((p) =>
        p.facts.flatMap((f) =>
          [f.question, ...f.alternates, ...f.keywords, f.answer].flatMap(plainWords),
        ),
      ),
    );
    const unknown = new Set(world.pools.unknown);
    for (const q of unanswerable.filter((x) => x.kind === 'unknown-words')) {
      const words = plainWords(q.text);
      expect(words.filter((w) => unknown.has(w)).length).toBeGreaterThanOrEqual(2);
      expect(words.filter((w) => unknown.has(w)).some((w) => used.has(w))).toBe(false);
    }
    const withheld = world.unseen.map((p) =>
      [p.fact.question, ...p.fact.alternates].map((t) => plainWords(t).join(' ')),
    );
    for (const q of unanswerable.filter((x) => x.kind === 'unseen')) {
      expect(withheld.some((phrasings) => phrasings.includes(plainWords(q.text).join(' ')))).toBe(
        true,
      );
    }
  });

  it('cuts autocomplete prefixes of 3 to 12 characters from answerable questions', () => {
    const { questions, prefixes } = generateCorpus(vocabulary, corpusOptions);
    const texts = questions.filter((q) => q.expect !== null).map((q) => q.text);
    expect(prefixes.length).toBe(200);
    for (const prefix of prefixes) {
      expect(prefix.length).toBeGreaterThanOrEqual(3);
      expect(prefix.length).toBeLessThanOrEqual(12);
      expect(texts.some((t) => t.startsWith(prefix))).toBe(true);
    }
  });
});
