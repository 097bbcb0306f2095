/**
 * Text normalisation shared by questions and facts, so both sides of a comparison go through
 * exactly the same steps. Every regular expression here is linear: no nested quantifiers over
 * user text.
 */

/** Questions are judged on their first 500 characters; the reply says when a question was cut. */
export const MAX_QUESTION_LENGTH = 500;

/** `<@123>`, `<@!123>`, `<@&123>`, `<#123>`: user, role and channel mentions carry no meaning here. */
const DISCORD_MENTION = /<(?:@[!&]?|#)\d{1,25}>/g;
/** `<:name:123>` and `<a:name:123>`: custom emoji; keep the name, which is sometimes a word. */
const CUSTOM_EMOJI = /<a?:(\w{1,32}):\d{1,25}>/g;
/** `<t:1234567890:R>`: timestamps. */
const TIMESTAMP = /<t:-?\d{1,20}(?::[tTdDfFR])?>/g;
/** `/ask`-style slash mentions `</ask:123>`. */
const SLASH_MENTION = /<\/[\w -]{1,32}:\d{1,25}>/g;
/** Links: the address is never part of a question. Masked links keep their label. */
const MASKED_LINK = /\[([^\]\n]{0,200})\]\(<?https?:\/\/[^\s)>]{1,2000}>?\)/g;
const BARE_LINK = /<?https?:\/\/[^\s>]{1,2000}>?/g;
/** Everyone and here pings. */
const EVERYONE = /@(?:everyone|here)\b/g;
/**
 * Combining marks: diacritics (é → e) and the stacked marks of "zalgo" text both go, which is
 * why this runs after NFD decomposition.
 */
