import { parseArgs } from 'node:util';
import { english } from '../knowledge/languages.js';
import { jsonLineWithId, splitLines, writtenMember } from './readInputLine.js';
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
  const id = writtenMember(line, 'id');
  const parsed = LINE.safeParse(value);
  if (!parsed.success) {
    const reasons = [...new Set(parsed.error.issues.map((issue) => issue.message))];
    return jsonLineWithId(id, { error: reasons.join('; ') });
  }
  const { answer, accept, given } = parsed.data;
  try {
    return jsonLineWithId(id, { verdict: checkAnswer({ answer, accept }, given, ENGLISH).verdict });
  } catch {
    // The checker never throws by contract; this keeps one bad line from ending the stream.
    return jsonLineWithId(id, { error: 'the answer could not be checked' });
  }
}

/** Checks every line of standard input in order (cut as `ask --jsonl` cuts them), one output line each. */
async function checkLines(write: (text: string) => void): Promise<void> {
  process.stdin.setEncoding('utf8');
  for await (const line of splitLines(process.stdin)) write(`${checkLine(line)}\n`);
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
