import type { Fact, Pack, Source } from '../knowledge/schema.js';
import { Random } from './random.js';
import { buildVocabulary, loadWordFrequencies, type Vocabulary } from './vocabulary.js';

/**
 * Synthetic knowledge packs shaped like real ones, and questions with known answers, for the
 * benchmark. Everything follows from a seed: the same seed and sizes give the same packs and
 * questions, word for word.
 *
 * A fact is about its pack's subject (like "bhutto" in a pack about Bhutto) and is told apart
 * from its neighbours by three topic words of its own, rarer words whose every pair belongs to
 * one fact only, plus common "aspect" words ("purpose", "visit") shared by many facts. Its
 * phrasings are question templates filled with those words; the pack header declares synonyms
 * for the subject, for aspect words and for some topic words.
 */

/**
 * Question templates for a fact's canonical question. Slots: s subject, a and b aspect words,
 * t0 t1 t2 topic words, y year. Every template names t0 and t1, the pair that belongs to this
 * fact alone, so that any one phrasing left out, the others still point at the fact.
 */
export const QUESTION_TEMPLATES: readonly string[] = [
  'When did {s} {a} the {t0} {t1}?',
  'What was the {a} of the {t0} {t1} in {y}?',
  'Why did {s} {a} the {t0} of {t1}?',
  'Who led the {t0} {t1} during the {s} {b}?',
  'How many {t0} did the {t1} {a} in {y}?',
  'Where was the {t0} {t1} of {s} held?',
  'Which {t0} did {s} {a} after the {t1} {t2}?',
  'What did the {t0} {t1} change for {s}?',
  'How did {s} {a} the {t0} {t1} {t2}?',
  'What role did the {t0} {t1} play in the {s} {b}?',
];

/** Templates for alternate phrasings: shorter, chattier, some no more than keywords. */
export const ALTERNATE_TEMPLATES: readonly string[] = [
  '{a} of the {s} {t0} {t1}',
  'what happened with the {t0} {t1} {t2}',
  '{s} {t0} {t1} {a}',
  'when was the {t1} {t0}',
  'why did the {t0} {t1} {a} {s}',
  'who was behind the {t0} {t1} in {y}',
  'What was the {a} behind the {t1} {t0} {t2}?',
  '{t0} {t1} {t2} {b}',
  'tell me about the {t0} {t1} of {s}',
  'How did the {t1} {t0} affect {s}?',
  '{s} and the {t0} {t1} {t2}',
  'Did {s} ever {a} the {t0} {t1}?',
  '{y} {t0} {t1} {a}',
  'the {b} of {t0} {t1} explained',
];

/**
 * Templates for trivia prompts: whole questions, as a pack's trivia items put them, naming the
 * subject as a prompt must to stand on its own. Every one names t0 and t1, as phrasings do.
 */
export const PROMPT_TEMPLATES: readonly string[] = [
  'In {y}, which {b} came out of the {t0} {t1} for {s}?',
  'Which {b} is linked to the {t0} {t1} of {s}?',
  'What did the {t0} {t1} bring to {s} and its {b}?',
  'According to the source, what was the {a} of the {t0} {t1}?',
  'Which {t2} was part of the {t0} {t1} that {s} took on?',
];

/** The share of facts with trivia items, one or two each: about what real packs have. */
const TRIVIA_SHARE = 0.8;

/** The words the templates bring themselves: never used as topic or aspect words. */
export const TEMPLATE_WORDS: readonly string[] = [
  ...new Set(
    [...QUESTION_TEMPLATES, ...ALTERNATE_TEMPLATES, ...PROMPT_TEMPLATES].flatMap((t) =>
      t
        .replace(/\{\w+\}/g, ' ')
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter((w) => w.length > 0),
    ),
  ),
];

/** Function words that glue the words of an answer together. */
const LINK_WORDS = [
  'the',
  'of',
  'and',
  'in',
  'to',
  'was',
  'with',
  'for',
  'by',
  'on',
  'as',
  'at',
  'from',
  'that',
  'which',
  'its',
  'their',
  'after',
  'before',
  'during',
];

const SECTION_NAMES = ['Lead', 'Background', 'History', 'Events', 'Aftermath', 'Legacy', 'Notes'];
const PUBLISHERS = ['Wikipedia', 'Britannica', 'National Archives', 'Library of Congress'];

