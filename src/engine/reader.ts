import {
  hashWords,
  INTENT_HEAD,
  intentsOf,
  mayAsk,
  mayRewrite,
  plainForm,
  stemWord,
  type SynonymTable,
} from './analyze.js';
import { isNormalized, normalizeText, plainWordBounds, tokenize } from './normalize.js';
import { STOPWORDS } from './stopwords.js';

/**
 * Reading pack text into term ids at index build: the same terms as `analyzeWords` without a
 * speller gives, but each distinct word is analysed once. A hundred thousand facts hold a few
 * million words and a few tens of thousands of distinct ones.
 */

/** What the reader keeps about a word as pack text writes it. */
interface WordEntry {
  readonly word: string;
  readonly hash: number;
  /** The word as analysis reads it (see `plainForm`). */
  readonly form: string;
  /** True when an intent pattern may start at it (see `mayAsk`). */
  readonly asks: boolean;
  /** True when a synonym rewrite may start at it (see `mayRewrite`). */
  readonly rewrites: boolean;
  /**
   * What `rewriteAt` looks up for it, looked up once: the lengths of the variant phrases
   * starting with it, longest first; the canonical words of its own one-word phrase, if any;
   * those of the phrase it is the plural of, if any.
   */
  readonly spans: readonly number[];
  readonly alone: readonly string[] | undefined;
  readonly singular: readonly string[] | undefined;
  /** Its term id once first needed (-1 for a function word, -2 before). */
  term: number;
  /** How many facts use the word, and the last fact counted. */
  facts: number;
  lastFact: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The code unit lower-cased, for ASCII letters (plain text is lower-cased as it is read). */
const lowerUnit = (code: number): number => (code >= 65 && code <= 90 ? code + 32 : code);

/** FNV-1a hash of `text` from `start` to `end` (exclusive), lower-cased. */
function hashRange(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    hash = Math.imul(hash ^ lowerUnit(text.charCodeAt(i)), FNV_PRIME);
  }
  return hash >>> 0;
}

/**
 * The distinct words read so far, in the order first read, found by their characters where
 * they stand in the text: no string is cut out for a word already known. An open-addressing
 * hash table of entry numbers.
 */
class WordTable {
  readonly entries: WordEntry[] = [];
  private slots = new Int32Array(1 << 12).fill(-1);

  constructor(private readonly synonyms: SynonymTable) {}

  /** The entry of the word `text` holds from `start` to `end` (lower-cased), added when new. */
  find(text: string, start: number, end: number): WordEntry {
    const hash = hashRange(text, start, end);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = this.slots[slot]!;
      if (at < 0) return this.add(text.slice(start, end).toLowerCase(), hash, slot);
      const entry = this.entries[at]!;
      if (entry.hash === hash && sameWord(entry.word, text, start, end)) return entry;
    }
  }

  private add(word: string, hash: number, slot: number): WordEntry {
    const form = plainForm(word);
    const entry: WordEntry = {
      word,
      hash,
      form,
      asks: mayAsk(form),
      rewrites: mayRewrite(form, this.synonyms),
      spans: this.synonyms.spans.get(form) ?? [],
      alone: this.synonyms.phrases.get(form),
      singular:
        form.length > 3 && form.endsWith('s')
          ? this.synonyms.phrases.get(form.slice(0, -1))
          : undefined,
      term: -2,
      facts: 0,
      lastFact: -1,
    };
    this.slots[slot] = this.entries.length;
    this.entries.push(entry);
    if (this.entries.length * 2 > this.slots.length) this.grow();
    return entry;
  }

  private grow() {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    this.entries.forEach((entry, at) => {
      let slot = entry.hash & mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = at;
    });
  }
}

/** True when `text` holds exactly `word` from `start` to `end`, lower-cased. */
function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k++) {
    if (word.charCodeAt(k) !== lowerUnit(text.charCodeAt(start + k))) return false;
  }
  return true;
}

export type TermReader = ReturnType<typeof createTermReader>;

/**
 * A reader over one synonym table. Term ids are handed out in reading order, which is what
 * makes them, and so the index, deterministic.
 */
