import { DISCORD_LIMITS } from '../limits.js';

/**
 * What a button means, recoverable from its custom id alone, so a click is handled the same way
 * after a restart or a pack reload: no state lives in memory between the reply and the click.
 *
 * Wire form `area:action:state` (at most 100 characters):
 * - `ask:fact:<fact-id>` answers that fact (follow-ups, "did you mean", suggestions);
 * - `ask:more:<answered-id>,<alternative-id>,…` shows the runners-up of an answer. The answered
 *   fact comes first, so a reply to the message can recover what it answered.
 */
export type CustomId =
  | { readonly area: 'ask'; readonly action: 'fact'; readonly factId: string }
  | {
      readonly area: 'ask';
      readonly action: 'more';
      readonly factId: string;
      readonly alternatives: readonly string[];
    };

const SEPARATOR = ':';
const LIST_SEPARATOR = ',';

/** Fact ids are kebab-case (the pack schema's rule), so they never contain a separator. */
const FACT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isFactId(value: string): boolean {
  return FACT_ID.test(value);
}

/**
 * The custom id of a button, or undefined when it cannot be encoded: an id that is not
 * kebab-case, or one too long for Discord's 100 characters. Alternatives that do not fit are
 * dropped from the end; the answered fact never is.
 */
export function encodeCustomId(id: CustomId): string | undefined {
  if (!isFactId(id.factId)) return undefined;
  const head = `${id.area}${SEPARATOR}${id.action}${SEPARATOR}${id.factId}`;
  if (head.length > DISCORD_LIMITS.customId) return undefined;
  if (id.action === 'fact') return head;
  let out = head;
  for (const alternative of id.alternatives) {
    if (!isFactId(alternative) || alternative === id.factId) continue;
    const next = `${out}${LIST_SEPARATOR}${alternative}`;
    if (next.length > DISCORD_LIMITS.customId) break;
    out = next;
  }
  return out;
}

/** The meaning of a custom id, or undefined for anything this codec did not write. */
export function decodeCustomId(raw: string): CustomId | undefined {
  if (raw.length === 0 || raw.length > DISCORD_LIMITS.customId) return undefined;
  const [area, action, state, ...rest] = raw.split(SEPARATOR);
  if (area !== 'ask' || state === undefined || rest.length > 0) return undefined;
  const ids = state.split(LIST_SEPARATOR);
  const [factId, ...alternatives] = ids;
  if (factId === undefined || !ids.every(isFactId)) return undefined;
  if (action === 'fact' && alternatives.length === 0) return { area, action, factId };
  if (action === 'more') return { area, action, factId, alternatives };
  return undefined;
}
