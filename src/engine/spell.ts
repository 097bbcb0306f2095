/**
 * Typo correction against the packs' own vocabulary, with a symmetric-delete index: every word
 * is stored under the strings left after deleting up to two of its letters, so a misspelt word
 * finds its candidates by a few look-ups instead of a scan of the vocabulary. Candidates are
 * then confirmed with an edit distance that counts a swap of neighbours as one edit.
 *
 * The deletion strings are stored as 32-bit hashes in one sorted array, not as strings in a
 * map: a vocabulary of 20,000 words has about a million of them. A hash collision can only add
 * a candidate, which the edit distance then judges like any other: every word within the
 * allowed edits is found anyway (the word side is indexed two letters deeper than its own
 * length allows), so an extra candidate cannot change the correction.
 */

import { RANKING } from './config.js';
import type { Lexicon } from './lexicon.js';
import { FNV_OFFSET, fnvStep } from './normalize.js';
import { lowerBound, orderByKey } from './order.js';
import { finish, stepDue, type Steps } from './steps.js';

/** How many edits a word of this length may be away from its correction. */
export function allowedEdits(length: number): number {
  if (length < RANKING.spelling.oneEditFrom) return 0;
  if (length < RANKING.spelling.twoEditsFrom) return 1;
  return 2;
}

/**
 * Appends to `out` the FNV-1a hash of every string left after deleting up to `depth` characters
 * of `word`: the word itself, never the empty string. A string left by different deletions
 * ("aab" less either "a") comes once for each.
 */