/** How many of the most frequent content words count as common (aspect and filler words). */
const COMMON_WORDS = 1_500;
/** How many common words serve only as synonyms of aspect words. */
const ASPECT_VARIANTS = 150;
/** How many common words are aspect words; the rest are filler for answers and tags. */
const ASPECT_WORDS = 600;
/** Aspect words each pack draws on. */
const PACK_ASPECTS = 24;
/** Share of the rarer words that no fact ever uses. */
const UNKNOWN_SHARE = 0.08;
/** Rarer words set aside to be pack subjects. */
const SUBJECT_WORDS = 800;
/** Share of facts that declare a spelling variant of one of their topic words. */
const TOPIC_VARIANT_SHARE = 0.2;
/** Share of facts with a year in their phrasings. */
const YEAR_SHARE = 0.6;

/** The default number of facts per pack (real packs hold tens to hundreds). */
export const DEFAULT_PACK_SIZE = 500;

/** The words the generator draws from, split by role. */
export interface WordPools {
  /** Common words naming an aspect of a fact ("purpose", "visit"). */
  readonly aspects: readonly string[];
  /** Aspect words that have synonyms, with them (the same in every pack that uses the word). */
  readonly aspectSynonyms: ReadonlyMap<string, readonly string[]>;
  /** Common words for answers and tags. */
  readonly filler: readonly string[];
  /** Rarer words naming pack subjects. */
  readonly subjects: readonly string[];
  /** Rarer words naming what a fact is about. */
  readonly topics: readonly string[];
  /** Rarer words no fact uses: unanswerable questions are made of them. */
  readonly unknown: readonly string[];
}

/** Splits the vocabulary into pools, deterministically for a seed. */
export function makePools(vocabulary: Vocabulary, random: Random): WordPools {
  const common = random.shuffle(vocabulary.words.slice(0, COMMON_WORDS));
  const variants = common.slice(0, ASPECT_VARIANTS);
  const aspects = common.slice(ASPECT_VARIANTS, ASPECT_VARIANTS + ASPECT_WORDS);
  const filler = common.slice(ASPECT_VARIANTS + ASPECT_WORDS);
  const aspectSynonyms = new Map<string, string[]>();
  // A hundred aspect words get one or two synonyms each.
  for (let i = 0, v = 0; v < variants.length; i++) {
    const count = Math.min(random.int(1, 2), variants.length - v);
    aspectSynonyms.set(aspects[i]!, variants.slice(v, v + count));
    v += count;
  }
  const rare = random.shuffle(vocabulary.words.slice(COMMON_WORDS));
  const unknownCount = Math.round(rare.length * UNKNOWN_SHARE);
  return {
    aspects,
    aspectSynonyms,
    filler,
    unknown: rare.slice(0, unknownCount),
    subjects: rare.slice(unknownCount, unknownCount + SUBJECT_WORDS),
    topics: rare.slice(unknownCount + SUBJECT_WORDS),
  };
}

const VOWELS = 'aeiou';

/**
 * A spelling variant of `word` as packs list them ("kosygin: [kosigin]"): a vowel changed, a
 * consonant doubled or a double letter made single. Undefined when every attempt is `taken`.
 */
export function misspell(
  word: string,
  random: Random,
  taken: (candidate: string) => boolean,
): string | undefined {
  for (let attempt = 0; attempt < 16; attempt++) {
    const op = random.int(0, 2);
    let out: string | undefined;
    if (op === 0) {
      const spots = [...word].flatMap((c, i) => (i > 0 && VOWELS.includes(c) ? [i] : []));
      if (spots.length > 0) {
        const i = random.pick(spots);
        const vowel = random.pick([...VOWELS].filter((v) => v !== word[i]));
        out = word.slice(0, i) + vowel + word.slice(i + 1);
      }
    } else if (op === 1) {
      const spots = [...word].flatMap((c, i) =>
        i > 0 && !VOWELS.includes(c) && word[i - 1] !== c && word[i + 1] !== c ? [i] : [],
      );
      if (spots.length > 0) {
        const i = random.pick(spots);
        out = word.slice(0, i) + word[i] + word.slice(i);
      }
    } else {
      const double = /(.)\1/.exec(word);
      if (double) out = word.slice(0, double.index) + word.slice(double.index + 1);
      else if (word.endsWith('e') && word.length > 4) out = word.slice(0, -1);
    }
    if (out !== undefined && out !== word && out.length >= 4 && !taken(out)) return out;
  }
  return undefined;
}

