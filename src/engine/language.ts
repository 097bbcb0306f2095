/**
 * A language profile: everything the engine knows about one human language, as data. The engine
 * is an algorithm over words; which words carry no topic, how a question asks "when", how chat
 * shortens words and which words mean nearly the same all arrive here, one value per language
 * (`src/engine/lang/en` is English). A pack's own vocabulary belongs in its `synonyms`, never
 * in a profile.
 */

/** What a question asks for, whatever the language: a time, a place, a person, a reason, an amount. */
export const INTENTS = ['_when', '_where', '_who', '_why', '_amount'] as const;
export type Intent = (typeof INTENTS)[number];

/** How a language's questions say what they ask for. */
export interface QuestionWords {
  /**
   * Each intent with the pattern that finds it in a question's leading words (written with
   * words joined by single spaces; see `patternWords`). Patterns must be linear: they run on
   * user text.
   */
  readonly patterns: readonly { readonly intent: Intent; readonly pattern: RegExp }[];
  /** The words every pattern starts with: a text with none of them near its start asks nothing. */
  readonly starters: readonly string[];
  /**
   * Every word the patterns name. Any other word can only fill a pattern's gap (`\w+`), so the
   * engine reads it as a stand-in and many texts share one reading.
   */
  readonly patternWords: readonly string[];
  /**
   * Pattern words that say what an amount is of ("deep" in "how deep", "fast" in "how fast"):
   * they ask for an amount and name its dimension, which a fact must speak of, where "date" in
   * "what date" only restates the intent.
   */
  readonly measures: readonly string[];
  /** How many leading words may hold the question word ("when" later on asks nothing). */
  readonly window: number;
  /**
   * Last words that ask by themselves: "bhutto executed by", "went to moscow why". One that is
   * no question word ("by") asks only when nothing before it does, or after a joiner.
   */
  readonly trailing: Readonly<Record<string, Intent>>;
  /** Words that join a further question on: "when was he executed and by". */
  readonly joiners: readonly string[];
  /** Words that say what follows is not so ("without", "instead", "not"). */
  readonly negators: readonly string[];
  /** How many content words after a negator it reaches. */
  readonly negationReach: number;
  /**
   * Words after which a question word opens the question itself, in chat that leads in with
   * something else ("i need to know when…").
   */
  readonly leadIns: readonly string[];
  /**
   * Words a clause about the asker opens with ("i", "my"): after the question, such a clause
   * ("…? i keep mixing them up", "…, my notes make no sense") says how the asker is doing, not
   * what they ask.
   */
  readonly askerWords: readonly string[];
  /**
   * Words that address Almanac itself: as "you" (`addressWords`), unless a verb of
   * `requestVerbs` follows and makes it a request about something else ("can you tell me…",
   * "do you know…", "can you name…"), or as "your" (`addressPossessives`), always about
   * Almanac ("your name"). A message put to Almanac about itself ("how's your day going", "who
   * made you") asks nothing of the packs.
   */
  readonly addressWords: readonly string[];
  readonly addressPossessives: readonly string[];
  readonly requestVerbs: readonly string[];
  /** Where "you" is anyone, not Almanac ("how do you cite a website"), over a message's words. */
  readonly impersonal: RegExp;
  /**
   * How a question asks for a time of day ("what time did they land", "at what hour"; not "what
   * time period"), over its words: an answer that gives only a date does not say it (see `clock`
   * in {@link AnswerWords}).
   */
  readonly clock: RegExp;
  /**
   * Words that point at something already known ("the", "this"): "the crisis" names the topic
   * a pack's title calls "the cuban missile crisis"; "crisis" alone may be any crisis.
   */
  readonly definite: readonly string[];
  /**
   * A question put as "how did the visit go": `opener`, then one of `auxiliaries` within the
   * window, and the question's last content word one of `endings`; it also asks for `term`.
   */
  readonly outcome: {
    readonly opener: string;
    readonly auxiliaries: readonly string[];
    readonly endings: readonly string[];
    readonly term: string;
  };
  /**
   * A question put as "who was Kosygin": one of `openers`, one of `copulas`, then at most
   * `longest` words naming someone. It asks who they were, which the fact about their `term`
   * answers best: the term, which should be a light word, is added to the question's.
   */
  readonly identity: {
    readonly openers: readonly string[];
    readonly copulas: readonly string[];
    readonly longest: number;
    readonly term: string;
  };
  /**
   * A question put as "where does the energy come from": `opener` within the window, then the
   * question ending in one of `verbs` and `preposition` (only function words after them). It
   * asks for an origin, not a place: `term` takes the place of the opener's intent.
   */
  readonly origin: {
    readonly opener: string;
    readonly verbs: readonly string[];
    readonly preposition: string;
    readonly term: string;
  };
}

