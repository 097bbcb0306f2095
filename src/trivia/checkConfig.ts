/**
 * Every number that shapes a verdict of the trivia answer checker (`check.ts`), in one place.
 * They follow the product rules rather than a fit: there is no labelled set of players' answers
 * yet. Change one only with a row of `test/trivia/check.test.ts` that shows why.
 */
export const CHECK_CONFIG = Object.freeze({
  /**
   * Characters of an answer or a given answer that are read; the rest is ignored. A trivia
   * answer is a few words, and 200 characters hold any a pack asks for with room to spare; the
   * cap keeps the work bounded whatever a player pastes (10,000 characters, emoji, control
   * characters), since comparing words costs the product of the two texts' lengths.
   */
  maxTextChars: 200,
  /**
   * Words of fewer letters allow no typo: one edit is a quarter of "iran" and makes "iraq", a
   * third of "air" and makes "aim".
   */
  oneEditFrom: 5,
  /** From this many letters two edits are allowed: "brezhnyev" for "brezhnev" is still him. */
  twoEditsFrom: 9,
  /**
   * Uses in the word list (SUBTLEX-US, 51 million words of film subtitles) from which a word is
   * a real English word, and so never a typo of another: "russia" is not a misspelt "prussia".
   * Two rather than one because a word seen once may be a subtitler's slip.
   */
  realWordMinCount: 2,
  /**
   * Uses in the word list below which the last word of a name names its bearer on its own:
   * fewer than once per million words ("kosygin", "brezhnev", "bhutto"). Everyday words ("union"
   * of "Soviet Union", "motors" of "General Motors") and surnames common in film dialogue
   * ("nixon") are not enough alone; a pack lists those in `accept`.
   */
  nameMaxCount: 51,
  /**
   * Words shorter than this are never a near miss: one edit past the allowance in a three-letter
   * word is a different word more often than a slip.
   */
  nearMissFrom: 4,
  /**
   * A number off by a factor of 1000 to this power (either way) is the right figure at the wrong
   * scale ("92.3 thousand" for "92.3 million"): a near miss, never correct.
   */
  scaleSteps: 4,
} as const);
