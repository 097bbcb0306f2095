/**
 * What a fact's answer is (a date, a year, an amount, a person, a place, an organisation) and
 * where in its text that value is written: the reading `deal` needs to generate a question for a
 * fact that has no trivia item of its own.
 *
 * The reading is deliberately conservative: a question is generated only when the fact's
 * question asks for one kind and its answer holds exactly one value of that kind (or, when the
 * question asks for several people or organisations, two or three of them), so a generated
 * answer is never a guess. The cue words, titles and markers below are English, kept together as
 * data; facts of packs in other languages get no generated questions.
 */
import type { AnswerKind } from './types.js';

/** What a question asks for: a time (a date or a year, by what the answer holds) or a kind. */
export type AskedKind = 'time' | 'person' | 'place' | 'amount' | 'organisation';

/** How a question asks for a kind, and whether it asks for several (`which leaders`). */
export interface Asked {
  readonly kind: AskedKind;
  readonly plural: boolean;
  /** The noun asked for, singular and lower case ("city", "leader"); "" for who/when/where. */
  readonly noun: string;
}

const PERSON_NOUNS =
  'person|people|man|men|woman|women|leaders?|kings?|queens?|presidents?|premiers?|generals?|' +
  'secretary|secretaries|ministers?|scientists?|authors?|writers?|artists?|emperors?|rulers?|' +
  'explorers?|inventors?|composers?|painters?|poets?|philosophers?|popes?|officials?|' +
  'politicians?|commanders?|founders?|chancellors?|monarchs?|pharaohs?|players?|engineers?|' +
  'architects?|mathematicians?|physicists?|chemists?|biologists?|astronauts?|physicians?|' +
  'doctors?|prime ministers?|general secretary';
const PLACE_NOUNS =
  'city|cities|towns?|countries|country|places?|capitals?|regions?|provinces?|states?|' +
  'villages?|islands?|continents?|rivers?|seas?|oceans?|mountains?|ports?|locations?|nations?';
const AMOUNT_NOUNS =
  'value|cost|price|amount|number|sum|total|population|figure|size|budget|length|height|' +
  'distance|weight|area|speed|temperature';
const ORG_NOUNS =
  'organi[sz]ations?|compan(?:y|ies)|part(?:y|ies)|alliances?|treaty organi[sz]ations?|groups?|' +
  'agenc(?:y|ies)|institutions?|bod(?:y|ies)|banks?|leagues?|councils?|teams?|universit(?:y|ies)|' +
  'firms?|pacts?|movements?|committees?';

/**
 * A question word where it asks rather than joins: at the start ("When did…", "To whom…"), in a
 * clause joined by a conjunction ("…, and when?"), or at the very end ("…by whom?"). "What post
 * did he hold when he visited?" asks for a post, and "Zia, who deposed Bhutto, leaned which
 * way?" for a side, not a person.
 */
const wh = (words: string) =>
  new RegExp(
    String.raw`^\W*(?:(?:in|from|to|by|with|for|at|since|until|and|so|but)\s+)?(?:${words})\b|[,;:]\s*(?:and|but|or|so|then)\s+(?:${words})\b|\b(?:${words})\W*$`,
    'iu',
  );

/**
 * English cues, each a pattern whose first group (when it has one) is the noun asked for; a
 * plural noun asks for several. A question's kind is the cue found earliest in it, so "Who
 * visited Moscow, and when?" asks for a person.
 */
