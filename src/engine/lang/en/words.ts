/**
 * English function words, everyday light words and irregular forms: hand lists kept short and
 * general, each word right for questions on any topic.
 */

/**
 * Function words that carry no topic: they are left out of matching, so "when did he go to
 * moscow" and "moscow visit when" meet on the words that matter. Question words are here too;
 * the engine matches on topics, not on the shape of a question.
 */
export const FUNCTION_WORDS: readonly string[] = (
  'a about above after against all also am an and any are as at be because been before ' +
  'being below between both but by can could did do does doing done down during each either ' +
  'else ever few for from further get got had has have having he her here hers herself him ' +
  'himself his how i if in into is it its itself just let lets me many might more most much must my ' +
  'myself no nor not now of off on once only or other ought our ours ourselves out over own ' +
  'please pls plz same shall she should so some such than that thats the their theirs them ' +
  'themselves then there these they this those through thru to too under until up upon very ' +
  'was we were what whats when whens where wheres which while who whom whos whose why will ' +
  'with would you your yours yourself yourselves u ur r ya yo hey hi hello thanks thank ok okay ' +
  'tell explain describe give show mean tho though yeah yes pls bot almanac anyone ' +
  // Asking what something is, in other words: "photosynthesis definition", "meaning of x".
  'define defined definition definitions meaning meanings explanation description summary ' +
  'overview tldr eli5 ' +
  'someone something anything exactly actually really like kind sort lol idk btw yo even wait ' +
  'ever anyway anyways basically literally guys guy bro dude um uh hmm ok huh omg ' +
  'whole question quick curious wondering wonder ngl tbh fr smh lowkey highkey nah smth sth ' +
  'rn imo imho iirc afaik pls plz thx ty n bruh toward towards among amongst around across ' +
  'along within without throughout via amid amidst onto beside besides beyond despite per ' +
  'whether whereas ' +
  // Words about the asker and the studying, not the topic: "i always forget", "my teacher
  // mentioned", "this confuses me", "is it true that".
  'think thought thinking know knows knew forget forgot forgotten confused confusing ' +
  'confuses honestly seriously teacher teachers prof professor mentioned mention mentions ' +
  'notes exam exams homework class lecture lectures studying revising revision quiz ' +
  'understand understood guess supposed gonna wanna gotta kinda sorta lemme oh ah wow cool ' +
  'nice true im ive id dont doesnt didnt isnt wasnt arent werent cant couldnt wont ' +
  // Adverbs that qualify a statement rather than name a topic: "roughly", "mainly", "already".
  'roughly nearly almost mainly mostly chiefly largely primarily generally usually typically ' +
  'approximately always already still often sometimes'
).split(' ');

/**
 * Everyday words that often appear in questions without naming their topic ("when did he go",
 * "what happened"). They still count, but lightly, so a question is not declined for using one
 * the pack never does, and a pack cannot be matched on them alone.
 */
export const LIGHT_WORDS: readonly string[] = (
  'go goes going gone went travel travelled traveled travelling trip happen happens happened ' +
  'happening take took taken place time times year years date dates day days make made come ' +
  'came result results thing things stuff happen event events info information detail details ' +
  'fact facts main exact exactly overall role part basically quick question questions answer ' +
  'leader leaders country countries state states lot lots total name named called call ' +
  'kind type types sort way ways found located situated right again today tonight'
).split(' ');

/** Irregular forms the stemmer cannot fold: mapped to the form their regular kin stem to. */
export const IRREGULAR_FORMS: Readonly<Record<string, string>> = Object.freeze({
  went: 'go',
  gone: 'go',
  met: 'meet',
  took: 'take',
  taken: 'take',
  began: 'begin',
  begun: 'begin',
  held: 'hold',
  made: 'make',
  left: 'leave',
  came: 'come',
  saw: 'see',
  seen: 'see',
  said: 'say',
  paid: 'pay',
  won: 'win',
  fought: 'fight',
  brought: 'bring',
  bought: 'buy',
  sold: 'sell',
  built: 'build',
  grew: 'grow',
  grown: 'grow',
  rose: 'rise',
  risen: 'rise',
  spoke: 'speak',
  spoken: 'speak',
  thought: 'think',
  ran: 'run',
  led: 'lead',
  kept: 'keep',
  lost: 'lose',
  became: 'become',
  wrote: 'write',
  written: 'write',
  chose: 'choose',
  chosen: 'choose',
  drove: 'drive',
  struck: 'strike',
  sought: 'seek',
  broke: 'break',
  broken: 'break',
  fell: 'fall',
  fallen: 'fall',
  stood: 'stand',
  understood: 'understand',
});