/** What the generator knows about one fact beyond the fact itself. */
export interface FactPlan {
  readonly fact: Fact;
  readonly packIndex: number;
  readonly subject: string;
  readonly topics: readonly [string, string, string];
  readonly aspects: readonly [string, string];
  readonly year: number | undefined;
}

/** Every synonym the packs declare, both ways, for rewording questions. */
export interface SynonymBook {
  /** A phrase (canonical or variant) → the other phrases it can be swapped for. */
  readonly swaps: ReadonlyMap<string, readonly string[]>;
}

export interface SyntheticWorld {
  readonly packs: Pack[];
  /** Each pack's subject, by pack index. */
  readonly subjects: readonly string[];
  /** The facts of the packs, with their plans, in pack order. */
  readonly plans: FactPlan[];
  /** Facts generated exactly like the others but withheld from every pack. */
  readonly unseen: FactPlan[];
  readonly pools: WordPools;
  readonly synonyms: SynonymBook;
}

export interface WorldOptions {
  readonly seed: number;
  /** How many facts the packs hold in all. */
  readonly facts: number;
  /** How many facts to generate and withhold. */
  readonly unseen: number;
  /** Facts per pack (the last pack may hold fewer). */
  readonly packSize?: number;
}

/** Three distinct words from a pool. */
function sampleThree(random: Random, pool: readonly string[]): [string, string, string] {
  const [a, b, c] = random.sample(pool, 3);
  if (a === undefined || b === undefined || c === undefined) {
    throw new RangeError('a word pool needs at least three words');
  }
  return [a, b, c];
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const fill = (template: string, slots: Readonly<Record<string, string>>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => slots[name] ?? '');

interface PackDraft {
  readonly id: string;
  readonly subject: string;
  readonly subjectVariants: readonly string[];
  readonly aspects: readonly string[];
  readonly tags: readonly string[];
  readonly sources: Source[];
  readonly synonyms: Map<string, readonly string[]>;
  readonly facts: Fact[];
}

/**
 * Generates packs holding `facts` facts in all, and `unseen` more facts that no pack holds.
 * Every pack is valid per the pack schema; every pair of topic words belongs to one fact only.
 */
export function generateWorld(vocabulary: Vocabulary, options: WorldOptions): SyntheticWorld {
  const random = new Random(options.seed);
  const pools = makePools(vocabulary, random.fork('pools'));
  const packSize = options.packSize ?? DEFAULT_PACK_SIZE;
  const packCount = Math.max(1, Math.ceil(options.facts / packSize));
  if (packCount * 2 > pools.subjects.length)
    throw new RangeError('too many packs for the vocabulary');

  const variantsTaken = new Set<string>();
  const taken = (w: string) => vocabulary.known.has(w) || variantsTaken.has(w);
  const topicVariant = new Map<string, string>();
  const swaps = new Map<string, string[]>();
  const addSwaps = (canonical: string, variants: readonly string[]) => {
    const all = [canonical, ...variants];
    for (const phrase of all) {
      const others = all.filter((p) => p !== phrase);
      const known = swaps.get(phrase);
      if (!known) {
        swaps.set(phrase, others);
        continue;
      }
      for (const o of others) if (!known.includes(o)) known.push(o);
    }
  };
  for (const [aspect, variants] of pools.aspectSynonyms) addSwaps(aspect, variants);

  const packRandom = random.fork('packs');
  const subjectWords = packRandom.shuffle(pools.subjects);
  const withSynonyms = [...pools.aspectSynonyms.keys()];
  const drafts: PackDraft[] = [];
  for (let p = 0; p < packCount; p++) {
    const words = packRandom.chance(0.5)
      ? [subjectWords[2 * p]!, subjectWords[2 * p + 1]!]
      : [subjectWords[2 * p]!];
    const subject = words.join(' ');
    const variants: string[] = [];
    const last = words.at(-1)!;
    const spelled = misspell(last, packRandom, taken);
    if (spelled) {
      variantsTaken.add(spelled);
      variants.push([...words.slice(0, -1), spelled].join(' '));
    }
    if (words.length === 2) variants.push(words[0]!);
    addSwaps(subject, variants);
    const id = words.join('-');
    const sources = Array.from({ length: packRandom.int(1, 2) }, (_, k): Source => ({
      id: `${id}-source-${k + 1}`,
      title: `${capitalize(subject)}${k === 0 ? '' : `, part ${k + 1}`}`,
      publisher: packRandom.pick(PUBLISHERS),
      url: `https://example.org/${id}/${k + 1}`,
      sections: packRandom
        .sample(SECTION_NAMES, packRandom.int(2, 4))
        .map((name) => ({ name, paragraphs: packRandom.int(1, 8) })),
    }));
    const aspects = [
      ...packRandom.sample(withSynonyms, PACK_ASPECTS / 2),
      ...packRandom.sample(pools.aspects, PACK_ASPECTS / 2),
    ];
    const synonyms = new Map<string, readonly string[]>();
    if (variants.length > 0) synonyms.set(subject, variants);
    drafts.push({
      id,
      subject,
      subjectVariants: variants,
      aspects: [...new Set(aspects)],
      tags: packRandom.sample(pools.filler, 6),
      sources,
      synonyms,
      facts: [],
    });
  }

  const pairs = new Set<string>();
  const pairKey = (x: string, y: string) => (x < y ? `${x} ${y}` : `${y} ${x}`);
  const factRandom = random.fork('facts');
  // Trivia draws from a stream of its own: the rest of a corpus is the same with or without it.
  const triviaRandom = random.fork('trivia');
  const pickTopics = (): [string, string, string] => {
    for (;;) {
      const [t0, t1, t2] = sampleThree(factRandom, pools.topics);
      const keys = [pairKey(t0, t1), pairKey(t0, t2), pairKey(t1, t2)];
      if (keys.some((k) => pairs.has(k))) continue;
      for (const k of keys) pairs.add(k);
      return [t0, t1, t2];
    }
  };

  const makeFact = (packIndex: number, withheld: boolean): FactPlan => {
    const draft = drafts[packIndex]!;
    const topics = pickTopics();
    const [t0, t1, t2] = topics;
    const aspectWithSynonyms = draft.aspects.filter((w) => pools.aspectSynonyms.has(w));
    const a = factRandom.pick(aspectWithSynonyms);
    let b = factRandom.pick(draft.aspects);
    if (b === a) b = factRandom.pick(draft.aspects);
    const year = factRandom.chance(YEAR_SHARE) ? factRandom.int(1850, 2020) : undefined;

    if (factRandom.chance(TOPIC_VARIANT_SHARE) && !withheld) {
      const word = factRandom.pick(topics);
      if (!topicVariant.has(word)) {
        const spelled = misspell(word, factRandom, taken);
        if (spelled) {
          variantsTaken.add(spelled);
          topicVariant.set(word, spelled);
          addSwaps(word, [spelled]);
        }
      }
    }

    const slots = { s: draft.subject, a, b, t0, t1, t2, y: year === undefined ? '' : String(year) };
    const usable = (t: string) => year !== undefined || !t.includes('{y}');
    const question = fill(factRandom.pick(QUESTION_TEMPLATES.filter(usable)), slots);
    const alternateTemplates = factRandom.sample(
      ALTERNATE_TEMPLATES.filter(usable),
      factRandom.int(3, 6),
    );
    const alternates = alternateTemplates.map((template) => {
      // Some alternates use a synonym, as people write them ("reason for zabs moscow visit").
      const local = { ...slots };
      if (factRandom.chance(0.2) && draft.subjectVariants.length > 0) {
        local.s = factRandom.pick(draft.subjectVariants);
      } else if (factRandom.chance(0.2)) {
        local.a = factRandom.pick(pools.aspectSynonyms.get(a) ?? [a]);
      }
      return fill(template, local);
    });

    const keywordChoices = [t0, t1, t2, `${t0} ${t1}`, a, b, draft.subject];
    const keywords = factRandom.sample([...new Set(keywordChoices)], factRandom.int(2, 6));

    const fact: Fact = {
      id: `${t0}-${t1}`,
      question,
      alternates,
      keywords,
      answer: composeAnswer(factRandom, pools, draft.subject, topics, [a, b], year),
      source: citation(factRandom, draft.sources),
      related: [],
      tags: factRandom.sample(draft.tags, factRandom.int(1, 3)),
      trivia: triviaRandom.chance(TRIVIA_SHARE)
        ? triviaRandom
            .sample(PROMPT_TEMPLATES.filter(usable), triviaRandom.int(1, 2))
            .map((template) => triviaItem(triviaRandom, fill(template, slots), year, t2, draft))
        : [],
    };
    // A pack declares the synonyms of the words its own facts use; withheld facts add none.
    for (const word of withheld ? [] : [a, b]) {
      const variants = pools.aspectSynonyms.get(word);
      if (variants) draft.synonyms.set(word, variants);
    }
    for (const word of withheld ? [] : topics) {
      const variant = topicVariant.get(word);
      if (variant) draft.synonyms.set(word, [variant]);
    }
    return { fact, packIndex, subject: draft.subject, topics, aspects: [a, b], year };
  };

  const plans: FactPlan[] = [];
  const unseen: FactPlan[] = [];
  const unseenRandom = random.fork('unseen');
  // Facts are made in one stream, withheld ones interleaved, so withheld facts draw on the same
  // words as the packs' facts at every size.
  const total = options.facts + options.unseen;
  let withheldLeft = options.unseen;
  for (let made = 0; made < total; made++) {
    const left = total - made;
    const withhold = withheldLeft > 0 && unseenRandom.float() < withheldLeft / left;
    if (withhold) {
      withheldLeft -= 1;
      unseen.push(makeFact(unseenRandom.int(0, packCount - 1), true));
    } else {
      const packIndex = Math.min(packCount - 1, Math.floor(plans.length / packSize));
      const plan = makeFact(packIndex, false);
      plans.push(plan);
      drafts[packIndex]!.facts.push(plan.fact);
    }
  }

  const relatedRandom = random.fork('related');
  for (const draft of drafts) {
    const facts = draft.facts;
    facts.forEach((fact, i) => {
      const count = Math.min(relatedRandom.int(0, 3), facts.length - 1);
      const ids = new Set<string>();
      while (ids.size < count) {
        const j = relatedRandom.int(0, facts.length - 1);
        if (j !== i) ids.add(facts[j]!.id);
      }
      fact.related = [...ids];
    });
  }

  const packs = drafts.map((draft): Pack => ({
    id: draft.id,
    title: `The ${draft.subject}`,
    description: `Questions and answers about the ${draft.subject}: ${draft.facts.length} facts.`,
    language: 'en',
    sources: draft.sources,
    synonyms: Object.fromEntries([...draft.synonyms].map(([k, v]) => [k, [...v]])),
    entities: [],
    facts: draft.facts,
  }));
  return {
    packs,
    subjects: drafts.map((d) => d.subject),
    plans,
    unseen,
    pools,
    synonyms: { swaps },
  };
}

function citation(random: Random, sources: readonly Source[]): Fact['source'] {
  const source = random.pick(sources);
  const section = random.pick(source.sections);
  return { id: source.id, section: section.name, paragraph: random.int(1, section.paragraphs) };
}

/** An answer of 20 to 60 words that speaks of the fact's own topic words. */
/** A trivia item: its answer the year or the third topic word, distractors of the same kind. */
function triviaItem(
  random: Random,
  prompt: string,
  year: number | undefined,
  topic: string,
  draft: { readonly aspects: readonly string[] },
): Fact['trivia'][number] {
  if (year !== undefined) {
    const offsets = random.sample([-12, -7, -3, 2, 4, 9, 15], 3);
    return {
      prompt,
      answer: String(year),
      accept: [],
      distractors: offsets.map((d) => String(year + d)),
    };
  }
  return {
    prompt,
    answer: topic,
    accept: [],
    distractors: random.sample(
      draft.aspects.filter((w) => w !== topic),
      3,
    ),
  };
}

function composeAnswer(
  random: Random,
  pools: WordPools,
  subject: string,
  topics: readonly [string, string, string],
  aspects: readonly [string, string],
  year: number | undefined,
): string {
  const target = random.int(20, 60);
  const [t0, t1, t2] = topics;
  const sentences: string[][] = [
    [
      'the',
      t0,
      t1,
      random.pick(pools.filler),
      'the',
      t2,
      ...(year === undefined ? [] : ['in', String(year)]),
      'when',
      ...subject.split(' '),
      random.pick(pools.filler),
      'the',
      aspects[0],
    ],
  ];
  let words = sentences[0]!.length;
  while (words < target) {
    const length = random.int(6, 12);
    const sentence: string[] = [];
    for (let i = 0; i < length; i++) {
      const roll = random.float();
      if (roll < 0.35) sentence.push(random.pick(LINK_WORDS));
      else if (roll < 0.85) sentence.push(random.pick(pools.filler));
      else if (roll < 0.95) sentence.push(random.pick([t0, t1, t2, ...aspects]));
      else sentence.push(String(random.int(2, 900)));
    }
    sentences.push(sentence);
    words += length;
  }
  // Cut to the target length, then to the schema's limit of 600 characters.
  let budget = target;
  const cut = sentences.flatMap((s) => {
    const kept = s.slice(0, Math.max(0, budget));
    budget -= kept.length;
    return kept.length > 0 ? [kept] : [];
  });
  const render = () => cut.map((s) => `${capitalize(s.join(' '))}.`).join(' ');
  let text = render();
  while (text.length > 600) {
    const lastSentence = cut.at(-1)!;
    lastSentence.pop();
    if (lastSentence.length === 0) cut.pop();
    text = render();
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Questions

export const ANSWERABLE_KINDS = ['reworded', 'reordered', 'dropped', 'typo', 'keyword'] as const;
export const UNANSWERABLE_KINDS = ['unseen', 'unknown-words'] as const;
export type AnswerableKind = (typeof ANSWERABLE_KINDS)[number];
export type UnanswerableKind = (typeof UNANSWERABLE_KINDS)[number];
export type QuestionKind = AnswerableKind | UnanswerableKind;

/** A question with its known answer: a fact id, or null when no fact answers it. */
export interface BenchQuestion {
  readonly text: string;
  readonly kind: QuestionKind;
  readonly expect: string | null;
}

const QUESTION_WORDS = new Set(['when', 'what', 'why', 'who', 'how', 'which', 'where', 'did']);
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export type TypoKind = 'deletion' | 'transposition' | 'substitution';

/** One typo in `word`: a letter deleted, two neighbours swapped, or a letter replaced. */
export function applyTypo(word: string, kind: TypoKind, random: Random): string {
  if (word.length < 2) return word;
  if (kind === 'deletion') {
    const i = random.int(0, word.length - 1);
    return word.slice(0, i) + word.slice(i + 1);
  }
  if (kind === 'transposition') {
    const spots = [...word].flatMap((c, i) =>
      i + 1 < word.length && word[i + 1] !== c ? [i] : [],
    );
    if (spots.length === 0) return applyTypo(word, 'substitution', random);
    const i = random.pick(spots);
    return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  }
  const i = random.int(0, word.length - 1);
  const lower = word[i]!.toLowerCase();
  const letter = random.pick([...LETTERS].filter((l) => l !== lower));
  return word.slice(0, i) + letter + word.slice(i + 1);
}

const words = (text: string) =>
  text
    .replace(/[?.!,]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
const phrasingsOf = (fact: Fact) => [fact.question, ...fact.alternates];
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Writes a question the way people type it: sometimes all lower case, sometimes without "?". */
function asTyped(random: Random, text: string): string {
  let out = text.trim();
  if (random.chance(0.4)) out = out.toLowerCase();
  if (random.chance(0.3)) out = out.replace(/\?$/, '');
  return out;
}

/** An alternate phrasing with one declared synonym swapped for another form of it. */
function reworded(random: Random, plan: FactPlan, book: SynonymBook): string {
  const alternates = random.shuffle(plan.fact.alternates);
  for (const text of [...alternates, plan.fact.question]) {
    const found = candidatesIn(text, plan, book);
    if (found.length === 0) continue;
    const [phrase, others] = random.pick(found);
    const replacement = random.pick(others);
    return text.replace(new RegExp(`\\b${escapeRegExp(phrase)}\\b`, 'i'), replacement);
  }
  return alternates[0] ?? plan.fact.question;
}

/** The declared phrases a text holds (whole words), with what each may be swapped for. */
function candidatesIn(
  text: string,
  plan: FactPlan,
  book: SynonymBook,
): [string, readonly string[]][] {
  const lower = ` ${words(text).join(' ').toLowerCase()} `;
  const phrases = new Set<string>([plan.subject, ...plan.aspects, ...plan.topics]);
  for (const phrase of [...phrases])
    for (const other of book.swaps.get(phrase) ?? []) phrases.add(other);
  const out: [string, readonly string[]][] = [];
  for (const phrase of phrases) {
    const others = book.swaps.get(phrase);
    if (others && others.length > 0 && lower.includes(` ${phrase} `)) out.push([phrase, others]);
  }
  return out;
}

function reordered(random: Random, plan: FactPlan): string {
  const text = random.pick(phrasingsOf(plan.fact));
  const list = words(text);
  const head = list[0] && QUESTION_WORDS.has(list[0].toLowerCase()) ? [list[0]] : [];
  const rest = list.slice(head.length);
  let shuffled = random.shuffle(rest);
  for (let i = 0; i < 4 && shuffled.join(' ') === rest.join(' '); i++)
    shuffled = random.shuffle(rest);
  if (shuffled.join(' ') === rest.join(' ')) shuffled = [...rest].reverse();
  return [...head, ...shuffled].join(' ');
}

function dropped(random: Random, plan: FactPlan): string {
  const list = words(plan.fact.question);
  const keep = new Set(plan.topics.slice(0, 2));
  const droppable = list.flatMap((w, i) => (keep.has(w.toLowerCase()) ? [] : [i]));
  const count = Math.min(random.int(1, 2), Math.max(0, list.length - 2), droppable.length);
  const gone = new Set(random.sample(droppable, count));
  return `${list.filter((_, i) => !gone.has(i)).join(' ')}?`;
}

/** A word a typo may go into: five letters or more, perhaps with punctuation after. */
const TYPO_WORD = /^[a-z]{5,}[?.!,]?$/i;

/**
 * One of the fact's phrasings with one or two typos, in words of five letters or more; undefined
 * when no phrasing has such a word (every word short), so the caller picks another fact.
 */
function typoed(random: Random, plan: FactPlan): string | undefined {
  const phrasings = phrasingsOf(plan.fact).filter((p) =>
    p.split(' ').some((w) => TYPO_WORD.test(w)),
  );
  if (phrasings.length === 0) return undefined;
  const text = random.pick(phrasings);
  const list = text.split(' ');
  const long = list.flatMap((w, i) => (TYPO_WORD.test(w) ? [i] : []));
  const chosen = random.sample(long, random.int(1, 2));
  for (const i of chosen) {
    const word = list[i]!;
    const tail = /[?.!,]$/.test(word) ? word.slice(-1) : '';
    const letters = word.slice(0, word.length - tail.length);
    const kind = random.pick<TypoKind>(['deletion', 'transposition', 'substitution']);
    list[i] = applyTypo(letters, kind, random) + tail;
  }
  return list.join(' ');
}

function keywordOnly(random: Random, plan: FactPlan): string {
  const [t0, t1, t2] = plan.topics;
  const extra = random.chance(0.5) ? [random.pick([t2, plan.aspects[0]])] : [];
  return random.shuffle([t0, t1, ...extra]).join(' ');
}

/** A question like the packs' own, about topic words no fact uses. */
function unknownWords(random: Random, world: SyntheticWorld): string {
  const [t0, t1, t2] = sampleThree(random, world.pools.unknown);
  // Half of them name a pack's subject, as a question about an uncovered part of a topic would.
  const subject = random.chance(0.5)
    ? random.pick(world.subjects)
    : random.pick(world.pools.unknown);
  const slots = {
    s: subject,
    a: random.pick(world.pools.aspects),
    b: random.pick(world.pools.aspects),
    t0,
    t1,
    t2,
    y: String(random.int(1850, 2020)),
  };
  return fill(random.pick([...QUESTION_TEMPLATES, ...ALTERNATE_TEMPLATES]), slots);
}

/**
 * Questions with known answers: `answerable` derived from the packs' facts (an equal share of
 * each {@link ANSWERABLE_KINDS}) and `unanswerable` that no fact answers (half the phrasings of
 * withheld facts, half questions over words no fact uses), shuffled together.
 */
export function deriveQuestions(
  world: SyntheticWorld,
  random: Random,
  answerable: number,
  unanswerable: number,
): BenchQuestion[] {
  const out: BenchQuestion[] = [];
  for (let i = 0; i < answerable; i++) {
    const kind = ANSWERABLE_KINDS[i % ANSWERABLE_KINDS.length]!;
    let plan = random.pick(world.plans);
    let typo = kind === 'typo' ? typoed(random, plan) : undefined;
    // A fact whose words are all short cannot carry a typo: another fact is asked instead.
    for (let tries = 0; kind === 'typo' && typo === undefined && tries < 100; tries++) {
      plan = random.pick(world.plans);
      typo = typoed(random, plan);
    }
    const text =
      kind === 'reworded'
        ? reworded(random, plan, world.synonyms)
        : kind === 'reordered'
          ? reordered(random, plan)
          : kind === 'dropped'
            ? dropped(random, plan)
            : kind === 'typo'
              ? (typo ?? keywordOnly(random, plan))
              : keywordOnly(random, plan);
    out.push({
      text: kind === 'keyword' ? text : asTyped(random, text),
      kind,
      expect: plan.fact.id,
    });
  }
  for (let i = 0; i < unanswerable; i++) {
    const useUnseen = i % 2 === 0 && world.unseen.length > 0;
    if (useUnseen) {
      const plan = world.unseen[Math.floor(i / 2) % world.unseen.length]!;
      out.push({
        text: asTyped(random, random.pick(phrasingsOf(plan.fact))),
        kind: 'unseen',
        expect: null,
      });
    } else {
      out.push({
        text: asTyped(random, unknownWords(random, world)),
        kind: 'unknown-words',
        expect: null,
      });
    }
  }
  return random.shuffle(out);
}

/** Prefixes of 3 to 12 characters of the given questions, as typed into autocomplete. */
export function derivePrefixes(
  random: Random,
  questions: readonly BenchQuestion[],
  count: number,
): string[] {
  const pool = questions.filter((q) => q.expect !== null);
  if (pool.length === 0) return [];
  return Array.from({ length: count }, () => {
    const text = random.pick(pool).text;
    return text.slice(0, Math.min(text.length, random.int(3, 12)));
  });
}

export interface CorpusOptions {
  readonly seed: number;
  readonly facts: number;
  readonly answerable: number;
  readonly unanswerable: number;
  readonly warmUp: number;
  readonly prefixes: number;
  readonly packSize?: number;
}

/** Everything one benchmark size needs. */
export interface Corpus {
  readonly world: SyntheticWorld;
  readonly questions: BenchQuestion[];
  readonly warmUp: BenchQuestion[];
  readonly prefixes: string[];
}

/** Packs, withheld facts, the timed questions, warm-up questions and autocomplete prefixes. */
export function generateCorpus(vocabulary: Vocabulary, options: CorpusOptions): Corpus {
  const world = generateWorld(vocabulary, {
    seed: options.seed,
    facts: options.facts,
    unseen: Math.max(30, Math.ceil(options.unanswerable / 2)),
    packSize: options.packSize,
  });
  const random = new Random(options.seed).fork(`questions-${options.facts}`);
  const questions = deriveQuestions(
    world,
    random.fork('timed'),
    options.answerable,
    options.unanswerable,
  );
  const warmUpShare = options.answerable / Math.max(1, options.answerable + options.unanswerable);
  const warmUpAnswerable = Math.round(options.warmUp * warmUpShare);
  const warmUp = deriveQuestions(
    world,
    random.fork('warm-up'),
    warmUpAnswerable,
    options.warmUp - warmUpAnswerable,
  );
  const prefixes = derivePrefixes(random.fork('prefixes'), questions, options.prefixes);
  return { world, questions, warmUp, prefixes };
}

let vocabulary: Vocabulary | undefined;

/** The vocabulary of real English words the benchmark writes in (loaded once). */
export function benchVocabulary(): Vocabulary {
  vocabulary ??= buildVocabulary(loadWordFrequencies(), TEMPLATE_WORDS);
  return vocabulary;
}
