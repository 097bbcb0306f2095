import { RANKING } from './config.js';
import type { Intent, LanguageProfile, RemarkKind } from './language.js';

/**
 * A language profile made ready to use: its lists as sets, its stemmer cached, its question
 * patterns compiled into the look-ups analysis makes for every word. One per profile, shared by
 * every engine over packs in that language.
 */
export interface Lexicon {
  readonly language: LanguageProfile;
  /** True for a word that carries no topic. */
  isFunctionWord(word: string): boolean;
  /** True for an everyday word that counts only lightly. */
  isLightWord(word: string): boolean;
  /** The index form of one word: irregular forms folded, then the stem. */
  stem(word: string): string;
  /** How many times the everyday corpus uses `word` (0 when it never does). */
  count(word: string): number;
  /**
   * A weight multiplier from {@link RANKING}`.words.everydayFloor` (everyday words) to 1 (rare
   * words, names, and words the language does not know, such as "kosygin").
   */
  specificity(word: string): number;
  /** A word as analysis reads it before synonyms: chat shorthand expanded, numbers in full. */
  plainForm(word: string): string;
  /** The word chat shorthand stands for, if `word` is shorthand. */
  shorthand(word: string): string | undefined;
  /** True for a word an intent pattern starts with. */
  mayAsk(word: string): boolean;
  /**
   * True for the word at `at` when it names what is asked for, as part of the question word:
   * "date" in "what date did…", "country" in "which country…", not "people" in "how many
   * people…". An intent of the words is lost when the word is read as any other. A measure
   * ("deep" in "how deep") names what the amount is of, and is asked.
   */
  namesIntent(words: readonly string[], at: number): boolean;
  /** The intent a question's last word asks for by itself, if any. */
  trailingIntent(lastWord: string): Intent | undefined;
  /**
   * The intents a text's words express, in a fixed order. `memo`, when given, remembers them by
   * the leading words they were read from: index building reads many phrasings that begin alike.
   */
  intentsOf(words: readonly string[], memo?: Map<string, readonly string[]>): readonly string[];
  /** How many leading words {@link intentsOf} reads. */
  readonly intentHead: number;
  /** How many leading words may hold a question word. */
  readonly intentWindow: number;
  /** The intents in the order {@link intentsOf} gives them. */
  readonly intentOrder: readonly string[];
  /** True for a word that says what follows is not so. */
  isNegator(word: string): boolean;
  /** How many content words after a negator it reaches. */
  readonly negationReach: number;
  /** True for a word a clause about the asker opens with. */
  isAsker(word: string): boolean;
  /**
   * True when a message's words address Almanac itself other than to ask it for something
   * ("how are you", "who made you"; not "can you tell me…"): see `addressWords`.
   */
  addressesAlmanac(words: readonly string[]): boolean;
  /** True when a question's words ask for a time of day ("what time did they land"). */
  asksClock(words: readonly string[]): boolean;
  /** True for a word that points at something already known ("the"). */
  isDefinite(word: string): boolean;
  /** True for a word after which a question word opens the question itself. */
  isLeadIn(word: string): boolean;
  /**
   * True for a question put as "where does the energy come from": it asks for
   * {@link originTerm}, not for a place.
   */
  asksWhereFrom(words: readonly string[]): boolean;
  /** True for the verbs of that question ("come", "came"), which say nothing of the subject. */
  isOriginVerb(word: string): boolean;
  readonly originTerm: string;
  /** True for a question put as "how did the visit go": it also asks for {@link outcomeTerm}. */
  asksHowItWent(words: readonly string[]): boolean;
  readonly outcomeTerm: string;
  /** True for a question put as "who was Kosygin": it also asks for {@link identityTerm}. */
  asksWhoSomeoneIs(words: readonly string[]): boolean;
  readonly identityTerm: string;
  /** The code of how a word sounds. */
  soundCode(word: string): string;
  /**
   * The kind of remark the words (lower case, as typed) make, if any: thanks or a greeting they
   * open with ("thanks", "hi"), or a request for help they are ("how does this work").
   */
  remarkOf(words: readonly string[]): RemarkKind | undefined;
}

const GAP_WORD = /^\w+$/;
/** A word no pattern names: put in a word's place, it shows whether the word made an intent. */
const GAP_STAND_IN = 'x';
const NO_INTENTS: readonly string[] = [];
const STEM_CACHE_LIMIT = 200_000;

