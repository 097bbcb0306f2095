import {
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  stringify,
  type Document,
  type YAMLMap,
} from 'yaml';

/**
 * Where a fact's alternates sit in a pack file's text, found through the `yaml` Document API
 * (which keeps every node's source range), so new alternates can be written into the text
 * itself: every other byte of the file, its comments and its layout, stays as it was. (Writing
 * the whole document back out with `toString()` would refold long lines and respace flow lists.)
 */
export interface AlternatesPlace {
  readonly factId: string;
  /** `block`: one `- item` per line; `flow`: `[a, b, c]`, on one line or several. */
  readonly style: 'block' | 'flow';
  /** The line (from 1) new alternates go after: the one the last alternate ends on. */
  readonly line: number;
  /** The indentation of a new item: of its `-` (block), or of the last item (flow, several lines). */
  readonly indent: string;
  /** The fact's question and alternates, as the pack writes them. */
  readonly phrasings: readonly string[];
  /** Where in the text the insertion goes, and how it is shaped. */
  readonly insertAt: number;
  readonly shape: 'block-line' | 'flow-inline' | 'flow-line-after-comma' | 'flow-line';
}

/** Why a list could not be found or edited: a stable code, and the sentence reports print. */
export interface NotEditable {
  readonly ok: false;
  readonly code: 'broken' | 'no-fact' | 'no-alternates' | 'odd-item' | 'not-added';
  readonly reason: string;
}

export type Located = { readonly ok: true; readonly place: AlternatesPlace } | NotEditable;

/** Why a fact's alternates could not be edited in place. */
export const PACK_YAML_PROBLEMS = Object.freeze({
  broken: 'the file is not valid YAML',
  noFact: (factId: string) => `no fact has the id ${factId}`,
  noAlternates: (factId: string) => `fact ${factId} has no list of alternates`,
  oddItem: (factId: string) =>
    `the last alternate of ${factId} is written in a way Almanac does not edit (a block scalar or an item sharing its line)`,
  notAdded: (factId: string) =>
    `adding to the alternates of ${factId} would not read back as intended`,
});

const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;
const lineStart = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;
const lineEnd = (text: string, offset: number): number => {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
};

/** The fact's map node in a parsed pack, found by id. */
function factNode(doc: Document, factId: string): YAMLMap | undefined {
  const facts = doc.get('facts', true);
  if (!isSeq(facts)) return undefined;
  for (const item of facts.items) {
    if (isMap(item) && item.get('id') === factId) return item;
  }
  return undefined;
}

/** The text of a scalar's value, when it is one. */
const scalarText = (node: unknown): string | undefined =>
  isScalar(node) && typeof node.value === 'string' ? node.value : undefined;

/**
 * Finds where `factId`'s alternates are in a pack file's `text`: `{ ok: false }` with the reason
 * when the fact is not in it or its list cannot be edited in place.
 */
