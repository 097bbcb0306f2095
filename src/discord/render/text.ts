/**
 * Every sentence Almanac says on Discord that is not pack content, in one module, so wording is
 * reviewed in one place and tests can import what they expect to see.
 */
export const TEXT = {
  sourceField: 'Source',
  noteField: 'Note',
  questionCut: (max: number) =>
    `Your question was longer than ${max} characters, so I read only the first ${max}.`,
  confidence: (percent: number) => `confidence ${percent}%`,
  chosenFact: 'the fact you picked',
  notWhatIAsked: 'Not what I asked',

  didYouMeanTitle: 'Did you mean…?',
  didYouMean: (question: string) =>
    `More than one fact could answer ${question}. Pick the one you meant:`,

  declinedTitle: 'Not in my packs',
  declined: (question: string) =>
    `My knowledge packs do not cover ${question}, so I will not guess. ` +
    'Use `/topics` to see what they cover.',
  declinedSuggestions: 'These are close to what they do cover:',

  emptyTitle: 'Ask me a question',
  emptyHintMessage:
    'Mention me with a question, reply to one of my answers, or use `/ask`. For example:',
  emptyHintCommand:
    'Type a question in the `question` field, or pick one as you type. For example:',
  unreadable:
    'Discord did not show me the text of that message. Mention me directly (@Almanac) ' +
    'instead of my role, keep the ping on when replying to me, or use `/ask`.',
  noWordsHint: 'I could not find any words to look up in that.',
  noSubjectHint: 'That does not say what to look up.',
  thanksTitle: "You're welcome!",
  greetingTitle: 'Hello!',
  helpMore: 'Use `/help` for every command, or try one of these:',

  alternativesTitle: 'Other facts that came close',
  alternatives: (question: string) => `Instead of ${question}, did you mean one of these?`,
  noAlternatives: 'Nothing else in my packs comes close. Use `/topics` to see what they cover.',
  notWhatIAskedNoted: 'Noted: whoever looks after the packs will see what was missed.',

  topicsTitle: 'What I can answer',
  topicsEmpty: 'No knowledge packs are loaded.',
  topicsFacts: (n: number) => `${n} ${n === 1 ? 'fact' : 'facts'}`,
  topicsTags: 'Tags',
  topicsFooter: 'Pass a pack id or a tag as `topic` to /ask or /fact to stay within it.',

  sourceTitle: (question: string) => `Source of: ${question}`,
  sourcePublisher: 'Publisher',
  sourceWork: 'Work',
  sourceSection: 'Section',
  sourceParagraph: 'Paragraph',
  sourcePack: 'Pack',
  sourceFact: 'Fact id',

  helpTitle: 'How to ask Almanac',
  helpAsking:
    'Mention me with a question (`@Almanac when did Bhutto visit Moscow?`), reply to one of my ' +
    'answers to follow up, message me directly, or use `/ask`. Every answer cites its source; ' +
    'when I am not sure I ask which fact you meant, and I say so when my packs do not cover it.',
  helpCommands: 'Commands',
  helpContextMenu: 'Right-click a message → Apps → **Ask Almanac** to ask its text.',

  needsPermission: (permission: string) =>
    `Only members with the ${permission} permission can do that.`,
  guildOnly: 'That works only inside a server.',
  reloadedTitle: 'Packs reloaded',
  reloaded: (packs: number, facts: number) =>
    `Now serving ${packs} ${packs === 1 ? 'pack' : 'packs'} with ${facts} ${facts === 1 ? 'fact' : 'facts'}.`,
  reloadNoChange: 'No fact was added, changed or removed.',
  reloadAdded: 'Added',
  reloadChanged: 'Changed',
  reloadRemoved: 'Removed',
  reloadWarnings: (n: number) => `${n} ${n === 1 ? 'warning' : 'warnings'}`,
  reloadFailedTitle: 'Reload failed: still serving the previous packs',
  reloadFailed: (n: number) =>
    `The packs on disk have ${n} ${n === 1 ? 'problem' : 'problems'}. Fix ${n === 1 ? 'it' : 'them'} and reload again:`,
  reloadAbandonedTitle: 'Reload abandoned: Almanac is restarting',
  reloadAbandoned:
    'Almanac is shutting down, so the packs were not reloaded. Run `/almanac reload` again once it is back.',
  andMore: (n: number) => `… and ${n} more`,

  unknownTopic: (topic: string) =>
    `No pack or tag is called ${topic}. Use \`/topics\` to see what is loaded.`,
  unknownFact: 'That fact is not in the loaded packs (they may have been reloaded). Try `/ask`.',
  heldForTrivia:
    'That is the trivia question open right now, so I will keep its answer until it is revealed. Ask me again then!',
  noFacts: 'No facts are loaded for that topic.',
  cooldown: (seconds: number) =>
    `You are asking faster than I can keep up with. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
  genericError: 'Something went wrong on my side while answering that. Please try again.',
  unknownComponent: 'This button is from an older version of me and no longer works.',
  unknownCommand: 'I do not know that command any more; it may have been removed.',
} as const;

/** Shown on a message that is over its sender's cooldown, once per window. */
export const COOLDOWN_REACTION = '⏳';
