import { decodeCustomId } from './customId.js';

/**
 * The fact an earlier answer gave, recovered from the custom ids of its buttons: the
 * "Not what I asked" button names the answered fact first. Undefined for any other message
 * (a "did you mean", a decline, someone else's message).
 */
export function answeredFactId(customIds: Iterable<string>): string | undefined {
  for (const raw of customIds) {
    const id = decodeCustomId(raw);
    if (id?.action === 'more') return id.factId;
  }
  return undefined;
}
