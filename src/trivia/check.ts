import { foldText, readAnswerText, type Token } from './answerText.js';
import { CHECK_CONFIG } from './checkConfig.js';
import { compareDates, differsByScale, sameDecimal, smallInteger } from './numbers.js';
import { type CheckLanguage, compareSpelling, isRealWord } from './spelling.js';

export type { CheckLanguage } from './spelling.js';

/** A trivia item as the checker needs it: its answer, and other answers it accepts as well. */
export interface AnswerItem {
  readonly answer: string;
  /** Alternatives, each checked by the same rules as the answer ("USSR" for "Soviet Union"). */
  readonly accept?: readonly string[];
}

/** A verdict on a player's answer. */
export type Verdict = 'correct' | 'close' | 'wrong';

/**
 * Why an answer is close, for the private hint, most telling first:
 * - `ambiguous-date`: a numeric date that reads either way round ("2/3/1972"; write the month);
 * - `incomplete-date`: the right date with a part left out (a year alone, "March 1972" or
 *   "2 March" for "2 March 1972");
 * - `scale`: the right figure at the wrong scale ("92.3 thousand" for "92.3 million");
 * - `spelling`: a word one edit beyond the typo allowance ("kosgyn" for "Kosygin");
 * - `partial`: part of the answer (one person of two, a first name alone, the everyday last
 *   word of a name, "Union" for "Soviet Union");
 * - `extra`: the whole answer and something more (another guess, a wrong first name).
 */
export type CloseHint =
  'ambiguous-date' | 'incomplete-date' | 'scale' | 'spelling' | 'partial' | 'extra';

const HINT_ORDER: readonly CloseHint[] = [
  'ambiguous-date',
  'incomplete-date',
  'scale',
  'spelling',
  'partial',
  'extra',
];

/** The verdict, with the answer or accepted alternative (as written) that earned it. */
export type CheckResult =
  | { readonly verdict: 'correct'; readonly matched: string }
  | { readonly verdict: 'close'; readonly matched: string; readonly hint: CloseHint }
  | { readonly verdict: 'wrong' };

const WRONG: CheckResult = Object.freeze({ verdict: 'wrong' });

/** Articles, ignored where another word follows them ("Vitamin A" keeps its "a"). */
const ARTICLES = new Set(['the', 'a', 'an']);

/** Words that add nothing to an answer: "in 1972", "2nd of March", "about 92.3 million". */
const FILLERS = new Set([
  'of',
  'in',
  'on',
  'at',
  'about',
  'around',
  'approximately',
  'roughly',
  'circa',
]);

/** Words that join the parts of an answer: "Kosygin and Brezhnev", "Kosygin & Brezhnev". */
const CONJUNCTIONS = new Set(['and', ';', '&', '+', '/']);

/** Titles and offices that may open a name, and may be left out of it. */
const TITLES = new Set([
  'premier',
  'president',
  'prime',
  'minister',
  'chairman',
  'chairwoman',
  'general',
  'secretary',
  'king',
  'queen',
  'emperor',
  'empress',
  'tsar',
  'czar',
  'tsarina',
  'kaiser',
  'pope',
  'prince',
  'princess',
  'duke',
  'duchess',
  'lord',
  'lady',
  'sir',
  'dame',
  'dr',
  'doctor',
  'prof',
  'professor',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mister',
  'saint',
  'st',
  'sheikh',
  'shah',
  'sultan',
  'chancellor',
  'senator',
  'governor',
  'mayor',
  'marshal',
  'field',
  'admiral',
  'colonel',
  'captain',
  'commander',
  'comrade',
  'vice',
  'deputy',
  'foreign',
]);

type Level = 'exact' | 'typo' | 'near';
const LEVELS: readonly Level[] = ['exact', 'typo', 'near'];

interface Match {
  readonly level: Level;
  readonly hint?: CloseHint;
}

interface Pair extends Match {
  /** The answer element a given token is paired with. */
  readonly element: number;
}

interface AnswerElement {
  readonly token: Token;
  readonly part: number;
  /** False for what a player may leave out: articles and fillers, a title, a unit. */
  readonly required: boolean;
}

interface AnswerPart {
  readonly elements: readonly number[];
  /** The element whose word alone names the part (a surname), when the part is a name. */
  readonly nameWord: number | undefined;
}

