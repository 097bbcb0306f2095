/**
 * Every number that shapes how the engine reads, weighs and ranks a question, in one frozen
 * configuration: the algorithm's modules take their numbers from here, and the decision's
 * (answer, "did you mean", decline) from the fitted calibration beside it (`calibration.ts`).
 * Numbers that only trade memory for speed, and change no result, stay beside the code they
 * tune.
 */
export const RANKING = Object.freeze({
  /** How words are weighed by how telling they are in everyday use of the language. */
  words: Object.freeze({
    /** log10 rarity at and below which a word counts as everyday: about 10,000 uses in 51 million. */
    everydayRarity: 3.7,
    /** log10 rarity at and above which a word counts as telling: about 10 uses in 51 million. */
    tellingRarity: 6.7,
    /** The weight multiplier of the most everyday words. */
    everydayFloor: 0.3,
    /** The most an everyday light word can weigh. */
    lightWordCap: 0.35,
    /** The most an intent (a time, a place…) can weigh: it steers, it does not decide. */
    intentCap: 0.6,
    /** How much a term found only in a fact's answer counts, next to one in its phrasings. */
    answerField: 0.6,
    /**
     * The least specificity of a telling word: a name, a number, a rare word. A fact that leaves
     * one unexplained does not answer the question however far ahead it is.
     */
    telling: 0.6,
    /** The same, for a word no pack uses. */
    unknownTelling: 0.5,
  }),
  /** How typos are corrected. */
  spelling: Object.freeze({
    /** Words this long may be one edit from their correction… */
    oneEditFrom: 4,
    /** …and this long, two. */
    twoEditsFrom: 8,
    /**
     * A word the language uses this often (per 51 million words, about 4 per million) is taken
     * as meant, not as a typo, unless the correction completes a phrase of the synonym tables.
     */
    commonWord: 200,
    /**
     * A word used this often (about once per million) is a real word: when several pack words
     * are equally close it is taken as meant; when one is, it is corrected as a guess.
     */
    knownWord: 50,
    /** Words spelt by ear of at least this many letters are looked up by how they sound… */
    soundMinLength: 6,
    /** …within this many edits… */
    soundMaxEdits: 3,
    /** …when their sound code has at least this many letters. */
    soundMinCode: 3,
    /**
     * Words longer than this are neither corrected nor corrected into: no word of a language
     * is, and the symmetric-delete work grows with the cube of a word's length.
     */
    longestWord: 30,
  }),
  /** How a question word no pack uses meets a pack word of the same meaning. */
  meaning: Object.freeze({
    /** The least cosine at which a question word is read as a pack word. */
    similar: 0.7,
    /** The least specificity of a word on either side: everyday words sit close to many. */
    specificity: 0.4,
  }),
  /** How a fact's score mixes its signals. */
  score: Object.freeze({
    /** The weight of the best phrasing's match: is this one of the ways the question is put? */
    phrasing: 0.6,
    /** The weight of coverage: does the fact speak of every topic the question names? */
    coverage: 0.3,
    /** F-beta over question and phrasing coverage: question coverage counts this much more. */
    beta: 1.6,
    /** How hard a question word the fact does not explain at all pulls its score down. */
    unexplained: 1,
    /** The factor for each intent none of the fact's phrasings asks for. */
    intentMiss: 0.5,
    /**
     * The factor for each intent no phrasing asks for but the answer gives the kind of thing
     * for (`answerKinds.ts`, the profile's `answerWords`): a year to "when", a number to "how
     * much". Below 1, so a phrasing that asks keeps a fact ahead of one whose answer only gives;
     * the intent missed altogether counts 0.5. Chosen on the sets read freely: 0.7 and 0.8 gave
     * the same figures; 0.9 answered one question more but declined two fewer, and let a fact
     * whose answer mentions a year in passing outrank the dates' fact; 0.6 and below lost
     * declines.
     */
    answerIntent: 0.8,
    /**
     * What the answer's share of the question's weight counts for, in place of the best
     * phrasing's match when it is higher: a detail asked for in the answer's words.
     */
    answerRoute: 0.5,
    /**
     * The factor for a fact none of whose phrasings shares a word with a question that asks for
     * nothing in particular (no time, place, person...): such a question names a subject, and a
     * fact that holds it only in its answer or keywords speaks of it in passing ("how tall was
     * the saturn v" of the launch, whose answer names the rocket; "steel mills 1985" now reaches
     * the mills' inauguration further ahead of a fact whose answer mentions it). Chosen on the
     * sets read freely: 0.8 and 0.9 lost nothing on any of them, 0.7 and below cost Apollo 11 an
     * answer.
     */
    unasked: 0.8,
  }),
  /** How near-ties are broken by character-level similarity (Fuse). */
  tieBreak: Object.freeze({
    /** How many of the best candidates are compared. */
    depth: 4,
    /** Facts within this score of the best are tied. */
    tie: 0.05,
    /** The most the similarity can add to a tied fact's score. */
    weight: 0.05,
    /** The longest question text compared: Fuse's work grows with the pattern's length. */
    patternLength: 64,
  }),
  /**
   * The decision's own numbers. Whether to answer is a fitted probability (`calibration.json`);
   * these say which facts a "did you mean" or a decline offers, and what the fit aims for.
   */
  decision: Object.freeze({
    /** "Did you mean" offers the facts within this score of the best… */
    candidateSpread: 0.15,
    /** …at most this many. */
    maxCandidates: 3,
    /** The least score for a near miss to be suggested after a decline. */
    suggestion: 0.25,
    /**
     * The decision features `npm run calibrate` fits by default: chosen by its cross-validated
     * figures, where the others added nothing on a topic left out of the fit.
     */
    features: Object.freeze(['score', 'margin', 'ratio'] as const),
    /** `npm run calibrate` answers at the probability that keeps wrong answers to this rate. */
    targetWrongRate: 0.02,
    /** …and asks "did you mean" only as far as it keeps declining this share of what it should. */
    declineRate: 0.95,
  }),
});

export type RankingConfig = typeof RANKING;