export function createTermReader(synonyms: SynonymTable) {
  const table = new WordTable(synonyms);
  const termIds = new Map<string, number>();
  /** The word each term was first read from: it decides the term's weight. */
  const termFirstWord: string[] = [];
  /** term id → the last text that named it (to drop repeats within a text). */
  const lastText: number[] = [];
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
    }
    return id;
  };
  const wordTerm = (word: string): number => {
    let id = termOfWord.get(word);
    if (id === undefined) {
      id = STOPWORDS.has(word) ? -1 : termIdOf(stemWord(word), word);
      termOfWord.set(word, id);
    }
    return id;
  };
  /** The term id of a word read as itself, looked up once per distinct word. */
  const termOf = (entry: WordEntry): number => {
    if (entry.term === -2) entry.term = wordTerm(entry.form);
    return entry.term;
  };

  // Scratch arrays reused from text to text: a million texts need not make a million arrays.
  const bounds: number[] = [];
  /** The entries of the words of the text being read: the first `count` of them. */
  const entries: WordEntry[] = [];
  let count = 0;

  /** Fills {@link entries} with the entries of a text's words. */
  const findEntries = (text: string) => {
    count = plainWordBounds(text, bounds);
    if (count >= 0) {
      for (let k = 0; k < count; k++) {
        entries[k] = table.find(text, bounds[2 * k]!, bounds[2 * k + 1]!);
      }
      return;
    }
    const words = tokenize(normalizeText(text));
    count = words.length;
    for (let k = 0; k < count; k++) entries[k] = table.find(words[k]!, 0, words[k]!.length);
  };
  /** The analysed forms of the current text's words, from `from` up to `to`. */
  const formsOf = (from: number, to: number) => entries.slice(from, to).map((e) => e.form);

  /**
   * `rewriteAt` over the current text's words, with what it looks up for the word at `i` read
   * from its entry: the same steps, checked against `analyzeWords` by test/engine/reader.test.ts.
   */
  const rewriteFrom = (i: number, out: string[]): number => {
    const entry = entries[i]!;
    for (const span of entry.spans) {
      if (i + span > count) continue;
      const target =
        span === 1 ? entry.alone : synonyms.phrases.get(formsOf(i, i + span).join(' '));
      if (target) {
        out.push(...target);
        return i + span;
      }
    }
    if (entry.singular) out.push(...entry.singular);
    else out.push(entry.form);
    return i + 1;
  };

  /**
   * Reads one text of fact `fact`: counts its words towards the vocabulary and appends its term
   * ids (intents first, then content words, without repeats) to `into`. Leaves its words'
   * entries in {@link entries}; returns its words as analysed (its exact-match key, see
   * `Analysis.words`) when a synonym rewrote them, else undefined: they are its words' forms.
   */
  // The text being read and where its term ids go, for `add`: one function for all texts, not a
  // closure made for each of a million of them.
  let textId = -1;
  let target: number[] = [];
  const add = (id: number) => {
    if (id >= 0 && lastText[id] !== textId) {
      lastText[id] = textId;
      target.push(id);
    }
  };

  const read = (text: string, fact: number, into: number[]): string[] | undefined => {
    findEntries(text);
    let rewrites = false;
    for (let k = 0; k < count; k++) {
      const entry = entries[k]!;
      if (entry.lastFact !== fact) {
        entry.lastFact = fact;
        entry.facts += 1;
      }
      rewrites ||= entry.rewrites;
    }
    textId = texts++;
    target = into;
    if (!rewrites) {
      // The common case: no synonym applies, each word reads as itself.
      const head = Math.min(count, INTENT_HEAD);
      let asks = false;
      for (let k = 0; k < head && !asks; k++) asks = entries[k]!.asks;
      if (asks) {
        for (const intent of intentsOf(formsOf(0, head), intentMemo)) add(termIdOf(intent, intent));
      }
      for (let k = 0; k < count; k++) add(termOf(entries[k]!));
      return undefined;
    }
    // `applySynonyms`, stepping into a rewrite only where one can start.
    const words: string[] = [];
    /** For each of `words`, its entry when it is a word of the text read as itself. */
    const itself: (WordEntry | undefined)[] = [];
    for (let i = 0; i < count;) {
      const entry = entries[i]!;
      if (entry.rewrites) {
        i = rewriteFrom(i, words);
        while (itself.length < words.length) itself.push(undefined);
      } else {
        words.push(entry.form);
        itself.push(entry);
        i++;
      }
    }
    for (const intent of intentsOf(words, intentMemo)) add(termIdOf(intent, intent));
    for (let k = 0; k < words.length; k++) {
      const entry = itself[k];
      add(entry === undefined ? wordTerm(words[k]!) : termOf(entry));
    }
    return words;
  };

  return {
    termIds,
    termFirstWord,
    read: (text: string, fact: number, into: number[]): void => void read(text, fact, into),
    /**
     * {@link read} for a phrasing, which also needs its normalised text (its words joined) and
     * the hash of its exact-match key.
     */
    readPhrasing(text: string, fact: number, into: number[]): { text: string; key: number } {
      const words = read(text, fact, into) ?? formsOf(0, count);
      const normalized = isNormalized(text)
        ? text
        : entries
            .slice(0, count)
            .map((entry) => entry.word)
            .join(' ');
      return { text: normalized, key: hashWords(words) };
    },
    /** Each word read, with the number of facts using it, in the order first read. */
    wordFrequency(): Map<string, number> {
      return new Map(table.entries.map((entry) => [entry.word, entry.facts]));
    },
  };
}