const CUES: readonly (readonly [AskedKind, RegExp])[] = [
  ['time', wh('when')],
  ['time', /\b(?:what|which)\s+(?:exact\s+)?(?:year|date|day|month|decade|century)\b/iu],
  ['person', wh('who|whom|whose')],
  ['person', new RegExp(String.raw`\b(?:which|what)\s+(?:\w+\s+){0,2}?(${PERSON_NOUNS})\b`, 'iu')],
  ['place', wh('where')],
  ['place', new RegExp(String.raw`\b(?:which|what)\s+(?:\w+\s+){0,2}?(${PLACE_NOUNS})\b`, 'iu')],
  ['amount', /\bhow\s+(?:much|many)\b/iu],
  ['amount', new RegExp(String.raw`\b(?:what|which)\s+(?:\w+\s+)??(${AMOUNT_NOUNS})\b`, 'iu')],
  [
    'organisation',
    new RegExp(String.raw`\b(?:which|what)\s+(?:\w+\s+){0,2}?(${ORG_NOUNS})\b`, 'iu'),
  ],
];

function singularNoun(noun: string): string {
  if (noun === 'people') return 'person';
  if (noun === 'men') return 'man';
  if (noun === 'women') return 'woman';
  if (noun.endsWith('ies')) return `${noun.slice(0, -3)}y`;
  return noun.endsWith('s') && !/(?:ss|us)$/u.test(noun) ? noun.slice(0, -1) : noun;
}

/** What `question` asks for, by its earliest cue; `undefined` when it names no kind. */
export function askedKind(question: string): Asked | undefined {
  let best: { at: number; asked: Asked } | undefined;
  for (const [kind, pattern] of CUES) {
    const match = pattern.exec(question.trim());
    if (!match || (best && match.index >= best.at)) continue;
    const noun = match[1]?.toLowerCase() ?? '';
    const plural =
      /\bwho\s+(?:were|are)\b/iu.test(question) ||
      ['people', 'men', 'women'].includes(noun) ||
      (noun.endsWith('s') && !/(?:ss|us)$/u.test(noun));
    best = { at: match.index, asked: { kind, plural, noun: singularNoun(noun) } };
  }
  return best?.asked;
}

// ─── Dates and years ────────────────────────────────────────────────────────────────────────

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map([
  ...MONTH_NAMES.map((name, i) => [name, i + 1] as const),
  ['Jan', 1],
  ['Feb', 2],
  ['Mar', 3],
  ['Apr', 4],
  ['Jun', 6],
  ['Jul', 7],
  ['Aug', 8],
  ['Sep', 9],
  ['Sept', 9],
  ['Oct', 10],
  ['Nov', 11],
  ['Dec', 12],
]);

// Months are read only as written in prose, capitalised: "may" is a verb far more often.
const MONTH = String.raw`(?<month>${[...MONTH_NUMBERS.keys()].sort((a, b) => b.length - a.length).join('|')})\.?`;
const DAY = String.raw`(?<day>\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?<year>\d{3,4})`;

/** How a date is written, so distractors are written alike and none stands out. */
export type DateStyle = 'dmy' | 'mdy' | 'my' | 'iso';

/** A date: a day, month and year, or a month and year. */
export interface DateValue {
  readonly day: number | null;
  readonly month: number;
  readonly year: number;
}

/** A date as found in a text, or a part of one ("2 March": no year). */
interface DateMention {
  readonly start: number;
  readonly end: number;
  readonly day: number | null;
  readonly month: number;
  readonly year: number | null;
  readonly style: DateStyle;
}