interface ReadAnswer {
  readonly elements: readonly AnswerElement[];
  readonly parts: readonly AnswerPart[];
}

const textOf = (token: Token): string | undefined =>
  token.kind === 'word' ? token.text : token.kind === 'mark' ? token.mark : undefined;

const isNumeric = (token: Token): boolean =>
  token.kind === 'number' || token.kind === 'date' || token.kind === 'ambiguousDate';

/**
 * Splits an answer into its parts at "and", ";", "&", "+" and "/" (and at commas when it has
 * one of those: "Kosygin, Podgorny and Brezhnev", but "Paris, France" is one part).
 */
function splitParts(tokens: readonly Token[]): Token[][] {
  const joined = tokens.some((t) => CONJUNCTIONS.has(textOf(t) ?? ''));
  const parts: Token[][] = [[]];
  for (const token of tokens) {
    const text = textOf(token) ?? '';
    if (CONJUNCTIONS.has(text) || (joined && text === ',')) parts.push([]);
    else if (token.kind !== 'mark') parts.at(-1)!.push(token);
  }
  return parts.filter((part) => part.length > 0);
}

function isFiller(tokens: readonly Token[], i: number): boolean {
  const text = textOf(tokens[i]!) ?? '';
  return FILLERS.has(text) || (ARTICLES.has(text) && i < tokens.length - 1);
}

/**
 * Decides what each part of an answer requires. Articles and fillers are optional (unless the
 * part is nothing else: "The The"). Words after the part's last number or date are its unit,
 * optional ("92.3" for "92.3 million rubles"). Titles that open a full name (a title and at
 * least two more words: "Premier Alexei Kosygin") are optional; before a single word a title may
 * be the name itself ("General Motors", "Captain America"). A part of two or more words and no
 * number is a name whose last word alone names it when a title opened it or the word list
 * uses that word less than {@link CHECK_CONFIG.nameMaxCount} times ("Kosygin" for "Alexei
 * Kosygin", but not "Union" for "Soviet Union").
 */
function readAnswer(alternative: string, language: CheckLanguage): ReadAnswer {
  const elements: AnswerElement[] = [];
  const parts: AnswerPart[] = [];
  for (const tokens of splitParts(readAnswerText(alternative, language))) {
    const part = parts.length;
    const optional = new Set<number>();
    const allFillers = tokens.every((_, i) => isFiller(tokens, i));
    if (!allFillers) tokens.forEach((_, i) => isFiller(tokens, i) && optional.add(i));

    const titles: number[] = [];
    let start = 0;
    while (
      start < tokens.length &&
      (optional.has(start) || TITLES.has(textOf(tokens[start]!) ?? ''))
    ) {
      if (!optional.has(start)) titles.push(start);
      start += 1;
    }
    const named = tokens.slice(start).filter((_, i) => !optional.has(start + i)).length;
    const titled = titles.length > 0 && named >= 2;
    if (titled) titles.forEach((i) => optional.add(i));

    const lastNumeric = tokens.findLastIndex(isNumeric);
    if (lastNumeric >= 0) tokens.forEach((_, i) => i > lastNumeric && optional.add(i));

    const first = elements.length;
    tokens.forEach((token, i) => elements.push({ token, part, required: !optional.has(i) }));
    const indices = tokens.map((_, i) => first + i);
    const required = indices.filter((e) => elements[e]!.required);
    const last = required.at(-1);
    const lastToken = last === undefined ? undefined : elements[last]!.token;
    const isName =
      lastNumeric < 0 &&
      required.length >= 2 &&
      lastToken?.kind === 'word' &&
      (titled || language.wordCount(lastToken.text) < CHECK_CONFIG.nameMaxCount);
    parts.push({ elements: indices, nameWord: isName ? last : undefined });
  }
  return { elements, parts };
}

