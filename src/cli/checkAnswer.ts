import { parseArgs } from 'node:util';
import { english } from '../knowledge/languages.js';
import { checkAnswer, type CheckLanguage } from '../trivia/check.js';
import * as z from '../zod.js';

const USAGE = `Usage:
  npm run --silent check-answer -- --jsonl < file
      one {"answer", "accept"?, "given", "id"?} object per input line,
      one {"verdict"} (or {"error"}) object per output line, in order
  npm run --silent check-answer -- --answer "2 March 1972" --given "march 2nd 1972" [--accept "…"]…
      prints correct, close or wrong`;

/** The engine's English word counts: the checker's one source of what is a real word. */
const ENGLISH: CheckLanguage = { wordCount: (word) => english.frequencies().counts.get(word) ?? 0 };

const LINE = z.object({
  answer: z.string({ error: 'answer must be a string' }),
  given: z.string({ error: 'given must be a string' }),
  accept: z.optional(
    z.array(z.string({ error: 'accept must be a list of strings' }), {
      error: 'accept must be a list of strings',
    }),
  ),
});

/** Where the JSON string that starts at `from` (at its opening quote) ends, past its closing quote. */
function endOfString(text: string, from: number): number {
  let i = from + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Where the JSON value that starts at `from` ends, within an object member list. */
function endOfValue(text: string, from: number): number {
  if (text[from] === '"') return endOfString(text, from);
  let depth = 0;
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = endOfString(text, i);
      continue;
    }
    if (c === '{' || c === '[') depth += 1;
    else if (c === '}' || c === ']') {
      if (depth === 0) break;
      depth -= 1;
      if (depth === 0) return i + 1;
    } else if (c === ',' && depth === 0) break;
    i += 1;
  }
  return i;
}

/**
 * The `id` member of a line already parsed as a JSON object, exactly as written (`7`, `"q-1"`,
 * `1.0`, `12345678901234567890`), so it is echoed unchanged: parsing and printing it again would
 * turn `1.0` into `1` and round large numbers. As in `JSON.parse`, the last `id` wins.
 */
function writtenId(line: string): string | undefined {
  const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
  let i = line.indexOf('{') + 1;
  let id: string | undefined;
  for (;;) {
    while (isSpace(line[i])) i += 1;
    if (line[i] !== '"') return id;
    const keyEnd = endOfString(line, i);
    const key: unknown = JSON.parse(line.slice(i, keyEnd));
    i = keyEnd;
    while (isSpace(line[i]) || line[i] === ':') i += 1;
    const valueEnd = endOfValue(line, i);
    if (key === 'id') id = line.slice(i, valueEnd).trim();
    i = valueEnd;
    while (isSpace(line[i]) || line[i] === ',') i += 1;
  }
}

/** The output line for one input line: a verdict, or an error in plain words; never throws. */
function checkLine(line: string): string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return JSON.stringify({ error: 'the line is not JSON' });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return JSON.stringify({ error: 'the line is not a JSON object' });
  }
  const id = writtenId(line);
  const open = id === undefined ? '{' : `{"id":${id},`;
  const parsed = LINE.safeParse(value);
  if (!parsed.success) {
    const reasons = [...new Set(parsed.error.issues.map((issue) => issue.message))];
    return `${open}"error":${JSON.stringify(reasons.join('; '))}}`;
  }
  const { answer, accept, given } = parsed.data;
  try {
    return `${open}"verdict":"${checkAnswer({ answer, accept }, given, ENGLISH).verdict}"}`;
  } catch {
    // The checker never throws by contract; this keeps one bad line from ending the stream.
    return `${open}"error":"the answer could not be checked"}`;
  }
}

/**
 * Checks every line of standard input in order, writing one output line for each. Only "\n"
 * ends a line (a "\r" before it is dropped): a lone "\r", or U+2028 inside a JSON string, does
 * not, as readline would have it.
 */
async function checkLines(write: (text: string) => void): Promise<void> {
  let pending = '';
  let first = true;
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) {
    pending += String(chunk);
    if (first) {
      pending = pending.replace(/^\uFEFF/u, '');
      first = false;
    }
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    if (lines.length > 0) {
      write(lines.map((line) => `${checkLine(line.replace(/\r$/u, ''))}\n`).join(''));
    }
  }
  if (pending !== '') write(`${checkLine(pending.replace(/\r$/u, ''))}\n`);
}

async function main(argv: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      allowPositionals: false,
      options: {
        jsonl: { type: 'boolean', default: false },
        answer: { type: 'string' },
        accept: { type: 'string', multiple: true },
        given: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const single = values.answer !== undefined || values.given !== undefined;
  if (values.jsonl && !single && values.accept === undefined) {
    await checkLines((text) => process.stdout.write(text));
    return 0;
  }
  if (!values.jsonl && values.answer !== undefined && values.given !== undefined) {
    const item = { answer: values.answer, accept: values.accept };
    console.log(checkAnswer(item, values.given, ENGLISH).verdict);
    return 0;
  }
  console.error(`Give either --jsonl, or --answer and --given.\n\n${USAGE}`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