function deletionHashes(word: string, depth: number, out: number[]): void {
  /** The positions deleted so far, increasing. */
  const deleted: number[] = [];
  const visit = (from: number) => {
    let hash = FNV_OFFSET;
    let next = 0;
    for (let k = 0; k < word.length; k++) {
      if (deleted[next] === k) next++;
      else hash = fnvStep(hash, word.charCodeAt(k));
    }
    out.push(hash >>> 0);
    if (deleted.length === depth || word.length - deleted.length <= 1) return;
    for (let i = from; i < word.length; i++) {
      deleted.push(i);
      visit(i + 1);
      deleted.pop();
    }
  };
  visit(0);
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of adjacent
 * letters each cost one. Gives up early (returns `max + 1`) once the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prevPrev = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, prevPrev[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  return prev[n]!;
}

/**
 * A word spelt by ear ("relashuns", "cooperashun") is usually more than two edits from the word
 * meant but sounds the same: when no word is within the allowed edits, one of at least
 * `soundMinLength` letters that the language does not have is looked up by its sound code. A
 * real word ("swingers") is taken as meant, however much it sounds like a pack's ("snickers").
 * Codes shorter than `soundMinCode` say too little ("PT" is "bhutto" and "bad" alike).
 */
const {
  soundMinLength: PHONETIC_MIN_LENGTH,
  soundMaxEdits: PHONETIC_MAX_EDITS,
  soundMinCode: PHONETIC_MIN_CODE,
} = RANKING.spelling;

/** True when `a` is `b` with its first two letters swapped. */
function swappedStart(a: string, b: string): boolean {
  return a.length === b.length && a[0] === b[1] && a[1] === b[0] && a.slice(2) === b.slice(2);
}

export interface SpellIndex {
  /** The closest known word within the allowed edits, or undefined when there is none. */
  correct(word: string): string | undefined;
  /**
   * Every known word as close as the closest, the one {@link correct} gives first: the
   * question's other words may tell which was meant.
   */
  candidates(word: string): readonly string[];
  has(word: string): boolean;
  /**
   * The pack word or phrase a word no rule of typos finds stands for, when it is a shortening
   * of one (see `shortened.ts`).
   */
  expand?(word: string): string | undefined;
  /** How many deletion strings and words by sound it has looked at so far: its work, for tests. */
  work(): number;
  /** Makes now what the first correction would otherwise make. */
  prepare(): void;
  /**
   * Makes, in steps, everything corrections would otherwise make when first needed: what
   * {@link prepare} makes, and the known words by sound. For a shell that keeps serving meanwhile.
   */
  readySteps(): Steps<void>;
}

/**
 * Builds a corrector over `frequencies` (word → how often the packs use it). Among equally close
 * words the more frequent wins, then the alphabetically first, so corrections are deterministic.
 */
export function buildSpellIndex(
  frequencies: ReadonlyMap<string, number>,
  lexicon: Lexicon,
): SpellIndex {
  const { longestWord } = RANKING.spelling;
  /**
   * The words that can be corrected into, and their deletion hashes sorted with the word each
   * came from beside it: made at the first word that needs correcting (or by `prepare`), since
   * most questions are spelt right and a console's first prompt needs none of it.
   */
  let built: { dictionary: string[]; byHash: Uint32Array; owner: Int32Array } | undefined;
  function* buildSteps(): Steps<NonNullable<typeof built>> {
    if (built) return built;
    const dictionary: string[] = [];
    const hashes: number[] = [];
    const owners: number[] = [];
    let read = 0;
    for (const word of frequencies.keys()) {
      if (stepDue(read++)) yield;
      const depth = allowedEdits(word.length + 2);
      if (depth === 0 || word.length > longestWord || /\d/.test(word)) continue;
      const from = hashes.length;
      deletionHashes(word, depth, hashes);
      for (let k = from; k < hashes.length; k++) owners.push(dictionary.length);
      dictionary.push(word);
    }
    yield;
    const unsorted = Uint32Array.from(hashes);
    const order = orderByKey(unsorted);
    yield;
    const byHash = new Uint32Array(order.length);
    const owner = new Int32Array(order.length);
    order.forEach((k, at) => {
      byHash[at] = unsorted[k]!;
      owner[at] = owners[k]!;
    });
    // Made meanwhile by a question answered between two steps: the first one made is kept.
    built ??= { dictionary, byHash, owner };
    return built;
  }
  const build = () => built ?? finish(buildSteps());

  let probes = 0;
  /** Every known word at the least distance from `word`, most frequent first, then A to Z. */
  const closest = (word: string): string[] => {
    const max = allowedEdits(word.length);
    if (max === 0 || word.length > longestWord || /\d/.test(word)) return [];
    const { dictionary, byHash, owner } = build();
    let best: string[] = [];
    let bestDistance = max + 1;
    const seen = new Set<number>();
    const variants: number[] = [];
    deletionHashes(word, max, variants);
    probes += variants.length;
    for (const hash of variants) {
      for (let k = lowerBound(byHash, hash); k < byHash.length && byHash[k] === hash; k++) {
        const at = owner[k]!;
        if (seen.has(at)) continue;
        seen.add(at);
        const candidate = dictionary[at]!;
        const distance = editDistance(word, candidate, max);
        if (distance > max || distance > bestDistance) continue;
        // Short words must keep their first letter ("bhuto" → "bhutto", never "mhutto"),
        // unless the first letter is all that is missing ("oscow" → "moscow") or the first two
        // are swapped ("rfown" → "frown").
        if (
          candidate[0] !== word[0] &&
          word.length < 6 &&
          candidate.slice(1) !== word &&
          !swappedStart(word, candidate)
        ) {
          continue;
        }
        if (distance < bestDistance) {
          best = [];
          bestDistance = distance;
        }
        best.push(candidate);
      }
    }
    if (best.length === 0) return bySound(word);
    return best.sort(byUse);
  };
  const frequency = (w: string) => frequencies.get(w) ?? 0;
  const byUse = (a: string, b: string) =>
    frequency(b) - frequency(a) || (a < b ? -1 : a > b ? 1 : 0);

  /** Known words by their primary Double Metaphone code, made at the first word spelt by ear. */
  let sounds: Map<string, string[]> | undefined;
  function* soundSteps(): Steps<Map<string, string[]>> {
    if (sounds) return sounds;
    const { dictionary } = yield* buildSteps();
    const byCode = new Map<string, string[]>();
    for (const [i, known] of dictionary.entries()) {
      if (stepDue(i)) yield;
      if (known.length < PHONETIC_MIN_LENGTH - PHONETIC_MAX_EDITS) continue;
      const key = lexicon.soundCode(known);
      const list = byCode.get(key);
      if (list) list.push(known);
      else byCode.set(key, [known]);
    }
    sounds ??= byCode;
    return sounds;
  }
  /**
   * Every known word that sounds like `word`, starts with its letter and is within
   * {@link PHONETIC_MAX_EDITS} of it, the closest first, then the most used.
   */
  const bySound = (word: string): string[] => {
    if (word.length < PHONETIC_MIN_LENGTH || lexicon.count(word) > 0) return [];
    const code = lexicon.soundCode(word);
    if (code.length < PHONETIC_MIN_CODE) return [];
    const byCode = sounds ?? finish(soundSteps());
    const found: { word: string; distance: number }[] = [];
    probes += byCode.get(code)?.length ?? 0;
    for (const candidate of byCode.get(code) ?? []) {
      if (candidate[0] !== word[0]) continue;
      const distance = editDistance(word, candidate, PHONETIC_MAX_EDITS);
      if (distance <= PHONETIC_MAX_EDITS) found.push({ word: candidate, distance });
    }
    const least = Math.min(...found.map((f) => f.distance));
    return found
      .filter((f) => f.distance === least)
      .map((f) => f.word)
      .sort(byUse);
  };

  function* readySteps(): Steps<void> {
    yield* soundSteps();
  }

  return {
    prepare: () => void build(),
    readySteps,
    work: () => probes,
    has: (word) => frequencies.has(word),
    correct(word) {
      return frequencies.has(word) ? word : closest(word)[0];
    },
    candidates(word) {
      return frequencies.has(word) ? [word] : closest(word);
    },
  };
}
