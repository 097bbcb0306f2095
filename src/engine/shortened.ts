import { applySynonyms, type SynonymTable } from './analyze.js';
import type { Lexicon } from './lexicon.js';
import { wordsOf } from './normalize.js';
import { finish, stepDue, type Steps } from './steps.js';

/**
 * Words chat shortens in ways no typo rule finds: initials ("cm" for the packs' "command
 * module"), dropped vowels ("rltns" for "relations", "hrt" for "heart") and clippings ("astro"
 * for "astronaut", "pak" for "pakistan"). Each is read as the one pack word or phrase it can
 * stand for, and only when the language does not know it as a word of its own.
 */
export interface Shortenings {
  /** The pack word or phrase `word` shortens, when exactly one fits. */
  expand(word: string): string | undefined;
  /** Makes now the tables the first shortening would otherwise make. */
  prepare(): void;
  /** {@link prepare} in steps, for a shell that keeps serving meanwhile. */
  prepareSteps(): Steps<void>;
}

/** Letters English writes as vowels: dropped in chat, kept in a word's skeleton only first. */
const VOWELS = /[aeiouy]/g;
const LETTERS = /^[a-z]+$/;
/** Initials are read from phrases of this many words. */
const PHRASE_WORDS = { least: 2, most: 4 } as const;
/** A clipping keeps at least this many letters; a skeleton has at least this many. */
const LEAST_LETTERS = 3;

const skeletonOf = (word: string): string => word[0]! + word.slice(1).replace(VOWELS, '');

export interface ShorteningSources {
  /** The packs' words (function words left out), in alphabetical order. */
  readonly vocabulary: readonly string[];
  /** How many facts use each pack word. */
  readonly uses: (word: string) => number;
  /** Phrases initials may stand for: the packs' keywords, synonyms and entities. */
  readonly phrases: () => Iterable<string>;
}

export function buildShortenings(
  sources: ShorteningSources,
  lexicon: Lexicon,
  synonyms: SynonymTable,
): Shortenings {
  // Two words are one reading when the synonym tables fold them together ("pakistani").
  const readingOf = (word: string) => applySynonyms([word], synonyms).join(' ');
  /** The one reading among words, the most used of them; undefined when they read apart. */
  const single = (words: readonly string[]): string | undefined => {
    if (words.length === 0) return undefined;
    const readings = new Set(words.map(readingOf));
    if (readings.size !== 1) return undefined;
    return [...words].sort((a, b) => sources.uses(b) - sources.uses(a) || (a < b ? -1 : 1))[0];
  };

  let initials: Map<string, Set<string>> | undefined;
  const initialsOf = () => initials ?? finish(initialSteps());
  function* initialSteps(): Steps<Map<string, Set<string>>> {
    if (initials) return initials;
    const made = new Map<string, Set<string>>();
    let read = 0;
    for (const phrase of sources.phrases()) {
      if (stepDue(read++)) yield;
      const words = wordsOf(phrase).filter((w) => !lexicon.isFunctionWord(w) && LETTERS.test(w));
      for (let n = PHRASE_WORDS.least; n <= PHRASE_WORDS.most; n++) {
        for (let i = 0; i + n <= words.length; i++) {
          const span = words.slice(i, i + n);
          const key = span.map((w) => w[0]).join('');
          let set = made.get(key);
          if (!set) made.set(key, (set = new Set()));
          if (set.size < 4) set.add(span.join(' '));
        }
      }
    }
    // Made meanwhile by a question answered between two steps: the first one made is kept.
    initials ??= made;
    return initials;
  }

  let skeletons: Map<string, string[]> | undefined;
  const skeletonsOf = () => skeletons ?? finish(skeletonSteps());
  function* skeletonSteps(): Steps<Map<string, string[]>> {
    if (skeletons) return skeletons;
    const made = new Map<string, string[]>();
    for (const [i, word] of sources.vocabulary.entries()) {
      if (stepDue(i)) yield;
      if (!LETTERS.test(word) || word.length <= LEAST_LETTERS) continue;
      const key = skeletonOf(word);
      const list = made.get(key);
      if (list) list.push(word);
      else made.set(key, [word]);
    }
    skeletons ??= made;
    return skeletons;
  }

  function* prepareSteps(): Steps<void> {
    yield* initialSteps();
    yield* skeletonSteps();
  }

  /** The pack words starting with `prefix`, by binary search over the sorted vocabulary. */
  const startingWith = (prefix: string): string[] => {
    const { vocabulary } = sources;
    let lo = 0;
    let hi = vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (vocabulary[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < vocabulary.length && vocabulary[i]!.startsWith(prefix); i++) {
      if (vocabulary[i] !== prefix) out.push(vocabulary[i]!);
      if (out.length > 8) break;
    }
    return out;
  };

  return {
    prepare: () => finish(prepareSteps()),
    prepareSteps,
    expand(word) {
      if (!LETTERS.test(word) || word.length < 2) return undefined;
      if (word.length <= PHRASE_WORDS.most + 1) {
        const phrases = initialsOf().get(word);
        if (phrases?.size === 1) return [...phrases][0];
      }
      if (word.length < LEAST_LETTERS) return undefined;
      // Dropped vowels: a word written with at most one vowel, as its skeleton.
      if ((word.match(VOWELS)?.length ?? 0) <= 1) {
        const found = single(skeletonsOf().get(skeletonOf(word)) ?? []);
        if (found) return found;
      }
      // A clipping, or the plural of one ("astros").
      const stem = word.length > LEAST_LETTERS && word.endsWith('s') ? word.slice(0, -1) : word;
      return single(startingWith(stem));
    },
  };
}