/** Compares one given token with one token of the answer. */
function compareTokens(
  given: Token,
  answer: AnswerElement,
  givenIsRealWord: () => boolean,
): Match | undefined {
  const a = answer.token;
  if (given.kind === 'word' && a.kind === 'word') {
    // A unit or a title is not what is asked: a real word within the typo allowance of it is a
    // spelling variant ("roubles" for "rubles"), not a different answer.
    const real = answer.required && given.text !== a.text && givenIsRealWord();
    const spelling = compareSpelling(given.text, a.text, real);
    if (spelling === 'same') return { level: 'exact' };
    if (spelling === 'typo') return { level: 'typo' };
    if (spelling === 'near') return { level: 'near', hint: 'spelling' };
    return undefined;
  }
  if (given.kind === 'ordinal' && a.kind === 'ordinal') {
    return given.value === a.value ? { level: 'exact' } : undefined;
  }
  if (given.kind === 'number' && a.kind === 'number') {
    if (sameDecimal(given.value, a.value)) return { level: 'exact' };
    // "92.3" for "92.3 million rubles": the unit's scale is part of the unit.
    if (!given.scaled && a.scaled && sameDecimal(given.value, a.mantissa))
      return { level: 'exact' };
    if (differsByScale(given.value, a.value)) return { level: 'near', hint: 'scale' };
    return undefined;
  }
  if (given.kind === 'number' && a.kind === 'date') {
    const year = given.scaled ? undefined : smallInteger(given.value);
    return year !== undefined && year === a.date.year
      ? { level: 'near', hint: 'incomplete-date' }
      : undefined;
  }
  if (given.kind === 'date' && a.kind === 'number') {
    return given.date.year !== undefined && given.date.year === smallInteger(a.value)
      ? { level: 'exact' }
      : undefined;
  }
  if (given.kind === 'date' && a.kind === 'date') {
    const dates = compareDates(given.date, a.date);
    if (dates === 'same') return { level: 'exact' };
    if (dates === 'incomplete') return { level: 'near', hint: 'incomplete-date' };
    return undefined;
  }
  if (given.kind === 'ambiguousDate' && a.kind === 'ambiguousDate' && given.written === a.written) {
    return { level: 'exact' };
  }
  if (given.kind === 'ambiguousDate' && a.kind === 'number') {
    // Either reading has the same year: "2/3/1972" is right for "1972".
    const year = given.readings[0]?.year;
    return year !== undefined && year === smallInteger(a.value) ? { level: 'exact' } : undefined;
  }
  if (given.kind === 'ambiguousDate' || a.kind === 'ambiguousDate') {
    const givenReadings =
      given.kind === 'ambiguousDate' ? given.readings : given.kind === 'date' ? [given.date] : [];
    const answerReadings =
      a.kind === 'ambiguousDate' ? a.readings : a.kind === 'date' ? [a.date] : [];
    const agrees = givenReadings.some((g) =>
      answerReadings.some((r) => compareDates(g, r) !== 'different'),
    );
    return agrees ? { level: 'near', hint: 'ambiguous-date' } : undefined;
  }
  return undefined;
}

/**
 * Pairs given tokens with answer tokens, each used once: every exact pair first, then typos,
 * then near misses, each in order, so a text paired with itself pairs every token with its own.
 */
function pairTokens(
  given: readonly Token[],
  answer: readonly AnswerElement[],
  language: CheckLanguage,
): (Pair | undefined)[] {
  const realWord = given.map((token) => {
    let known: boolean | undefined;
    return () => (known ??= token.kind === 'word' && isRealWord(token.text, language));
  });
  const table = given.map((g, gi) => answer.map((a) => compareTokens(g, a, realWord[gi]!)));
  const pairs = new Array<Pair | undefined>(given.length).fill(undefined);
  const used = new Set<number>();
  for (const level of LEVELS) {
    given.forEach((_, gi) => {
      if (pairs[gi]) return;
      const element = table[gi]!.findIndex((m, ai) => m?.level === level && !used.has(ai));
      if (element < 0) return;
      used.add(element);
      pairs[gi] = { ...table[gi]![element]!, element };
    });
  }
  return pairs;
}

/** What a player may add without being wrong: "the", "in", "premier", "and", a comma. */
function isIgnorable(token: Token): boolean {
  if (token.kind === 'mark') return true;
  const text = textOf(token) ?? '';
  return ARTICLES.has(text) || FILLERS.has(text) || TITLES.has(text) || text === 'and';
}