const DATE_PATTERNS: readonly (readonly [DateStyle, RegExp])[] = [
  ['iso', /\b(?<year>\d{4})-(?<monthNumber>\d{1,2})-(?<day>\d{1,2})\b/gu],
  ['dmy', new RegExp(String.raw`\b${DAY}(?:\s+of)?\s+${MONTH},?\s+${YEAR}\b`, 'gu')],
  ['mdy', new RegExp(String.raw`\b${MONTH}\s+${DAY},?\s+${YEAR}\b`, 'gu')],
  ['my', new RegExp(String.raw`\b${MONTH},?\s+${YEAR}\b`, 'gu')],
  // Parts of dates count as mentions, so "from 2 March until 5 March 1972" holds two dates.
  ['dmy', new RegExp(String.raw`\b${DAY}(?:\s+of)?\s+${MONTH}(?![\p{L}])`, 'gu')],
  ['mdy', new RegExp(String.raw`\b${MONTH}\s+${DAY}\b`, 'gu')],
];

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Replaces `[start, end)` of `text` with spaces, so later patterns do not read it again. */
function mask(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

function findDateMentions(text: string): { mentions: DateMention[]; masked: string } {
  let masked = text;
  const mentions: DateMention[] = [];
  for (const [style, pattern] of DATE_PATTERNS) {
    for (const match of masked.matchAll(pattern)) {
      const g = match.groups ?? {};
      const month = g.month ? MONTH_NUMBERS.get(g.month) : Number(g.monthNumber);
      const day = g.day === undefined ? null : Number(g.day);
      const year = g.year === undefined ? null : Number(g.year);
      if (month === undefined || month < 1 || month > 12) continue;
      if (day !== null && (day < 1 || day > daysIn(month, year ?? 2000))) continue;
      mentions.push({
        start: match.index,
        end: match.index + match[0].length,
        day,
        month,
        year,
        style,
      });
    }
    for (const m of mentions) masked = mask(masked, m.start, m.end);
  }
  mentions.sort((a, b) => a.start - b.start);
  return { mentions, masked };
}

/** Writes a date in a style. */
export function formatDate(date: DateValue, style: DateStyle): string {
  const month = MONTH_NAMES[date.month - 1]!;
  if (date.day === null || style === 'my') return `${month} ${date.year}`;
  if (style === 'iso') {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
  }
  return style === 'mdy'
    ? `${month} ${date.day}, ${date.year}`
    : `${date.day} ${month} ${date.year}`;
}

/** A date's place in time, in days (near enough for ordering distractors by closeness). */
export function dateOrdinal(date: DateValue): number {
  return date.year * 372 + (date.month - 1) * 31 + (date.day ?? 15);
}

/** Whether a day exists (31 April does not). */
export function isRealDate(date: DateValue): boolean {
  return (
    date.month >= 1 &&
    date.month <= 12 &&
    (date.day === null || (date.day >= 1 && date.day <= daysIn(date.month, date.year)))
  );
}

const YEAR_PATTERN =
  /(?<![\d.,$£€¥₹₨-])\b(?<year>1\d{3}|20\d{2})\b(?![.,]\d|\s?(?:thousand|million|billion|trillion|bn|%|per\s?cent)\b)/gu;

// ─── Amounts ────────────────────────────────────────────────────────────────────────────────

/** Units an amount may carry even when not a plural in -s ("people", "km"). */
const UNIT_WORDS = new Set([
  'people',
  'men',
  'women',
  'children',
  'km',
  'kg',
  'mph',
  'percent',
  'yen',
  'sheep',
  'feet',
  'metres',
  'meters',
  'miles',
  'tonnes',
  'tons',
  'rubles',
  'roubles',
  'rupees',
  'dollars',
  'pounds',
  'euros',
  'francs',
]);

/** Plurals in -s that never follow a figure as its unit: "in 1985 was", "92 plus". */
const NOT_UNITS = new Set(['this', 'thus', 'its', 'his', 'hers', 'plus', 'less', 'across', 'yes']);

/**
 * An amount: a figure with a currency, a scale word or a unit ("₨4.5 billion", "92.3 million
 * rubles", "150 people"), as written (`prefix` + figure + `suffix`), so variants can be written
 * alike.
 */
export interface AmountValue {
  readonly prefix: string;
  readonly figure: number;
  readonly decimals: number;
  readonly grouped: boolean;
  readonly suffix: string;
  /** Currency, scale and unit together: only amounts with the same one are compared. */
  readonly signature: string;
  /** The figure times its scale. */
  readonly magnitude: number;
}

const SCALES: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3],
  ['k', 1e3],
  ['million', 1e6],
  ['m', 1e6],
  ['billion', 1e9],
  ['bn', 1e9],
  ['trillion', 1e12],
]);

