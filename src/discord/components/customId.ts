import { DISCORD_LIMITS } from '../limits.js';

/**
 * Custom ids are `area:action:state`, at most 100 characters: the area names the registry entry
 * that claims the id (`components/index.ts`), the action and the state are that area's to read.
 * A button's meaning is recoverable from its custom id alone, so a click is handled the same way
 * after a restart or a pack reload.
 */
export interface CustomIdParts {
  readonly area: string;
  readonly action: string;
  readonly state: string;
}

const SEPARATOR = ':';

/** Separates the items of a state (`ask:more:a,b,c`, `trivia:pick:7,0,2`). */
export const LIST_SEPARATOR = ',';

/**
 * The three parts of a custom id, or undefined for one that is not `area:action:state` within
 * Discord's 100 characters. No part may hold a colon, so the split is unambiguous.
 */
export function splitCustomId(raw: string): CustomIdParts | undefined {
  if (raw.length === 0 || raw.length > DISCORD_LIMITS.customId) return undefined;
  const [area, action, state, ...rest] = raw.split(SEPARATOR);
  if (area === undefined || action === undefined || state === undefined || rest.length > 0) {
    return undefined;
  }
  if (area.length === 0 || action.length === 0) return undefined;
  return { area, action, state };
}

/** Writes `area:action:state`, or undefined when a part holds a colon or it is too long. */
export function joinCustomId(parts: CustomIdParts): string | undefined {
  if ([parts.area, parts.action, parts.state].some((p) => p.includes(SEPARATOR))) return undefined;
  const raw = `${parts.area}${SEPARATOR}${parts.action}${SEPARATOR}${parts.state}`;
  return raw.length <= DISCORD_LIMITS.customId ? raw : undefined;
}

/**
 * What an `ask` button means:
 * - `ask:fact:<fact-id>` answers that fact (follow-ups, "did you mean", suggestions, the "ask
 *   about this fact" button of a trivia reveal);
 * - `ask:more:<answered-id>,<alternative-id>,…` shows the runners-up of an answer. The answered
 *   fact comes first, so a reply to the message can recover what it answered.
 */
export type AskCustomId =
  | { readonly area: 'ask'; readonly action: 'fact'; readonly factId: string }
  | {
      readonly area: 'ask';
      readonly action: 'more';
      readonly factId: string;
      readonly alternatives: readonly string[];
    };

/** Fact ids are kebab-case (the pack schema's rule), so they never contain a separator. */
const FACT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether `value` is kebab-case, as fact ids, pack ids and tags are. */
export function isFactId(value: string): boolean {
  return FACT_ID.test(value);
}

/**
 * The custom id of an `ask` button, or undefined when it cannot be encoded: an id that is not
 * kebab-case, or one too long for Discord's 100 characters. Alternatives that do not fit are
 * dropped from the end; the answered fact never is.
 */
export function encodeCustomId(id: AskCustomId): string | undefined {
  if (!isFactId(id.factId)) return undefined;
  const head = joinCustomId({ area: id.area, action: id.action, state: id.factId });
  if (head === undefined || id.action === 'fact') return head;
  return withAlternatives(head, id.factId, id.alternatives);
}

/**
 * `head` followed by each alternative fact id but `factId` itself, as many as fit in Discord's
 * 100 characters: those that do not fit are dropped from the end.
 */
export function withAlternatives(
  head: string,
  factId: string,
  alternatives: readonly string[],
): string {
  let out = head;
  for (const alternative of alternatives) {
    if (!isFactId(alternative) || alternative === factId) continue;
    const next = `${out}${LIST_SEPARATOR}${alternative}`;
    if (next.length > DISCORD_LIMITS.customId) break;
    out = next;
  }
  return out;
}

/** The `ask` meaning of split custom id parts, or undefined for anything else. */
export function parseAskCustomId(parts: CustomIdParts): AskCustomId | undefined {
  if (parts.area !== 'ask') return undefined;
  const ids = parts.state.split(LIST_SEPARATOR);
  const [factId, ...alternatives] = ids;
  if (factId === undefined || !ids.every(isFactId)) return undefined;
  if (parts.action === 'fact' && alternatives.length === 0) {
    return { area: 'ask', action: 'fact', factId };
  }
  if (parts.action === 'more') return { area: 'ask', action: 'more', factId, alternatives };
  return undefined;
}

/** The meaning of an `ask` custom id, or undefined for anything this codec did not write. */
export function decodeCustomId(raw: string): AskCustomId | undefined {
  const parts = splitCustomId(raw);
  return parts ? parseAskCustomId(parts) : undefined;
}
