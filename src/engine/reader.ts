import { mayRewrite, type SynonymTable } from './analyze.js';
import type { Lexicon } from './lexicon.js';
import {
  FNV_OFFSET,
  fnvStep,
  hashRange,
  lowerCode,
  normalizeText,
  plainWordBounds,
  tokenize,
} from './normalize.js';
import { orderByText } from './order.js';

/**
 * Reading pack text into term ids at index build: the same terms as `analyzeWords` without a
 * speller gives, but each distinct word is analysed once. A hundred thousand facts hold a few
 * million words and a few tens of thousands of distinct ones.
 */

/**
 * A word as analysis reads it: a word of the text read as itself, or one a synonym rewrote it to.
 */
interface Reading {
  /** The word as analysis reads it (see `Lexicon.plainForm`). */
  readonly form: string;
  /** The {@link hashRange} of its form, for the exact-match key (see `hashWords`). */
  readonly formHash: number;
  /** True when an intent pattern may start at it (see `Lexicon.mayAsk`). */
  readonly asks: boolean;
  /** Its term id once first needed (-1 for a function word, -2 before). */
  term: number;
}

/** What the reader keeps about a word as pack text writes it. */
interface WordEntry extends Reading {
  /** Its place in the order words were first read. */
  readonly id: number;
  readonly word: string;
  readonly hash: number;
  /** True when a synonym rewrite may start at it (see `mayRewrite`). */
  readonly rewrites: boolean;
  /**
   * What `rewriteAt` looks up for it, looked up once: the lengths of the variant phrases
   * starting with it, longest first; the canonical words of its own one-word phrase, if any;
   * those of the phrase it is the plural of, if any.
   */
  readonly spans: readonly number[];
  readonly alone: readonly Reading[] | undefined;
  readonly singular: readonly Reading[] | undefined;
  /**
   * The words that can follow it in a variant phrase of two or more words: a longer rewrite is
   * looked up only when the next word is one of them.
   */
  readonly followers: ReadonlySet<string> | undefined;
  /** How many facts use the word, and the last fact counted. */
  facts: number;
  lastFact: number;
}

/**
 * The distinct words read so far, in the order first read, found by their characters where
 * they stand in the text: no string is cut out for a word already known. An open-addressing
 * hash table of entry numbers.
 */
class WordTable {
  readonly entries: WordEntry[] = [];
  /** Entry numbers by hash slot (-1 for an empty slot), with each entry's hash beside it. */
  private slots = new Int32Array(1 << 12).fill(-1);
  private slotHashes = new Uint32Array(1 << 12);
  /** First word of a variant phrase of two or more words → the words that follow it. */
  private readonly followers = new Map<string, Set<string>>();
  /** Each canonical phrase of the synonym table as readings, made once. */
  private readonly targets = new Map<readonly string[], readonly Reading[]>();

  constructor(
    private readonly lexicon: Lexicon,
    private readonly synonyms: SynonymTable,
  ) {
    for (const key of synonyms.phrases.keys()) {
      const space = key.indexOf(' ');
      if (space < 0) continue;
      const first = key.slice(0, space);
      const second = key.slice(space + 1).split(' ', 1)[0]!;
      let set = this.followers.get(first);
      if (!set) this.followers.set(first, (set = new Set()));
      set.add(second);
    }
  }

  /**
   * The entry of the word `text` holds from `start` to `end` (lower-cased), added when new;
   * `hash` is its {@link hashRange}.
   */
  find(text: string, start: number, end: number, hash: number): WordEntry {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = this.slots[slot]!;
      if (at < 0) return this.add(text.slice(start, end).toLowerCase(), hash, slot);
      if (this.slotHashes[slot] !== hash) continue;
      const entry = this.entries[at]!;
      if (sameWord(entry.word, text, start, end)) return entry;
    }
  }

  private add(word: string, hash: number, slot: number): WordEntry {
    const form = this.lexicon.plainForm(word);
    const entry: WordEntry = {
      id: this.entries.length,
      word,
      hash,
      form,
      formHash: form === word ? hash : hashRange(form, 0, form.length),
      asks: this.lexicon.mayAsk(form),
      rewrites: mayRewrite(form, this.synonyms),
      spans: this.synonyms.spans.get(form) ?? [],
      alone: this.readingsOf(this.synonyms.phrases.get(form)),
      singular:
        form.length > 3 && form.endsWith('s')
          ? this.readingsOf(this.synonyms.phrases.get(form.slice(0, -1)))
          : undefined,
      followers: this.followers.get(form),
      term: -2,
      facts: 0,
      lastFact: -1,
    };
    this.slots[slot] = this.entries.length;
    this.slotHashes[slot] = hash;
    this.entries.push(entry);
    if (this.entries.length * 2 > this.slots.length) this.rehash();
    return entry;
  }

  /** The readings of a canonical phrase's words, the same objects every time it is asked for. */
  readingsOf(target: readonly string[]): readonly Reading[];
  readingsOf(target: readonly string[] | undefined): readonly Reading[] | undefined;
  readingsOf(target: readonly string[] | undefined): readonly Reading[] | undefined {
    if (target === undefined) return undefined;
    let readings = this.targets.get(target);
    if (!readings) {
      readings = target.map((form) => ({
        form,
        formHash: hashRange(form, 0, form.length),
        asks: this.lexicon.mayAsk(form),
        term: -2,
      }));
      this.targets.set(target, readings);
    }
    return readings;
  }

  private rehash() {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.slotHashes = new Uint32Array(this.slots.length);
    const mask = this.slots.length - 1;
    this.entries.forEach((entry, at) => {
      let slot = entry.hash & mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = at;
      this.slotHashes[slot] = entry.hash;
    });
  }
}