const AMOUNT_PATTERN =
  /(?<![\p{L}\d.,])(?<currency>(?:US)?\$|[£€¥₹₨]\.?|Rs\.?\s?)?(?<figure>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d)(?<scale>\s?(?:thousand|million|billion|trillion|bn|m|k)(?![\p{L}\d]))?(?<unit>\s?%|\s(?:per cent|percent)|\s\p{Ll}+)?/gu;

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word;
}

/** Whether a word after a figure is its unit: a known unit, or another plural in -s. */
function isUnit(word: string): boolean {
  if (UNIT_WORDS.has(word)) return true;
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !NOT_UNITS.has(word);
}

interface AmountMention extends AmountValue {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function findAmountMentions(masked: string, asked: boolean): AmountMention[] {
  const found: AmountMention[] = [];
  for (const match of masked.matchAll(AMOUNT_PATTERN)) {
    const g = match.groups ?? {};
    const figureText = g.figure!;
    const currency = g.currency ?? '';
    const scaleText = g.scale ?? '';
    let unitText = g.unit ?? '';
    const unitWord = unitText.trim();
    if (unitWord !== '' && unitWord !== '%' && !/^per\s?cent$/u.test(unitWord)) {
      if (!isUnit(unitWord)) unitText = '';
    }
    const scale = SCALES.get(scaleText.trim()) ?? 1;
    const figure = Number(figureText.replaceAll(',', ''));
    const yearShaped = /^\d{4}$/u.test(figureText) && figure >= 1000 && figure <= 2099;
    const known = UNIT_WORDS.has(unitText.trim());
    const qualified = currency !== '' || scaleText !== '' || unitText !== '';
    // A bare figure is an amount only where the question asks for one ("how many"), and a year
    // only counts as an amount with a currency, a scale or a known unit ("1500 people").
    if (!qualified && !asked) continue;
    if (yearShaped && currency === '' && scaleText === '' && !known) continue;
    const end = match.index + currency.length + figureText.length + scaleText.length;
    const text = masked.slice(match.index, end) + unitText;
    found.push({
      start: match.index,
      end: end + unitText.length,
      text: text.trim(),
      prefix: currency,
      figure,
      decimals: figureText.split('.')[1]?.length ?? 0,
      grouped: figureText.includes(','),
      suffix: scaleText + unitText,
      signature: [currency.replace(/\s|\./gu, ''), scaleText.trim(), singular(unitText.trim())]
        .join('|')
        .toLowerCase(),
      magnitude: figure * scale,
    });
  }
  return found;
}

/** Writes a figure as an amount was written: its decimals, and its grouping commas. */
export function formatAmount(like: AmountValue, figure: number): string {
  const [whole, fraction] = figure.toFixed(like.decimals).split('.');
  const grouped = like.grouped ? whole!.replace(/\B(?=(?:\d{3})+(?!\d))/gu, ',') : whole!;
  return `${like.prefix}${fraction === undefined ? grouped : `${grouped}.${fraction}`}${like.suffix}`;
}

// ─── Names: people, places, organisations ───────────────────────────────────────────────────

/** Words that open sentences without being names: "In Moscow", "Among those". */
const FUNCTION_WORDS = new Set(
  (
    'a an the in on at among it he she they we you i this that these those once after before ' +
    'during when while yes no his her their its there then also both as by for from with ' +
    'without of to under over between until since although though because but and or so our ' +
    'my one some many most several each every all later earlier today here what which who ' +
    'where why how is was were are be being been'
  ).split(' '),
);

/** Lower-case words that belong inside names: "Zia ul Haq", "Ludwig van Beethoven". */
const NAME_PARTICLES = new Set(
  'ul al el bin ibn bint de del della der den van von da di du le la y e'.split(' '),
);

/** Words that join the words of an organisation's name: "Bank of England". */
const ORG_CONNECTORS = new Set(['of', 'for', 'the']);

/** Titles and offices before a name: the name is what follows the last of them. */
const TITLES = new Set(
  (
    'premier president prime minister chairman chairwoman general secretary king queen emperor ' +
    'empress tsar czar kaiser pope prince princess duke duchess lord lady sir dame dr doctor ' +
    'professor prof mr mrs ms miss saint st sheikh shah sultan chancellor senator governor mayor ' +
    'marshal admiral colonel captain commander comrade vice deputy foreign field lieutenant ' +
    'major sergeant bishop archbishop cardinal judge justice'
  ).split(' '),
);

/** Words that make a name something other than a person: "Soviet Union", "Steel Mills". */
const NON_PERSON_WORDS = new Set(
  (
    'union states state republic kingdom empire federation organization organisation treaty ' +
    'party company corporation mills mill plant station dam river sea ocean mountain mountains ' +
    'island islands university college school council bank army navy pact church cathedral ' +
    'bridge street road war revolution committee assembly parliament congress ministry agency ' +
    'institute museum media archives archive house palace city province county district ' +
    'airport port canal lake valley desert league association society movement front group ' +
    'fund commission department office court'
  ).split(' '),
);

/** Words that make a name an organisation's: "Central Treaty Organization", "Labour Party". */
const ORG_WORDS = new Set(
  (
    'organization organisation party company corporation pact bank council league association ' +
    'agency institute committee front army movement alliance federation society university ' +
    'ministry department commission fund foundation club'
  ).split(' '),
);

/** Words before a place: "in Moscow", "to the Soviet Union", "the city of Karachi". */
const LOCATIVES = new Set(['in', 'at', 'near', 'to', 'from', 'into', 'outside']);
const PLACE_OF = new Set(['city', 'town', 'village', 'capital', 'port', 'province', 'region']);

const MONTH_WORDS = new Set(MONTH_NUMBERS.keys());

interface Token {
  readonly text: string;
  readonly start: number;
  readonly kind: 'word' | 'initials' | 'number' | 'mark';
}

const TOKEN =
  /(?<initials>\p{Lu}\.(?:\s?\p{Lu}\.)+)|(?<word>\p{L}+(?:['’-]\p{L}+)*)|(?<number>\d+(?:[.,]\d+)*)|[^\s\p{L}\d]/gu;

function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({
    text: m[0],
    start: m.index,
    kind: m.groups?.initials
      ? 'initials'
      : m.groups?.word
        ? 'word'
        : m.groups?.number
          ? 'number'
          : 'mark',
  }));
}

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);
const isAcronym = (word: string) => /^\p{Lu}{2,6}$/u.test(word) && !/^[IVXLCDM]+$/u.test(word);
const bare = (word: string) => word.replace(/['’]s$/u, '');

/** A run of name words, with where it starts in the tokens and the text. */
interface NameRun {
  readonly words: readonly string[];
  readonly first: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Runs of capitalised words (and initials), joined by `joiners` when a name word follows them.
 * A capitalised function word opening a sentence ("In Moscow", "Among those") is not a name.
 */
function nameRuns(tokens: readonly Token[], joiners: ReadonlySet<string>): NameRun[] {
  const runs: NameRun[] = [];
  const isName = (i: number): boolean => {
    const t = tokens[i];
    if (!t) return false;
    if (t.kind === 'initials') return true;
    if (t.kind !== 'word' || !isCapitalised(t.text)) return false;
    const previous = tokens[i - 1];
    const opensSentence =
      !previous || (previous.kind === 'mark' && /[.!?:;"“]/u.test(previous.text));
    return !(opensSentence && FUNCTION_WORDS.has(t.text.toLowerCase()));
  };
  let i = 0;
  while (i < tokens.length) {
    if (!isName(i)) {
      i += 1;
      continue;
    }
    const first = i;
    const words = [bare(tokens[i]!.text)];
    let last = i;
    let j = i + 1;
    while (j < tokens.length) {
      if (isName(j)) {
        words.push(bare(tokens[j]!.text));
        last = j;
        j += 1;
        continue;
      }
      // Joiners only inside a name: "Zia ul Haq", "Bank of England", not "Haq and".
      let k = j;
      while (
        k < tokens.length &&
        tokens[k]!.kind !== 'mark' &&
        joiners.has(tokens[k]!.text.toLowerCase()) &&
        !isCapitalised(tokens[k]!.text)
      ) {
        k += 1;
      }
      if (k === j || !isName(k)) break;
      for (let m = j; m <= k; m += 1) words.push(bare(tokens[m]!.text));
      last = k;
      j = k + 1;
    }
    const lastToken = tokens[last]!;
    runs.push({
      words,
      first,
      start: tokens[first]!.start,
      end: lastToken.start + lastToken.text.length,
    });
    i = j;
  }
  return runs;
}

/** The person a run names, after any title: at least two name words, none a place's. */
function personOf(run: NameRun): string | undefined {
  const lastTitle = run.words.findLastIndex((w) => TITLES.has(w.toLowerCase()));
  const words = run.words.slice(lastTitle + 1);
  const named = words.filter((w) => !NAME_PARTICLES.has(w));
  if (named.length < 2 || named.length > 4) return undefined;
  if (!isCapitalised(words[0]!) || !isCapitalised(words.at(-1)!)) return undefined;
  if (words.some((w) => NON_PERSON_WORDS.has(w.toLowerCase()) || MONTH_WORDS.has(w))) {
    return undefined;
  }
  if (named.some((w) => isAcronym(w))) return undefined;
  return words.join(' ');
}

function placeOf(run: NameRun, tokens: readonly Token[]): string | undefined {
  let before = run.first - 1;
  if (tokens[before]?.text.toLowerCase() === 'the') before -= 1;
  const word = tokens[before]?.text.toLowerCase() ?? '';
  const locative =
    LOCATIVES.has(word) ||
    (word === 'of' && PLACE_OF.has(tokens[before - 1]?.text.toLowerCase() ?? ''));
  if (!locative || run.words.length > 3) return undefined;
  const notPlace = (w: string) =>
    MONTH_WORDS.has(w) || TITLES.has(w.toLowerCase()) || ORG_WORDS.has(w.toLowerCase());
  // An acronym after "from" is an organisation more often than a place ("exit from SEATO").
  if (run.words.some((w) => notPlace(w) || isAcronym(w))) return undefined;
  return run.words.join(' ');
}

function organisationOf(run: NameRun): string | undefined {
  if (run.words.length === 1 && isAcronym(run.words[0]!)) return run.words[0];
  const words = [...run.words];
  while (words.length > 0 && ORG_CONNECTORS.has(words[0]!.toLowerCase())) words.shift();
  // "Union" is no marker: the Soviet Union is a country.
  const hasMarker = words.some((w) => ORG_WORDS.has(w.toLowerCase()));
  return hasMarker && words.length <= 8 ? words.join(' ') : undefined;
}

// ─── Reading a text ─────────────────────────────────────────────────────────────────────────

/** A value of some kind, found in a text or given whole (a trivia item's answer). */
export type KindValue =
  | {
      readonly kind: 'date';
      readonly text: string;
      readonly date: DateValue;
      readonly style: DateStyle;
    }
  | { readonly kind: 'year'; readonly text: string; readonly year: number }
  | { readonly kind: 'amount'; readonly text: string; readonly amount: AmountValue }
  | { readonly kind: 'person' | 'place' | 'organisation'; readonly text: string };

/**
 * How many dates or parts of dates `text` mentions: "from 2 March until 5 March 1972" mentions
 * two, of which one is a whole date.
 */
export function countDateMentions(text: string): number {
  return findDateMentions(text).mentions.length;
}

/**
 * Every value of `kind` written in `text`, in order, each once. Dates are whole ones (a day,
 * month and year, or a month and year); years are those outside dates; amounts need a currency,
 * a scale or a unit unless `asked` (the question asks for an amount).
 */
export function findValues(text: string, kind: AnswerKind, asked = false): KindValue[] {
  const { mentions, masked } = findDateMentions(text);
  const unique = <T extends KindValue>(values: T[]): T[] => {
    const seen = new Set<string>();
    return values.filter((v) => {
      const key = v.text.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  switch (kind) {
    case 'date':
      return unique(
        mentions.flatMap((m): KindValue[] => {
          if (m.year === null) return [];
          const date = { day: m.day, month: m.month, year: m.year };
          return [{ kind: 'date', text: text.slice(m.start, m.end), date, style: m.style }];
        }),
      );
    case 'year':
      return unique(
        [...masked.matchAll(YEAR_PATTERN)].map((m) => ({
          kind: 'year',
          text: m.groups!.year!,
          year: Number(m.groups!.year),
        })),
      );
    case 'amount':
      return unique(
        findAmountMentions(masked, asked).map(
          ({ start: _s, end: _e, text: written, ...amount }) => ({
            kind: 'amount',
            text: written,
            amount,
          }),
        ),
      );
    case 'person':
    case 'place':
    case 'organisation': {
      const tokens = tokenize(text);
      const runs = nameRuns(tokens, kind === 'organisation' ? ORG_CONNECTORS : NAME_PARTICLES);
      const names = runs.flatMap((run) => {
        const name =
          kind === 'person'
            ? personOf(run)
            : kind === 'place'
              ? placeOf(run, tokens)
              : organisationOf(run);
        return name === undefined ? [] : [{ kind, text: name }];
      });
      return unique(names);
    }
  }
}

/**
 * A whole text read as one value of `kind`: an item's answer or distractor ("2 March 1972",
 * "1974", "₨4.5 billion", "Leonid Brezhnev"). Names are taken on trust (the item's prompt said
 * what they are) when they look like names: capitalised, no digits, at most six words.
 */
export function readWholeValue(text: string, kind: AnswerKind): KindValue | undefined {
  const trimmed = text.trim();
  if (kind === 'person' || kind === 'place' || kind === 'organisation') {
    const words = trimmed.split(/\s+/u);
    const looksLikeName =
      isCapitalised(trimmed) &&
      !/\d/u.test(trimmed) &&
      words.length <= 6 &&
      !/[,;:]/u.test(trimmed);
    return looksLikeName ? { kind, text: trimmed } : undefined;
  }
  const found = findValues(trimmed, kind, true);
  const only = found.length === 1 ? found[0] : undefined;
  if (!only || only.text.length !== trimmed.length) return undefined;
  return only;
}

/** Which of the shape-read kinds a whole text is: a date, a year, an amount, or none. */
export function shapeOf(text: string): 'date' | 'year' | 'amount' | undefined {
  for (const kind of ['date', 'year', 'amount'] as const) {
    if (readWholeValue(text, kind)) return kind;
  }
  return undefined;
}

/** Lower-case words of a text, possessives and plural `s` dropped, for "does it say this". */
export function wordsOf(text: string): Set<string> {
  const words = text.toLowerCase().match(/\p{L}+(?:['’]\p{L}+)*|\d+/gu) ?? [];
  return new Set(words.map((w) => singular(bare(w))));
}

/**
 * Whether the fact's question already says the value (then it is no answer to it): a person
 * whose name shares a word with the question ("Who was Alexei Kosygin?" is not answered by
 * "Kosygin"), any other value written whole in it ("European Space Agency" still answers "Which
 * organisation did ten European countries found?").
 */
export function questionGivesAway(question: string, value: KindValue): boolean {
  if (value.kind === 'person') {
    const asked = wordsOf(question);
    return [...wordsOf(value.text)].some((w) => w.length > 2 && asked.has(w));
  }
  const spaced = (text: string) =>
    ` ${[...text.toLowerCase().matchAll(/\p{L}+|\d+/gu)].map((m) => m[0]).join(' ')} `;
  return spaced(question).includes(spaced(value.text));
}
