import type { Fact, Pack } from '../knowledge/schema.js';
import type { ValidationResult } from '../knowledge/validate.js';

/**
 * How the pack worker hands its result over. A structured clone of 10,000 facts takes the
 * receiving thread about a tenth of a second in one piece, too long for a bot answering
 * meanwhile, so a valid result comes in pieces the main thread asks for one at a time: first
 * the result with every pack's facts left out, then the facts a slice at a time, then the end.
 * Between two pieces the event loop serves whatever is waiting.
 */
export type WorkerMessage =
  | { readonly kind: 'result'; readonly result: ValidationResult }
  | { readonly kind: 'facts'; readonly pack: number; readonly facts: readonly Fact[] }
  | { readonly kind: 'end' };

/** What the main thread posts to ask for the next piece. */
export const NEXT_PIECE = 'next';

/** Facts per piece: a few milliseconds of cloning. */
export const FACTS_PER_MESSAGE = 200;

/** The pieces `result` is handed over in, in order. */
export function* piecesOf(result: ValidationResult): Generator<WorkerMessage> {
  if (!result.ok) {
    yield { kind: 'result', result };
    return;
  }
  yield {
    kind: 'result',
    result: { ...result, packs: result.packs.map((pack) => ({ ...pack, facts: [] })) },
  };
  for (const [at, pack] of result.packs.entries()) {
    for (let from = 0; from < pack.facts.length; from += FACTS_PER_MESSAGE) {
      yield { kind: 'facts', pack: at, facts: pack.facts.slice(from, from + FACTS_PER_MESSAGE) };
    }
  }
  yield { kind: 'end' };
}

/** What the worker posts, checked for its shape only (the worker validated the packs). */
function isValidationResult(value: unknown): value is ValidationResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    'ok' in value &&
    typeof value.ok === 'boolean' &&
    'warnings' in value &&
    Array.isArray(value.warnings) &&
    (value.ok
      ? 'packs' in value && Array.isArray(value.packs)
      : 'errors' in value && Array.isArray(value.errors))
  );
}

export function isWorkerMessage(value: unknown): value is WorkerMessage {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return false;
  switch (value.kind) {
    case 'result':
      return 'result' in value && isValidationResult(value.result);
    case 'facts':
      return (
        'pack' in value &&
        Number.isSafeInteger(value.pack) &&
        'facts' in value &&
        Array.isArray(value.facts)
      );
    case 'end':
      return true;
    default:
      return false;
  }
}

/**
 * Puts the pieces back together on the receiving side: `add` takes each piece in order and says
 * the whole result once it has it, undefined while more is to come, or throws on a piece out of
 * order.
 */
export function createAssembler(): (message: WorkerMessage) => ValidationResult | undefined {
  let head: ValidationResult | undefined;
  let facts: Fact[][] = [];
  return (message) => {
    if (message.kind === 'result') {
      if (head) throw new Error('the pack worker posted a second result');
      head = message.result;
      if (!head.ok) return head;
      facts = head.packs.map(() => []);
      return undefined;
    }
    if (!head?.ok) throw new Error(`the pack worker posted ${message.kind} before its result`);
    if (message.kind === 'end') {
      const packs: Pack[] = head.packs.map((pack, at) => ({ ...pack, facts: facts[at] ?? [] }));
      return { ...head, packs };
    }
    const into = facts[message.pack];
    if (!into)
      throw new Error(`the pack worker posted facts of pack ${message.pack}, which it never sent`);
    into.push(...message.facts);
    return undefined;
  };
}
