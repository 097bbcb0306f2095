import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { parseConfig } from '../config.js';
import type { Engine, Scope } from '../engine/types.js';
import { loadEngine } from './bootstrap.js';
import { colour, plain, renderText, toJson } from './renderText.js';

const USAGE = `Usage:
  npm run --silent ask -- "question"           one reply, as the console shows it
  npm run --silent ask -- --json "question"    the result object as JSON
  npm run --silent ask -- --jsonl < file       one question per input line, one JSON object per output line
Options: --pack ID (one pack only), --tag TAG (facts with this tag; repeatable)`;

/** What one input line of `--jsonl` asks, and the id to echo with its answer, if it has one. */
export interface InputLine {
  readonly question: string;
  readonly id?: string | number;
}

/**
 * Reads an input line of `--jsonl`: the line itself is the question, unless it is a JSON object
 * with a string `question` (or `q`, or `text`) field, as a harness writing JSON Lines sends,
 * or a JSON string; an object's `id`, when a string or a number, is echoed with the answer.
 */
export function readInputLine(line: string): InputLine {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('"')) return { question: line };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { question: line };
  }
  if (typeof value === 'string') return { question: value };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { question: line };
  const fields = value as Record<string, unknown>; // a parsed JSON object: read field by field
  const question = [fields.question, fields.q, fields.text].find((v) => typeof v === 'string');
  if (typeof question !== 'string') return { question: line };
  const id = fields.id;
  return typeof id === 'string' || typeof id === 'number' ? { question, id } : { question };
}

/** Answers every line of `input` in order, one JSON object per line, whatever the line holds. */
export async function answerLines(
  engine: Engine,
  input: NodeJS.ReadableStream,
  write: (line: string) => void,
  scope: Scope,
): Promise<number> {
  const rl = createInterface({ input, terminal: false, crlfDelay: Infinity });
  let count = 0;
  for await (const line of rl) {
    const { question, id } = readInputLine(line);
    const echo = id === undefined ? {} : { id };
    let json: string;
    try {
      json = JSON.stringify({ ...echo, ...toJson(question, engine.ask(question, scope)) });
    } catch {
      // The engine never throws by contract; this keeps one bad line from ending the stream.
      json = JSON.stringify({
        ...echo,
        question,
        status: 'no-match',
        answer: null,
        factId: null,
        confidence: 0,
        source: null,
        followUps: [],
        candidates: [],
        suggestions: [],
      });
    }
    write(json);
    count += 1;
  }
  return count;
}

async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        jsonl: { type: 'boolean', default: false },
        pack: { type: 'string' },
        tag: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = parseConfig(process.env);
  if (!config.ok) {
    console.error(`Configuration problem:\n${config.errors.map((e) => `  ${e}`).join('\n')}`);
    return 1;
  }
  const loaded = await loadEngine(config.config.knowledgeDir);
  if (!loaded.ok) {
    console.error(loaded.message);
    return 1;
  }
  const { engine } = loaded;
  const scope: Scope = { packId: values.pack, tags: values.tag };
  if (values.pack && !engine.packs.some((p) => p.id === values.pack)) {
    console.error(
      `No pack has the id "${values.pack}". Packs: ${engine.packs.map((p) => p.id).join(', ')}`,
    );
    return 2;
  }
  if (values.jsonl) {
    await answerLines(engine, process.stdin, (line) => process.stdout.write(`${line}\n`), scope);
    return 0;
  }
  const question = positionals.join(' ');
  const result = engine.ask(question, scope);
  if (values.json) {
    console.log(JSON.stringify(toJson(question, result), null, 2));
  } else {
    console.log(renderText(result, process.stdout.isTTY ? colour : plain).text);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