/**
 * True when `text` holds exactly `word` from `start` to `end`, lower-cased. Most words are
 * written in lower case already, which the engine's own comparison finds fastest.
 */
function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  if (text.startsWith(word, start)) return true;
  for (let k = 0; k < word.length; k++) {
    if (word.charCodeAt(k) !== lowerCode(text.charCodeAt(start + k))) return false;
  }
  return true;
}

export type TermReader = ReturnType<typeof createTermReader>;

/**
 * A reader over one synonym table. Term ids are handed out in reading order, which is what
 * makes them, and so the index, deterministic.
 */
export function createTermReader(lexicon: Lexicon, synonyms: SynonymTable) {
  const table = new WordTable(lexicon, synonyms);
  const termIds = new Map<string, number>();
  /** The word each term was first read from: it decides the term's weight. */
  const termFirstWord: string[] = [];
  /** term id → the last text that named it (to drop repeats within a text). */
  const lastText: number[] = [];
  /**
   * term id → the word it was first read from in the pack being read, and that pack's number:
   * a pack's weights (see `termPacks` in the index) do not hang on the words of the packs read
   * before it.
   */
  const packWord: string[] = [];
  const packWordOf: number[] = [];
  let pack = 0;
  let texts = 0;
  /** Intents by leading words, for this build only (see `intentsOf`). */
  const intentMemo = new Map<string, readonly string[]>();
  /** Analysed word → term id, or -1 for a function word. */
  const termOfWord = new Map<string, number>();

  const termIdOf = (term: string, word: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = termFirstWord.length;
      termIds.set(term, id);
      termFirstWord.push(word);
      lastText.push(-1);
      packWord.push(word);
      packWordOf.push(-1);
    }
    return id;
  };
  const wordTerm = (word: string): number => {
    let id = termOfWord.get(word);
    if (id === undefined) {
      id = lexicon.isFunctionWord(word) ? -1 : termIdOf(lexicon.stem(word), word);
      termOfWord.set(word, id);
    }
    return id;
  };
  /** The term id of a reading, looked up once per reading. */
  const termOf = (reading: Reading): number => {
    if (reading.term === -2) reading.term = wordTerm(reading.form);
    return reading.term;
  };

  // Scratch arrays reused from text to text: a million texts need not make a million arrays.
  const bounds: number[] = [];
  const hashes: number[] = [];
  /** The entries of the words of the text being read: the first `count` of them. */
  const entries: WordEntry[] = [];
  let count = 0;

  /** True when the current text was read as plain text (see `plainWordBounds`). */
  let plain = false;
  /** Fills {@link entries} with the entries of a text's words. */
  const findEntries = (text: string) => {
    count = plainWordBounds(text, bounds, hashes);
    plain = count >= 0;
    if (plain) {
      for (let k = 0; k < count; k++) {
        entries[k] = table.find(text, bounds[2 * k]!, bounds[2 * k + 1]!, hashes[k]!);
      }
      return;
    }
    const tokens = tokenize(normalizeText(text));
    count = tokens.length;
    for (let k = 0; k < count; k++) {
      const token = tokens[k]!;
      entries[k] = table.find(token, 0, token.length, hashRange(token, 0, token.length));
    }
  };
  /**
   * The current text's words as analysed, after synonyms (its exact-match key, see
   * `Analysis.words`): the first `wordCount` of `readings`.
   */
  const readings: Reading[] = [];
  let wordCount = 0;
  const putAll = (target: readonly Reading[]) => {
    for (const reading of target) readings[wordCount++] = reading;
  };

  /** The canonical words of the variant phrase of `span` words starting at word `i`, if any. */
  const phraseAt = (i: number, span: number): readonly Reading[] | undefined => {
    let key = entries[i]!.form;
    for (let k = i + 1; k < i + span; k++) key += ' ' + entries[k]!.form;
    return table.readingsOf(synonyms.phrases.get(key));
  };

  /**
   * `rewriteAt` over the current text's words, with what it looks up for the word at `i` read
   * from its entry: the same steps, checked against `analyzeWords` by test/engine/reader.test.ts.
   * A phrase of two or more words is looked up only when the next word can continue one; the
   * word's own one-word phrase is the shortest, so it comes after them.
   */
  const rewriteFrom = (i: number): number => {
    const entry = entries[i]!;
    if (i + 1 < count && entry.followers?.has(entries[i + 1]!.form) === true) {
      for (const span of entry.spans) {
        if (span === 1 || i + span > count) continue;
        const target = phraseAt(i, span);
        if (target) {
          putAll(target);
          return i + span;
        }
      }
    }
    if (entry.alone) putAll(entry.alone);
    else if (entry.singular) putAll(entry.singular);
    else readings[wordCount++] = entry;
    return i + 1;
  };

  /**
   * True when the text just read is already in normal form, so it can serve as its own
   * normalised text: plain, its words in lower case and one space apart, nothing around them.
   */
  const alreadyNormal = (text: string): boolean => {
    if (!plain || count === 0 || bounds[0] !== 0 || bounds[2 * count - 1] !== text.length) {
      return false;
    }
    for (let k = 1; k < count; k++) {
      const gap = bounds[2 * k - 1]!;
      if (bounds[2 * k] !== gap + 1 || text.charCodeAt(gap) !== 32) return false;
    }
    return text.toLowerCase() === text;
  };

  // The text being read and where its term ids go, for `add`: one function for all texts, not a
  // closure made for each of a million of them.
  let textId = -1;
  let target: number[] = [];
  const add = (id: number, word: string) => {
    if (id >= 0 && packWordOf[id] !== pack) {
      packWordOf[id] = pack;
      packWord[id] = word;
    }
    if (id >= 0 && lastText[id] !== textId) {
      lastText[id] = textId;
      target.push(id);
    }
  };

  /**
   * Reads one text of fact `fact`: counts its words towards the vocabulary, leaves its words as
   * analysed in {@link readings} and appends its term ids (intents first, then content words,
   * without repeats) to `into`. Nothing is allocated per text but the intents of a new opening.
   */
  const read = (text: string, fact: number, into: number[]): void => {
    findEntries(text);
    textId = texts++;
    target = into;
    for (let k = 0; k < count; k++) {
      const entry = entries[k]!;
      if (entry.lastFact !== fact) {
        entry.lastFact = fact;
        entry.facts += 1;
      }
    }
    wordCount = 0;
    for (let i = 0; i < count;) {
      const entry = entries[i]!;
      if (entry.rewrites) i = rewriteFrom(i);
      else {
        readings[wordCount++] = entry;
        i++;
      }
    }
    // `intentsOf` makes the same check; made here first from each word's cached `asks`, it spares
    // most texts, which can ask nothing, the list of their words' forms.
    const head = Math.min(wordCount, lexicon.intentHead);
    let asks = wordCount > 1 && lexicon.trailingIntent(readings[wordCount - 1]!.form) !== undefined;
    for (let k = 0; k < head && !asks; k++) asks = readings[k]!.asks;
    if (asks) {
      for (const intent of lexicon.intentsOf(formsOf(wordCount), intentMemo)) {
        add(termIdOf(intent, intent), intent);
      }
    }
    for (let k = 0; k < wordCount; k++) add(termOf(readings[k]!), readings[k]!.form);
  };
  /** The forms of the first `n` words of the current text as analysed, in a reused array. */
  const forms: string[] = [];
  const formsOf = (n: number): string[] => {
    forms.length = n;
    for (let k = 0; k < n; k++) forms[k] = readings[k]!.form;
    return forms;
  };

  return {
    termIds,
    termFirstWord,
    read,
    /** Starts another pack: {@link wordInPack} then tells the words read from it on. */
    startPack: (): void => {
      pack += 1;
    },
    /** The word term `id` was first read from in the current pack (or in any, if none). */
    wordInPack: (id: number): string => packWord[id]!,
    /** The term id of an intent (`_when`…), handed out if no text has asked for it yet. */
    intentId: (intent: string): number => termIdOf(intent, intent),
    /**
     * {@link read} for a phrasing, which also needs its normalised text (its words joined) and
     * the hash of its exact-match key; appends the ids of those words (see {@link wordRanks}) to
     * `words`.
     */
    readPhrasing(
      text: string,
      fact: number,
      into: number[],
      words: number[],
    ): { text: string; key: number } {
      read(text, fact, into);
      for (let k = 0; k < count; k++) words.push(entries[k]!.id);
      const normalized = alreadyNormal(text)
        ? text
        : entries
            .slice(0, count)
            .map((entry) => entry.word)
            .join(' ');
      // The same key as `hashWords` gives, from each word's hash kept since it was first read.
      let key = FNV_OFFSET;
      for (let k = 0; k < wordCount; k++) key = fnvStep(key, readings[k]!.formHash);
      return { text: normalized, key: key >>> 0 };
    },
    /**
     * For each word id, the word's place in alphabetical order (by code units, as `<` compares
     * strings). A space sorts before any character of a word, so texts compare as the lists of
     * their words' places do: the phrasings can be sorted by a few numbers each, not by their
     * forty-odd characters.
     */
    wordRanks(): Int32Array {
      const order = orderByText(table.entries.map((entry) => entry.word));
      const ranks = new Int32Array(order.length);
      order.forEach((id, rank) => (ranks[id] = rank));
      return ranks;
    },
    /** Each word read, with the number of facts using it, in the order first read. */
    wordFrequency(): Map<string, number> {
      return new Map(table.entries.map((entry) => [entry.word, entry.facts]));
    },
  };
}