const lexicons = new WeakMap<LanguageProfile, Lexicon>();

/** The lexicon of a language profile, made once per profile. */
export function lexiconOf(language: LanguageProfile): Lexicon {
  let lexicon = lexicons.get(language);
  if (!lexicon) lexicons.set(language, (lexicon = createLexicon(language)));
  return lexicon;
}

function createLexicon(language: LanguageProfile): Lexicon {
  const functionWords = new Set(language.functionWords);
  const lightWords = new Set(language.lightWords);
  const irregular = new Map(Object.entries(language.irregularForms));
  const shorthand = new Map(Object.entries(language.shorthand));
  const { questions } = language;
  const starters = new Set(questions.starters);
  const patternWords = new Set(questions.patternWords);
  const trailing = new Map(Object.entries(questions.trailing));
  const leadIns = new Set(questions.leadIns);
  const askerWords = new Set(questions.askerWords);
  const addressWords = new Set(questions.addressWords);
  const addressPossessives = new Set(questions.addressPossessives);
  const requestVerbs = new Set(questions.requestVerbs);
  const definite = new Set(questions.definite);
  const measures = new Set(questions.measures);
  const joiners = new Set(questions.joiners);
  const negators = new Set(questions.negators);
  const outcome = questions.outcome;
  const auxiliaries = new Set(outcome.auxiliaries);
  const endings = new Set(outcome.endings);
  const intentHead = questions.window + 1;
  const intentOrder = questions.patterns.map((p) => p.intent);
  const openers = new Map<string, RemarkKind>();
  for (const opener of language.remarks.thanks) openers.set(opener, 'thanks');
  for (const opener of language.remarks.greeting) openers.set(opener, 'greeting');
  const longestOpener = Math.max(0, ...[...openers.keys()].map((r) => r.split(' ').length));
  const helpRequests = new Set(language.remarks.help);

  const stems = new Map<string, string>();
  const stem = (word: string): string => {
    const cached = stems.get(word);
    if (cached !== undefined) return cached;
    const result = language.stem(irregular.get(word) ?? word);
    if (stems.size < STEM_CACHE_LIMIT) stems.set(word, result);
    return result;
  };

  const { everydayRarity, tellingRarity, everydayFloor } = RANKING.words;
  const count = (word: string): number => language.frequencies().counts.get(word) ?? 0;
  const specificity = (word: string): number => {
    const uses = count(word);
    if (uses <= 0) return 1;
    const rarity = Math.log10(language.frequencies().corpusWords / uses);
    const t = Math.min(
      1,
      Math.max(0, (rarity - everydayRarity) / (tellingRarity - everydayRarity)),
    );
    return everydayFloor + (1 - everydayFloor) * t;
  };

  /**
   * Any word the patterns do not name can only fill a pattern's gap, which one stand-in does as
   * well: "x" for a word of `\w` characters, "." for one no gap takes. Many texts then share
   * one reading of their head.
   */
  const patternWord = (word: string): string =>
    patternWords.has(word) ? word : GAP_WORD.test(word) ? 'x' : '.';

  const intentsOf = (
    words: readonly string[],
    memo?: Map<string, readonly string[]>,
  ): readonly string[] => {
    const end = Math.min(words.length, intentHead);
    let asks = false;
    for (let i = 0; i < end && !asks; i++) asks = starters.has(words[i]!);
    const lastWord = words[words.length - 1]!;
    let last = words.length > 1 ? trailing.get(lastWord) : undefined;
    if (!asks && last === undefined) return NO_INTENTS;
    let text = patternWord(words[0]!);
    for (let i = 1; i < end; i++) text += ' ' + patternWord(words[i]!);
    const read = (key: string, intents: () => readonly string[]): readonly string[] => {
      const found = memo?.get(key);
      if (found !== undefined) return found;
      const made = intents();
      memo?.set(key, made);
      return made;
    };
    const head = asks
      ? read(text, () =>
          questions.patterns.flatMap((p) => (p.pattern.test(text) ? [p.intent] : [])),
        )
      : NO_INTENTS;
    // A last word that is no question word of its own ("by") asks only when nothing before it
    // does, or when joined on ("…and by"): "how much did trade grow by" asks how much.
    if (
      last !== undefined &&
      !starters.has(lastWord) &&
      !joiners.has(words[words.length - 2]!) &&
      head.length > 0
    ) {
      last = undefined;
    }
    if (last === undefined || head.includes(last)) return head;
    const trailingIntent = last;
    // The head's stand-ins never read "~", so the key tells the cases apart.
    return read(`${text} ~${last}`, () =>
      intentOrder.filter((intent) => head.includes(intent) || intent === trailingIntent),
    );
  };

  return {
    language,
    isFunctionWord: (word) => functionWords.has(word),
    isLightWord: (word) => lightWords.has(word),
    stem,
    count,
    specificity,
    plainForm: (word) => language.numberForm(shorthand.get(word) ?? word),
    shorthand: (word) => shorthand.get(word),
    mayAsk: (word) => starters.has(word),
    namesIntent(words, at) {
      const word = words[at]!;
      if (at > questions.window || !patternWords.has(word) || measures.has(word)) return false;
      const asked = intentsOf(words);
      if (asked.length === 0) return false;
      const gap = [...words];
      gap[at] = GAP_STAND_IN;
      return intentsOf(gap).length < asked.length;
    },
    trailingIntent: (word) => trailing.get(word),
    intentsOf,
    intentHead,
    intentWindow: questions.window,
    intentOrder,
    isLeadIn: (word) => leadIns.has(word),
    isAsker: (word) => askerWords.has(word),
    asksClock: (words) => questions.clock.test(words.join(' ')),
    addressesAlmanac: (all) => {
      // "how do you cite…" asks how anyone does it: that "you" is not Almanac.
      const words = all.join(' ').replace(questions.impersonal, '').split(' ');
      return words.some(
        (word, i) =>
          addressPossessives.has(word) ||
          (addressWords.has(word) && !(i + 1 < words.length && requestVerbs.has(words[i + 1]!))),
      );
    },
    isDefinite: (word) => definite.has(word),
    isNegator: (word) => negators.has(word),
    negationReach: questions.negationReach,
    asksHowItWent(words) {
      const start = words.indexOf(outcome.opener);
      if (start < 0 || start > questions.window) return false;
      const verb = words[start + 1];
      if (verb === undefined || !auxiliaries.has(verb)) return false;
      let end = words.length - 1;
      while (end > start && functionWords.has(words[end]!) && !endings.has(words[end]!)) end -= 1;
      return endings.has(words[end]!);
    },
    outcomeTerm: outcome.term,
    asksWhoSomeoneIs(words) {
      const { openers, copulas, longest } = questions.identity;
      const start = words.findIndex((w) => openers.includes(w));
      if (start < 0 || start > questions.window) return false;
      // "whos" carries its own copula; "who met him" has none and asks something else.
      const hasCopula = copulas.includes(words[start + 1] ?? '');
      if (!hasCopula && words[start] === openers[0]) return false;
      const rest = words.slice(start + (hasCopula ? 2 : 1));
      const named = rest.filter((w) => !functionWords.has(w));
      // One name, its words together: "who was president during the crisis" asks who held a
      // post then, which a name does not split.
      const first = rest.findIndex((w) => !functionWords.has(w));
      const together = rest.slice(first, first + named.length).every((w) => !functionWords.has(w));
      return named.length > 0 && named.length <= longest && together;
    },
    identityTerm: questions.identity.term,
    asksWhereFrom(words) {
      const { opener, verbs, preposition } = questions.origin;
      const start = words.indexOf(opener);
      if (start < 0 || start > questions.window) return false;
      let end = words.length - 1;
      while (end > start && words[end] !== preposition && functionWords.has(words[end]!)) end -= 1;
      return words[end] === preposition && verbs.includes(words[end - 1] ?? '');
    },
    isOriginVerb: (word) => questions.origin.verbs.includes(word),
    originTerm: questions.origin.term,
    soundCode: language.soundCode,
    remarkOf(words) {
      if (helpRequests.has(words.join(' '))) return 'help';
      // The longest opener first: "thank you" before a "thank" a list might hold.
      for (let n = Math.min(longestOpener, words.length); n > 0; n--) {
        const kind = openers.get(words.slice(0, n).join(' '));
        if (kind) return kind;
      }
      return undefined;
    },
  };
}