/** Word vectors: each word a unit vector stored as signed bytes (× `scale`). */
export interface WordVectors {
  readonly dimensions: number;
  readonly scale: number;
  readonly rows: ReadonlyMap<string, number>;
  readonly data: Int8Array;
}

/** Word (lower case) → uses in a corpus. */
export interface WordCounts {
  get(word: string): number | undefined;
}

/** How often words are used in everyday text of the language. */
export interface WordFrequencies {
  /** Word (lower case) → uses in the corpus. */
  readonly counts: WordCounts;
  /** How many words the corpus has in all. */
  readonly corpusWords: number;
}

/**
 * A language's bulk data, as the bytes of its data files (`dataFile.ts`), each asked for at its
 * first use: the shell reads them (the engine does no I/O) and the profile decodes them.
 */
export interface LanguageData {
  /** The word counts (`word-frequencies.bin` for English). */
  readonly frequencies: () => Uint8Array;
  /** The word vectors (`word-vectors.bin` for English). */
  readonly vectors: () => Uint8Array;
}

export interface LanguageProfile {
  /** The code packs name in their `language` field ("en"). */
  readonly code: string;
  /** The language's name in English, for messages. */
  readonly name: string;
  /** Words that carry no topic: left out of matching ("the", "did", "what"). */
  readonly functionWords: readonly string[];
  /**
   * Everyday words that often appear in questions without naming their topic ("go",
   * "happen", "year"): they count, but lightly.
   */
  readonly lightWords: readonly string[];
  /** Reduces a word to its stem; forms the stemmer cannot fold are in `irregularForms`. */
  readonly stem: (word: string) => string;
  /** Irregular forms folded before stemming ("went" → "go"). */
  readonly irregularForms: Readonly<Record<string, string>>;
  /**
   * Chat shorthand read as the one word it stands for ("wht" → "what", "govt" → "government"),
   * whatever the topic. Shorthand for a phrase belongs in the thesaurus.
   */
  readonly shorthand: Readonly<Record<string, string>>;
  /** A word as numbers are read ("72" → "1972", "seventies" → "1970s"), or the word itself. */
  readonly numberForm: (word: string) => string;
  readonly questions: QuestionWords;
  /**
   * Near-synonyms of question vocabulary, applied like a pack's own synonyms after them:
   * canonical phrase → variants.
   */
  readonly thesaurus: Readonly<Record<string, readonly string[]>>;
  /** Everyday word frequencies, read at first use. */
  readonly frequencies: () => WordFrequencies;
  /** Word vectors of everyday words, read at first use. */
  readonly vectors: () => WordVectors;
  /** The code of how a word sounds (words spelt by ear meet the word meant by it). */
  readonly soundCode: (word: string) => string;
  /**
   * What people say to a bot that asks nothing of its packs (lower case, as typed): thanks
   * ("thanks", "ty") and greetings ("hi", "good morning") by the words a message opens with; a
   * request for help ("help", "how does this work") as the whole message.
   */
  readonly remarks: Readonly<Record<RemarkKind, readonly string[]>>;
  /**
   * Words that ask the opposite of each other about an event ("start" and "end", "first" and
   * "last"), as the thesaurus reads them: a fact whose phrasings speak of one, and not of the
   * other, does not answer a question asking the other.
   */
  readonly opposites: readonly (readonly [string, string])[];
  /**
   * The words by which an answer gives a time or an amount (see `answerKinds.ts`): a question
   * asking for that kind of thing may be answered by the fact, though none of its phrasings asks
   * for it.
   */
  readonly answerWords: AnswerWords;
}

/** The words by which an answer gives a time or an amount, beside its numbers. */
export interface AnswerWords {
  /** Words other than months that say when by themselves: weekdays, "century", "ago". */
  readonly times: readonly string[];
  /** The months, which say when too: beside one, a number up to 31 is a day, not an amount. */
  readonly months: readonly string[];
  /** Units of time: with a number or an amount word, a length of time ("eight days"). */
  readonly units: readonly string[];
  /** Words that give an amount: counts, "hundred", "million", "percent", "half". */
  readonly amounts: readonly string[];
  /** How an answer gives a time of day ("at 20:17 UTC", "9 a.m.", "at noon"), in its text. */
  readonly clock: RegExp;
}

/** The kinds of remark that are no question: see {@link LanguageProfile.remarks}. */
export type RemarkKind = 'thanks' | 'greeting' | 'help';