function checkAlternative(
  alternative: string,
  given: readonly Token[],
  givenFolded: string,
  language: CheckLanguage,
): CheckResult {
  if (alternative.trim() === '') return WRONG;
  const answer = readAnswer(alternative, language);
  if (answer.elements.length === 0) {
    // An answer with no letters or digits ("?!", an emoji) can only be given as written.
    return foldText(alternative) === givenFolded
      ? { verdict: 'correct', matched: alternative }
      : WRONG;
  }
  const pairs = pairTokens(given, answer.elements, language);
  const hints = new Set<CloseHint>();
  const partOfGiven = given.map((_, gi) => {
    const pair = pairs[gi];
    return pair === undefined ? undefined : answer.elements[pair.element]!.part;
  });
  const matchOf = new Map(pairs.flatMap((pair) => (pair ? [[pair.element, pair] as const] : [])));
  const full = (e: number) => {
    const level = matchOf.get(e)?.level;
    return level === 'exact' || level === 'typo';
  };

  let touched = false;
  let complete = true;
  answer.parts.forEach((part, p) => {
    const required = part.elements.filter((e) => answer.elements[e]!.required);
    const byName = part.nameWord !== undefined && full(part.nameWord);
    const reached = required.filter((e) => matchOf.has(e));
    if (reached.length === 0) {
      complete = false;
      return;
    }
    touched = true;
    let satisfied = byName || required.every(full);
    if (!byName) {
      for (const e of reached) {
        const hint = matchOf.get(e)?.hint;
        if (hint) hints.add(hint);
      }
      if (reached.length < required.length) hints.add('partial');
    }
    // A part's words must come together: "Alexei Brezhnev and Leonid Kosygin" names neither.
    const mine = partOfGiven.flatMap((q, gi) => (q === p ? [gi] : []));
    const from = Math.min(...mine);
    const to = Math.max(...mine);
    if (partOfGiven.some((q, gi) => gi > from && gi < to && q !== undefined && q !== p)) {
      satisfied = false;
      hints.add('partial');
    }
    if (!satisfied) complete = false;
  });
  if (!touched) return WRONG;
  if (!complete) hints.add('partial');
  const extra = given.some((token, gi) => pairs[gi] === undefined && !isIgnorable(token));
  if (extra) hints.add('extra');
  if (complete && !extra) return { verdict: 'correct', matched: alternative };
  const hint = HINT_ORDER.find((h) => hints.has(h)) ?? 'partial';
  return { verdict: 'close', matched: alternative, hint };
}

/**
 * Checks a player's answer to a trivia item, fairly: case, punctuation, diacritics, articles and
 * spacing never matter; numbers and dates are read however written; a surname may stand for a
 * full name; small typos pass, but a different real word never does.
 *
 * `correct` when every part of the answer (or of one `accept` alternative) is given and nothing
 * else is:
 * - words alike once folded ("Alí Bhutto" is "Ali Bhutto"), with typos in proportion to the
 *   answer word's length: none up to four letters, one from five, two from nine, a swap of
 *   neighbouring letters counting one ("Kosigin", "Bhuto"); a given word that is itself an English
 *   word (`language.wordCount`) is never a typo of another ("India" is not "China", "Iran" not
 *   "Iraq", "Russia" not "Prussia");
 * - numbers equal in value, however written: "92.3", "92.3 million", "92,300,000", "92.3m",
 *   "92,3" (a comma before one or two digits is a decimal comma: no English number groups them so),
 *   "ninety-two point three" for "92.3 million rubles"; a different number is never a typo;
 * - dates in any usual order ("March 2nd 1972", "2nd of March, 1972") or ISO ("1972-03-02");
 * - a name's last word alone, and titles left out (see `readAnswer`'s rules).
 *
 * `close` (a private hint, see {@link CloseHint}) for a near miss: part of the answer, a year
 * alone for a full date, a numeric date whose day and month could be either way round
 * ("2/3/1972" is never taken for a date: close when one reading is right), the right figure at
 * the wrong scale, one edit too many, or the whole answer with more words or other guesses.
 *
 * `wrong` for anything else, and for an empty or blank answer. Only the first
 * {@link CHECK_CONFIG.maxTextChars} characters of each text are read, so any input (10,000
 * characters, emoji, control characters, NUL) costs bounded work.
 */
export function checkAnswer(item: AnswerItem, given: string, language: CheckLanguage): CheckResult {
  if (given.trim() === '') return WRONG;
  const tokens = readAnswerText(given, language);
  const folded = foldText(given);
  let best: CheckResult = WRONG;
  for (const alternative of [item.answer, ...(item.accept ?? [])]) {
    const result = checkAlternative(alternative, tokens, folded, language);
    if (result.verdict === 'correct') return result;
    if (result.verdict === 'close' && best.verdict === 'wrong') best = result;
  }
  return best;
}
