/**
 * The input side of `ask --jsonl`: lines cut at "\n" only, and what each line asks. Pure, apart
 * from reading the chunks it is given.
 */

/** The messages of the error objects `ask --jsonl` prints for lines it cannot answer. */
export const INPUT_LINE_ERRORS = Object.freeze({
  noQuestion: 'the line is a JSON object without a "question" (or "q", or "text") field',
  questionType: (field: string, type: string) => `"${field}" must be a string, not ${type}`,
  idType: (type: string) => `"id" must be a string or a number, not ${type}`,
});

/** The fields a JSON line may hold its question in, the first present one winning. */
const QUESTION_FIELDS = ['question', 'q', 'text'] as const;

/**
 * What one input line of `--jsonl` asks: a question, or an error to report in its place. `id` is
 * the line's `id` exactly as written in it (`7`, `"q-1"`, `12345678901234567890`, `1e309`), to be
 * echoed as JSON text unchanged: parsing and printing a number again would round it.
 */
export type InputLine =
  | { readonly kind: 'question'; readonly question: string; readonly id?: string }
  | { readonly kind: 'error'; readonly error: string; readonly id?: string };

/**
 * Cuts text into lines at "\n" only, dropping a "\r" just before it (and a byte order mark at the
 * very start). A lone "\r", U+2028 or U+2029 stays inside its line, where `readline` would cut.
 * A last line without "\n" is a line; an empty input has none.
 */
export async function* splitLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  const withoutCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);
  let pending = '';
  let started = false;
  for await (let text of chunks) {
    if (!started && text.length > 0) {
      started = true;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    let from = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', from)) {
      yield withoutCr(pending + text.slice(from, end));
      pending = '';
      from = end + 1;
    }
    pending += text.slice(from);
  }
  if (pending !== '') yield withoutCr(pending);
}

const isJsonSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

function skipSpace(text: string, from: number): number {
  let i = from;
  while (isJsonSpace(text[i])) i += 1;
  return i;
}

/** Where the JSON string whose opening quote is at `from` ends, past its closing quote. */
function endOfString(text: string, from: number): number {
  let i = from + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') return i + 1;
    i += c === '\\' ? 2 : 1;
  }
  return text.length;
}

/** Where the JSON value that starts at `from` ends. */
function endOfValue(text: string, from: number): number {
  const first = text[from];
  if (first === '"') return endOfString(text, from);
  if (first === '{' || first === '[') {
    let depth = 0;
    let i = from;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i = endOfString(text, i);
        continue;
      }
      if (c === '{' || c === '[') depth += 1;
      else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
      i += 1;
    }
    return text.length;
  }
  // A number, true, false or null: up to the next delimiter.
  let i = from;
  while (i < text.length && !isJsonSpace(text[i]) && !',}]'.includes(text[i]!)) i += 1;
  return i;
}

/**
 * The text of the member `key` of the JSON object `json`, exactly as written, or undefined when
 * it has none. As in `JSON.parse`, the last member of that name wins, and a key is compared once
 * unescaped (`"\u0069d"` is `id`). One pass over the text, no regular expression: `json` must be
 * text `JSON.parse` has already read as an object.
 */
export function writtenMember(json: string, key: string): string | undefined {
  let i = skipSpace(json, 0);
  if (json[i] !== '{') return undefined;
  i += 1;
  let found: string | undefined;
  for (;;) {
    i = skipSpace(json, i);
    if (json[i] !== '"') return found;
    const keyEnd = endOfString(json, i);
    const name: unknown = JSON.parse(json.slice(i, keyEnd));
    i = skipSpace(json, skipSpace(json, keyEnd) + 1); // past the colon
    const valueEnd = endOfValue(json, i);
    if (name === key) found = json.slice(i, valueEnd);
    i = skipSpace(json, valueEnd);
    if (json[i] === ',') i += 1;
  }
}

/** How an error message names a JSON value's type. */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return `a ${typeof value}`;
}

/**
 * Reads an input line of `--jsonl`. A JSON object is a request: its question is the first of its
 * `question`, `q` and `text` fields it has, which must be a string, and its `id`, a string or a
 * number, is echoed as written; an object that breaks these rules is an error, not a question. A
 * JSON string is the question it holds. Any other line (text, a number, a list, broken JSON) is
 * itself the question, as typed.
 */
export function readInputLine(line: string): InputLine {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('"'))
    return { kind: 'question', question: line };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { kind: 'question', question: line };
  }
  if (typeof value === 'string') return { kind: 'question', question: value };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'question', question: line };
  }
  const fields = new Map<string, unknown>(Object.entries(value));
  const idValue = fields.get('id');
  if (fields.has('id') && typeof idValue !== 'string' && typeof idValue !== 'number') {
    return { kind: 'error', error: INPUT_LINE_ERRORS.idType(typeName(idValue)) };
  }
  const id = fields.has('id') ? writtenMember(trimmed, 'id') : undefined;
  const echo = id === undefined ? {} : { id };
  const field = QUESTION_FIELDS.find((name) => fields.has(name));
  if (field === undefined) return { kind: 'error', error: INPUT_LINE_ERRORS.noQuestion, ...echo };
  const question = fields.get(field);
  if (typeof question !== 'string') {
    return {
      kind: 'error',
      error: INPUT_LINE_ERRORS.questionType(field, typeName(question)),
      ...echo,
    };
  }
  return { kind: 'question', question, ...echo };
}

/**
 * One output line: `body` as JSON, led by `"id":` and the id's written text when there is one.
 * `body` must be a non-empty object.
 */
export function jsonLineWithId(id: string | undefined, body: object): string {
  const json = JSON.stringify(body);
  return id === undefined ? json : `{"id":${id},${json.slice(1)}`;
}