export function locateAlternates(text: string, factId: string): Located {
  const doc = parseDocument(text);
  if (doc.errors.length > 0)
    return { ok: false, code: 'broken', reason: PACK_YAML_PROBLEMS.broken };
  const fact = factNode(doc, factId);
  if (!fact) return { ok: false, code: 'no-fact', reason: PACK_YAML_PROBLEMS.noFact(factId) };
  const list = fact.get('alternates', true);
  if (!isSeq(list) || !list.range) {
    return { ok: false, code: 'no-alternates', reason: PACK_YAML_PROBLEMS.noAlternates(factId) };
  }
  const phrasings = [scalarText(fact.get('question', true)), ...list.items.map(scalarText)].filter(
    (p): p is string => p !== undefined,
  );
  const last = list.items.at(-1);
  const odd: NotEditable = {
    ok: false,
    code: 'odd-item',
    reason: PACK_YAML_PROBLEMS.oddItem(factId),
  };
  if (!isScalar(last) || !last.range) return odd;
  if (last.type === Scalar.BLOCK_FOLDED || last.type === Scalar.BLOCK_LITERAL) return odd;
  const [start, valueEnd] = last.range;
  const base = { factId, phrasings, line: lineOf(text, valueEnd) };

  if (!list.flow) {
    // The item's own line: its `-` and nothing before it but indentation.
    const dash = /^(\s*)-\s+$/.exec(text.slice(lineStart(text, start), start));
    if (!dash) return odd;
    const indent = dash[1] ?? '';
    return {
      ok: true,
      place: {
        ...base,
        style: 'block',
        indent,
        insertAt: lineEnd(text, valueEnd),
        shape: 'block-line',
      },
    };
  }

  const close = list.range[1] - 1;
  const between = text.slice(valueEnd, close);
  if (!between.includes('\n')) {
    return {
      ok: true,
      place: { ...base, style: 'flow', indent: '', insertAt: valueEnd, shape: 'flow-inline' },
    };
  }
  const indent = /^\s*/.exec(text.slice(lineStart(text, start), start))?.[0] ?? '';
  const comma = /^[ \t]*,/.exec(between);
  return {
    ok: true,
    place: comma
      ? {
          ...base,
          style: 'flow',
          indent,
          insertAt: valueEnd + comma[0].length,
          shape: 'flow-line-after-comma',
        }
      : { ...base, style: 'flow', indent, insertAt: valueEnd, shape: 'flow-line' },
  };
}

/** An alternate as YAML writes it: plain when it can be, quoted when it must (`'1972'`). */
function itemText(value: string, flow: boolean): string {
  const plain = stringify(value, { lineWidth: 0 }).trimEnd();
  // Inside `[…]` a plain comma or bracket would end the item.
  return flow && /^[^"'].*[,[\]{}]/.test(plain) ? JSON.stringify(value) : plain;
}

/** The text inserted at `place.insertAt` to add `values`, in order, after the last alternate. */
export function insertionText(place: AlternatesPlace, values: readonly string[]): string {
  const flow = place.style === 'flow';
  const items = values.map((v) => itemText(v, flow));
  switch (place.shape) {
    case 'block-line':
      return items.map((item) => `\n${place.indent}- ${item}`).join('');
    case 'flow-inline':
      return items.map((item) => `, ${item}`).join('');
    case 'flow-line-after-comma':
      return items.map((item) => `\n${place.indent}${item},`).join('');
    case 'flow-line':
      return items.map((item) => `,\n${place.indent}${item}`).join('');
  }
}

/**
 * The lines a curator pastes after line `place.line` to add `values` (and, commented out, the
 * `unconfirmed` ones to judge), exactly as `addAlternates` would write them.
 */
export function snippetLines(
  place: AlternatesPlace,
  values: readonly string[],
  unconfirmed: readonly string[],
): string[] {
  const flow = place.style === 'flow';
  const lead = flow ? place.indent : `${place.indent}- `;
  const tail = flow ? ',' : '';
  return [
    ...values.map((v) => `${lead}${itemText(v, flow)}${tail}`),
    ...unconfirmed.map((v) => `${place.indent}# ${flow ? '' : '- '}${itemText(v, flow)}${tail}`),
  ];
}

export type Added = { readonly ok: true; readonly text: string } | NotEditable;

/**
 * Adds `values` to the end of `factId`'s alternates in `text`, touching nothing else, and checks
 * the result reads back with exactly those alternates added. Pure: text in, text out.
 */
export function addAlternates(text: string, factId: string, values: readonly string[]): Added {
  const located = locateAlternates(text, factId);
  if (!located.ok) return located;
  if (values.length === 0) return { ok: true, text };
  const { place } = located;
  const next = `${text.slice(0, place.insertAt)}${insertionText(place, values)}${text.slice(place.insertAt)}`;
  const reread = locateAlternates(next, factId);
  const expected = [...place.phrasings, ...values];
  if (!reread.ok || reread.place.phrasings.join('\n') !== expected.join('\n')) {
    return { ok: false, code: 'not-added', reason: PACK_YAML_PROBLEMS.notAdded(factId) };
  }
  return { ok: true, text: next };
}
