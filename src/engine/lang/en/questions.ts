import type { QuestionWords } from '../../language.js';

/** What "how" asks the amount of: "how deep", "how fast". */
const MEASURES = [
  ...['deep', 'tall', 'high', 'big', 'large', 'small', 'far', 'fast', 'quickly', 'slow', 'old'],
  ...['heavy', 'wide', 'thick', 'hot', 'cold', 'warm', 'strong', 'often'],
];

/** How English questions say what they ask for. */
export const QUESTION_WORDS: QuestionWords = Object.freeze<QuestionWords>({
  patterns: [
    {
      intent: '_when',
      // "what happens when two plates collide": a "when" after a question word and its verb
      // joins a clause on, and asks nothing.
      pattern:
        /\b(?:(?<!\b(?:what|which|how|who) \S+ )(?:when|whens)|(?:what|which) (?:exact |precise |specific )?(?:years?|dates?|months?|days?|times?|hours?)|how (?:long|early|late|soon|recently))\b/,
    },
    {
      intent: '_where',
      pattern: /\b(?:where|wheres|(?:what|which) (?:city|place|country|capital|town))\b/,
    },
    {
      intent: '_who',
      pattern:
        /\b(?:who|whom|whose|whos|(?:what|which) (?:\w+ ){0,2}(?:leaders?|officials?|figures?|people|persons?|men|man|generals?|politicians?|rulers?))\b/,
    },
    { intent: '_why', pattern: /\b(?:why|what for|how come)\b/ },
    {
      intent: '_amount',
      // A measure is an amount too: "how deep is the trench", "how fast do the plates move".
      pattern: new RegExp(`\\bhow (?:much|many|${MEASURES.join('|')})\\b`),
    },
  ],
  starters: [
    'when',
    'whens',
    'what',
    'which',
    'how',
    'where',
    'wheres',
    'who',
    'whom',
    'whose',
    'whos',
    'why',
  ],
  patternWords: [
    ...['when', 'whens', 'what', 'which', 'exact', 'precise', 'specific', 'year', 'years'],
    ...['date', 'dates', 'month', 'months', 'day', 'days', 'time', 'times', 'hour', 'hours'],
    ...['how', 'long'],
    ...['early', 'late', 'soon', 'recently'],
    ...['where', 'wheres', 'city', 'place'],
    ...['country', 'capital', 'town', 'who', 'whom', 'whose', 'whos', 'leader', 'leaders'],
    ...['official', 'officials', 'figure', 'figures', 'people', 'person', 'persons', 'men'],
    ...['man', 'general', 'generals', 'politician', 'politicians', 'ruler', 'rulers', 'why'],
    ...['for', 'come', 'much', 'many'],
    ...MEASURES,
  ],
  measures: MEASURES,
  // In "what was his post when he went", "when" asks nothing: it is fourth.
  window: 3,
  trailing: {
    by: '_who',
    who: '_who',
    whom: '_who',
    when: '_when',
    whens: '_when',
    where: '_where',
    wheres: '_where',
    why: '_why',
  },
  joiners: ['and', 'or', 'n'],
  negators: [
    ...['not', 'no', 'without', 'instead', 'never', 'nor', 'dont', 'doesnt', 'didnt', 'isnt'],
    ...['arent', 'wasnt', 'werent', 'cant', 'couldnt', 'wont', 'hasnt', 'havent', 'rather'],
  ],
  negationReach: 2,
  askerWords: ['i', 'im', 'ive', 'id', 'ill', 'my', 'me'],
  addressWords: ['you', 'yourself', 'youre', 'u', 'ya'],
  addressPossessives: ['your', 'yours', 'ur'],
  impersonal: /\b(?:how|what|where|when|which|why) (?:do|would|can|could|should) (?:you|u)\b/g,
  clock:
    /\b(?:what|which) (?:exact |precise )?(?:time|hour)\b(?! (?:period|frame|span|scale|zone|line|of (?:the )?year))/,
  requestVerbs: [
    ...['tell', 'explain', 'know', 'say', 'give', 'show', 'remind', 'help', 'describe', 'list'],
    ...['name', 'find', 'summarise', 'summarize', 'recall', 'answer', 'check', 'clarify'],
  ],
  definite: ['the', 'this', 'that', 'da', 'tha'],
  leadIns: [
    ...['know', 'wondering', 'wonder', 'curious', 'ask', 'asking', 'explain', 'remind', 'me'],
    ...['help', 'idk', 'forgot', 'forget', 'remember', 'sure', 'unsure', 'wondered'],
  ],
  outcome: {
    opener: 'how',
    auxiliaries: ['did', 'does', 'd'],
    endings: ['go', 'went'],
    term: 'outcome',
  },
  identity: {
    openers: ['who', 'whos'],
    copulas: ['is', 'was', 'are', 'were', 's'],
    longest: 4,
    term: 'role',
  },
  origin: {
    opener: 'where',
    verbs: ['come', 'comes', 'came', 'coming'],
    preposition: 'from',
    term: 'origin',
  },
});

