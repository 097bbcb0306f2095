/**
 * English words that ask the opposite of each other about an event, in the forms the thesaurus
 * reads them in ("begin" is read as "start", "rose" as "increase"): "when did the terror start"
 * is not answered by when it ended. Kept to pairs that are opposites on any topic.
 */
export const OPPOSITES: readonly (readonly [string, string])[] = Object.freeze([
  ['start', 'end'],
  ['first', 'last'],
  ['increase', 'decrease'],
  ['win', 'lose'],
  ['victory', 'defeat'],
  ['success', 'failure'],
  ['open', 'close'],
  ['birth', 'death'],
  ['born', 'died'],
  ['north', 'south'],
  ['east', 'west'],
  ['upper', 'lower'],
  ['maximum', 'minimum'],
  ['import', 'export'],
  ['arrival', 'departure'],
  // What led to an event and what came of it: "what caused the crisis" is not what it led to.
  ['cause', 'outcome'],
] as const);