const COMBINING_MARKS = /\p{M}+/gu;
/** The possessive "'s" goes ("bhutto's" → "bhutto"); other apostrophes join ("didn't" → "didnt"). */
const POSSESSIVE = /(\p{L})['’‘`]s(?!\p{L})/gu;
const APOSTROPHE = /(\p{L})['’‘`](\p{L})/gu;
/**
 * Anything that is not a letter or a digit separates words, except a decimal point between
 * digits: "36.2" stays one word and never reads as "362" or "3.62".
 */
const NON_WORD = /(?:[^\p{L}\p{N}.]|(?<!\d)\.|\.(?!\d))+/gu;
/** Thousands separators: "4,500" is "4500". */
const NUMBER_SEPARATOR = /(\d),(\d{3})(?!\d)/g;
/**
 * A designation of a few letters and a number ("U-2", "B-52", "MiG-21") is one word, as it is
 * typed without its hyphen ("u2"): split, its letters would read as chat shorthand ("u") and its
 * number as a count.
 */
const DESIGNATION = /(?<![\p{L}\p{N}])(\p{L}{1,3})-(\d{1,3})(?![\p{L}\p{N}])/gu;
/**
 * A time of day ("13:32") is one word ("13h32"), not two numbers: Apollo 13 is not named by the
 * hour Apollo 11 lifted off at.
 */
const CLOCK_TIME = /(?<![\p{N}:])(\d{1,2}):(\d{2})(?![\p{N}:])/gu;
/** The most letters a designation starts with (see {@link DESIGNATION}). */
const DESIGNATION_LETTERS = 3;

const PLAIN_ASCII = /^[\x20-\x7e]*$/;
/** Markup always contains one of these: `<…>` tokens, `@everyone`, links, masked links. */
const MAY_HAVE_MARKUP = /[<@[]|https?:/;

/** Removes Discord markup (mentions, emoji, spoilers, code, links) and keeps the words. */
export function stripDiscordMarkup(text: string): string {
  return text
    .replace(MASKED_LINK, ' $1 ')
    .replace(BARE_LINK, ' ')
    .replace(SLASH_MENTION, ' ')
    .replace(TIMESTAMP, ' ')
    .replace(CUSTOM_EMOJI, ' $1 ')
    .replace(DISCORD_MENTION, ' ')
    .replace(EVERYONE, ' ');
}

/**
 * Folds text to the form the engine compares: Unicode NFKC (full-width letters, ligatures, "₨"
 * becomes "Rs"), Discord markup removed, lower case, diacritics and zalgo stripped, punctuation
 * turned into single spaces. Spoiler bars, code ticks, asterisks and underscores are punctuation,
 * so their content survives.
 */
export function normalizeText(text: string): string {
  // Plain ASCII has nothing for NFKC or NFD to fold; most pack text and most questions are.
  const ascii = PLAIN_ASCII.test(text);
  const unicode = ascii ? text : text.normalize('NFKC');
  const stripped = MAY_HAVE_MARKUP.test(unicode) ? stripDiscordMarkup(unicode) : unicode;
  const lower = stripped.toLowerCase();
  const folded = (ascii ? lower : lower.normalize('NFD').replace(COMBINING_MARKS, ''))
    .replace(POSSESSIVE, '$1')
    .replace(APOSTROPHE, '$1$2')
    .replace(NUMBER_SEPARATOR, '$1$2')
    .replace(DESIGNATION, '$1$2')
    .replace(CLOCK_TIME, '$1h$2');
  return folded.replace(NON_WORD, ' ').trim();
}

/** Splits normalised text into words. */
export function tokenize(normalized: string): string[] {
  return normalized.length === 0 ? [] : normalized.split(' ');
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const HYPHEN = 45;
/** The code unit lower-cased, for ASCII letters. */
export const lowerCode = (code: number): number => (code >= 65 && code <= 90 ? code + 32 : code);

/** FNV-1a, the 32-bit hash of words and keys across the engine: its starting value… */
export const FNV_OFFSET = 0x811c9dc5;
/** …and one step, folding in a character code (or another hash). */
export const fnvStep = (hash: number, code: number): number => Math.imul(hash ^ code, 0x01000193);

/** FNV-1a hash of `text` from `start` to `end` (exclusive), lower-cased: a word's hash. */
export function hashRange(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = fnvStep(hash, lowerCode(text.charCodeAt(i)));
  return hash >>> 0;
}

/** What a character is to plain text (see {@link PLAIN}), when it is not part of a word. */
const BREAK = 0;
const FOLD = -1;
const DOT = -2;
const COMMA = -3;
const COLON = -4;

/**
 * What each ASCII character is to plain text: a character of a word (its lower-case code), a
 * break between words, or a sign that the text needs the full fold: markup (`<…>`, `@everyone`,
 * `[label](link)`), apostrophes (possessives and contractions fold), anything outside printable
 * ASCII. A decimal point, a comma and a colon depend on their neighbours (see
 * {@link plainWordBounds}). One look-up per character instead of a chain of comparisons.
 */
const PLAIN = (() => {
  const kinds = new Int16Array(128).fill(FOLD);
  for (let code = 0x20; code <= 0x7e; code++) kinds[code] = BREAK;
  for (let code = 48; code <= 57; code++) kinds[code] = code;
  for (let code = 97; code <= 122; code++) kinds[code] = code;
  for (let code = 65; code <= 90; code++) kinds[code] = code + 32;
  for (const sign of "<@[`'") kinds[sign.charCodeAt(0)] = FOLD;
  kinds[46] = DOT;
  kinds[44] = COMMA;
  kinds[58] = COLON;
  return kinds;
})();

/**
 * Where the words of plain text lie, without cutting them out or lowering the case: writes the
 * start and end (exclusive) of each word into `bounds`, back to back from index 0, and, when
 * `hashes` is given, each word's {@link hashRange} into it; returns how many words there are.
 * Returns -1 for text that needs the full fold (see {@link PLAIN}; also a comma between digits,
 * a thousands separator, and a link's `http:` or `https:`), having written nothing that counts.
 * The words are the text's characters there, lower-cased; a decimal point between digits is part
 * of a number ("36.2"). Index building reads every question, keyword and answer this way, in one
 * pass over each: at 100,000 facts that is 50 million characters, where the regular expressions
 * of the full fold and a string per word cost seconds.
 */
export function plainWordBounds(text: string, bounds: number[], hashes?: number[]): number {
  let count = 0;
  let start = -1;
  let hash = FNV_OFFSET;
  const length = text.length;
  for (let i = 0; i <= length; i++) {
    const code = i < length ? text.charCodeAt(i) : 32;
    let kind = code < 128 ? PLAIN[code]! : FOLD;
    if (kind === DOT) {
      kind = isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1)) ? 46 : BREAK;
    }
    if (kind > 0) {
      if (start < 0) {
        start = i;
        hash = FNV_OFFSET;
      }
      hash = fnvStep(hash, kind);
      continue;
    }
    if (kind === FOLD) return -1;
    // A hyphen after a word of a few letters and before a digit may join a designation ("U-2").
    if (
      code === HYPHEN &&
      start >= 0 &&
      i - start <= DESIGNATION_LETTERS &&
      isDigit(text.charCodeAt(i + 1))
    ) {
      return -1;
    }
    if (kind === COMMA && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) {
      return -1;
    }
    if (kind === COLON && (text.startsWith('http', i - 4) || text.startsWith('https', i - 5))) {
      return -1;
    }
    // A colon between digits may join a time of day ("13:32").
    if (kind === COLON && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) {
      return -1;
    }
    if (start >= 0) {
      bounds[2 * count] = start;
      bounds[2 * count + 1] = i;
      if (hashes) hashes[count] = hash >>> 0;
      count++;
      start = -1;
    }
  }
  return count;
}

/**
 * The words of a text: exactly `tokenize(normalizeText(text))`, read straight from the text for
 * the plain ASCII that fills most packs, where folding has nothing to do but lower the case.
 */
export function wordsOf(text: string): string[] {
  const bounds: number[] = [];
  const count = plainWordBounds(text, bounds);
  if (count < 0) return tokenize(normalizeText(text));
  const lower = text.toLowerCase();
  const words: string[] = [];
  for (let k = 0; k < count; k++) words.push(lower.slice(bounds[2 * k], bounds[2 * k + 1]));
  return words;
}

/** Cuts a question to {@link MAX_QUESTION_LENGTH} characters without splitting a surrogate pair. */
export function truncateQuestion(question: string): { text: string; truncated: boolean } {
  if (question.length <= MAX_QUESTION_LENGTH) return { text: question, truncated: false };
  const chars = Array.from(question);
  if (chars.length <= MAX_QUESTION_LENGTH) return { text: question, truncated: false };
  return { text: chars.slice(0, MAX_QUESTION_LENGTH).join(''), truncated: true };
}