/**
 * Chat shorthand that stands for one word whatever the topic: spellings of question words
 * ("wht", "whn") and everyday abbreviations ("govt", "ppl", "b4"). Shorthand for a phrase ("pm"
 * for "prime minister") is a thesaurus entry.
 */
export const SHORTHAND: Readonly<Record<string, string>> = Object.freeze({
  wat: 'what',
  wot: 'what',
  wut: 'what',
  wats: 'what',
  wht: 'what',
  wen: 'when',
  whn: 'when',
  wher: 'where',
  whr: 'where',
  wich: 'which',
  whch: 'which',
  hw: 'how',
  hu: 'who',
  abt: 'about',
  bout: 'about',
  b4: 'before',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  y: 'why',
  hv: 'have',
  ppl: 'people',
  govt: 'government',
  gov: 'government',
  yr: 'year',
  yrs: 'years',
  w: 'with',
  wo: 'without',
  bday: 'birthday',
  approx: 'approximately',
  diff: 'difference',
  esp: 'especially',
  prob: 'probably',
  rxn: 'reaction',
  rxns: 'reactions',
  prez: 'president',
  dept: 'department',
  intl: 'international',
  natl: 'national',
  bn: 'billion',
  // Clippings of study vocabulary, as a study group types them.
  rev: 'revolution',
  revs: 'revolutions',
  info: 'information',
  bio: 'biology',
  chem: 'chemistry',
  econ: 'economics',
  hist: 'history',
  geog: 'geography',
  sci: 'science',
  tech: 'technology',
  uni: 'university',
  univ: 'university',
  admin: 'administration',
  corp: 'corporation',
  intro: 'introduction',
  avg: 'average',
  eqn: 'equation',
});

/** "in 72" means 1972: two-digit numbers from 40 to 99 are read as years of the 1900s. */
const SHORT_YEAR = /^[4-9]\d$/;
/** "70s" and "seventies" mean the 1970s. */
const SHORT_DECADE = /^[4-9]0s$/;
const DECADES: Readonly<Record<string, string>> = Object.freeze({
  forties: '1940s',
  fifties: '1950s',
  sixties: '1960s',
  seventies: '1970s',
  eighties: '1980s',
  nineties: '1990s',
});

/**
 * Small counts as words: "4 chambers" is "four chambers". A question and a pack write them either
 * way; read as words they meet, and a "2" or a "4" typed for "to" or "for" weighs as the everyday
 * word it is rather than as a number. "1" stays: "one" is as often no count at all.
 */
const COUNT_WORDS: Readonly<Record<string, string>> = Object.freeze({
  2: 'two',
  3: 'three',
  4: 'four',
  5: 'five',
  6: 'six',
  7: 'seven',
  8: 'eight',
  9: 'nine',
  10: 'ten',
  11: 'eleven',
  12: 'twelve',
});

/** Small ordinals in digits, as words: "2nd letter" is the "second letter". */
const ORDINAL_WORDS: Readonly<Record<string, string>> = Object.freeze({
  '1st': 'first',
  '2nd': 'second',
  '3rd': 'third',
  '4th': 'fourth',
  '5th': 'fifth',
  '6th': 'sixth',
  '7th': 'seventh',
  '8th': 'eighth',
  '9th': 'ninth',
  '10th': 'tenth',
  '11th': 'eleventh',
  '12th': 'twelfth',
});

/**
 * A word as English writes numbers: short years and decades in full, small counts and
 * ordinals as words.
 */
export const numberForm = (word: string): string =>
  SHORT_YEAR.test(word) || SHORT_DECADE.test(word)
    ? `19${word}`
    : (DECADES[word] ?? COUNT_WORDS[word] ?? ORDINAL_WORDS[word] ?? word);
