import { answeredFactId } from './context.js';
import {
  LIST_SEPARATOR,
  decodeCustomId,
  isFactId,
  joinCustomId,
  parseAskCustomId,
  splitCustomId,
  withAlternatives,
  type AskCustomId,
  type CustomIdParts,
} from './customId.js';

/**
 * `ask` buttons tied to a recorded question, so what a member does with a reply is recorded
 * with the question it answers:
 * - `ask:pick:<question>,<fact-id>` answers that fact, like `ask:fact`, and records the pick (a
 *   "did you mean" candidate, a decline's suggestion, or a runner-up shown after "Not what I
 *   asked");
 * - `ask:other:<question>,<answered-id>,<alternative-id>,…` is "Not what I asked" on an answer,
 *   like `ask:more`, and records the flag.
 *
 * `<question>` is the row id in base 36 (`1z` for 71): a key, never the question itself. Replies
 * that recorded nothing (recording off, or the store failed) keep the plain `ask:fact` and
 * `ask:more` buttons, which still work.
 */
export type LinkedAskCustomId =
  | {
      readonly area: 'ask';
      readonly action: 'pick';
      readonly questionId: number;
      readonly factId: string;
    }
  | {
      readonly area: 'ask';
      readonly action: 'other';
      readonly questionId: number;
      readonly factId: string;
      readonly alternatives: readonly string[];
    };

/** Every meaning an `ask` button can have, linked to a question or not. */
export type AskButton = AskCustomId | LinkedAskCustomId;

/** Base-36 digits: up to 11 hold every safe integer. */
const QUESTION_KEY = /^[0-9a-z]{1,11}$/;

/** The key of a question id in a custom id, or undefined for an id that is not one. */
export function questionKey(id: number): string | undefined {
  return Number.isSafeInteger(id) && id > 0 ? id.toString(36) : undefined;
}

/** The question id a key stands for, or undefined for anything that is not a key. */
export function questionIdOf(key: string): number | undefined {
  if (!QUESTION_KEY.test(key)) return undefined;
  const id = Number.parseInt(key, 36);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/**
 * The custom id of a linked button, or undefined when it cannot be written (an id that is not
 * kebab-case, a question id that is not a row's, or more than 100 characters). Alternatives that
 * do not fit are dropped from the end; the answered fact never is.
 */
export function encodeLinkedCustomId(id: LinkedAskCustomId): string | undefined {
  const key = questionKey(id.questionId);
  if (key === undefined || !isFactId(id.factId)) return undefined;
  const head = joinCustomId({
    area: id.area,
    action: id.action,
    state: `${key}${LIST_SEPARATOR}${id.factId}`,
  });
  if (head === undefined || id.action === 'pick') return head;
  return withAlternatives(head, id.factId, id.alternatives);
}

/** The linked meaning of split custom id parts, or undefined for anything else. */
export function parseLinkedCustomId(parts: CustomIdParts): LinkedAskCustomId | undefined {
  if (parts.area !== 'ask' || (parts.action !== 'pick' && parts.action !== 'other')) {
    return undefined;
  }
  const [key = '', factId, ...alternatives] = parts.state.split(LIST_SEPARATOR);
  const questionId = questionIdOf(key);
  if (questionId === undefined || factId === undefined) return undefined;
  if (![factId, ...alternatives].every(isFactId)) return undefined;
  if (parts.action === 'pick') {
    return alternatives.length === 0
      ? { area: 'ask', action: 'pick', questionId, factId }
      : undefined;
  }
  return { area: 'ask', action: 'other', questionId, factId, alternatives };
}

/** Any `ask` button: the plain ones of `customId.ts` or the linked ones above. */
export function parseAskButton(parts: CustomIdParts): AskButton | undefined {
  return parseAskCustomId(parts) ?? parseLinkedCustomId(parts);
}

/**
 * The fact an earlier answer gave, recovered from its buttons ("Not what I asked" names it
 * first, linked or not), so a reply to it follows on from it.
 */
export function answeredFactOf(customIds: Iterable<string>): string | undefined {
  const ids = [...customIds];
  const plain = answeredFactId(ids);
  if (plain !== undefined) return plain;
  for (const raw of ids) {
    if (decodeCustomId(raw) !== undefined) continue;
    const parts = splitCustomId(raw);
    const linked = parts ? parseLinkedCustomId(parts) : undefined;
    if (linked?.action === 'other') return linked.factId;
  }
  return undefined;
}
