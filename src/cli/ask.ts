import { parseArgs } from 'node:util';
import { parseConfig, describeConfigProblems } from '../config.js';
import type { Engine, Scope } from '../engine/types.js';
import { escapeForTerminal } from '../knowledge/problem.js';
import { loadEngine } from './bootstrap.js';
import { readDotenv } from './env.js';
import { jsonLineWithId, readInputLine, splitLines } from './readInputLine.js';
import { colour, plain, renderText, toJson } from './renderText.js';
import { packCacheBeside } from '../knowledge/packCache.js';

const USAGE = `Usage:
  npm run --silent ask -- "question"           one reply, as the console shows it
  npm run --silent ask -- --json "question"    the result object as JSON
  npm run --silent ask -- --jsonl < file       one question per input line, one JSON object per output line
Options: --pack ID (one pack only), --tag TAG (facts with this tag; repeatable)
Exit status: 0 when answered (every line, with --jsonl), 1 when the configuration or the packs
are broken, 2 for a usage error, an unknown pack or an unknown tag.`;

/** The result object of a question the engine failed on; it never should, by contract. */
function declined(question: string) {
  return {
    question,
    status: 'no-match',
    answer: null,
    factId: null,
    confidence: 0,
    source: null,
    followUps: [],
    candidates: [],
    suggestions: [],
  } as const;
}

/** The output line for one input line: its answer, or an error object; never throws. */
function answerLine(engine: Engine, line: string, scope: Scope): string {
  const input = readInputLine(line);
  if (input.kind === 'error') return jsonLineWithId(input.id, { error: input.error });
  const { question, id } = input;
  try {
    return jsonLineWithId(id, toJson(question, engine.ask(question, scope)));
  } catch {
    // The engine never throws by contract; this keeps one bad line from ending the stream.
    return jsonLineWithId(id, declined(question));
  }
}

/** Decoded text chunks of a byte stream, a multi-byte character never split between two. */
async function* textOf(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  input.setEncoding('utf8');
  for await (const chunk of input) yield String(chunk);
}

/**
 * Answers every line of `input` in order, one JSON object per line, whatever the line holds.
 * Only "\n" ends a line (see {@link splitLines}).
 */
export async function answerLines(
  engine: Engine,
  input: NodeJS.ReadableStream,
  write: (line: string) => void,
  scope: Scope,
): Promise<number> {
  let count = 0;
  for await (const line of splitLines(textOf(input))) {
    write(answerLine(engine, line, scope));
    count += 1;
  }
  return count;
}

/** Why `values` and `positionals` do not make one request, or undefined when they do. */
function usageProblem(
  values: { readonly json: boolean; readonly jsonl: boolean },
  positionals: readonly string[],
): string | undefined {
  if (values.json && values.jsonl) {
    return '--json and --jsonl cannot be used together: --jsonl already prints JSON, one object per line.';
  }
  if (values.jsonl && positionals.length > 0) {
    return '--jsonl reads its questions from standard input: give no question on the command line.';
  }
  if (!values.jsonl && positionals.length === 0) return 'Give a question to ask.';
  return undefined;
}

/** Why `scope` names nothing the packs hold (with what they do hold), or undefined. */
function scopeProblem(engine: Engine, scope: Scope): string | undefined {
  const list = (items: Iterable<string>) => [...items].map(escapeForTerminal).join(', ');
  const packs = engine.packs.filter((p) => scope.packId === undefined || p.id === scope.packId);
  if (packs.length === 0) {
    return `No pack has the id "${escapeForTerminal(scope.packId ?? '')}". Packs: ${list(engine.packs.map((p) => p.id))}`;
  }
  const tags = new Set(packs.flatMap((p) => p.facts.flatMap((f) => f.tags)));
  const unknown = (scope.tags ?? []).filter((tag) => !tags.has(tag));
  if (unknown.length === 0) return undefined;
  const where = scope.packId === undefined ? 'No fact' : `No fact of the pack "${scope.packId}"`;
  const named = unknown.map((t) => `"${escapeForTerminal(t)}"`).join(', ');
  const known = tags.size > 0 ? `Tags: ${list([...tags].sort())}` : 'Its facts have no tags.';
  return `${where} has the tag ${named}. ${known}`;
}

async function main(argv: readonly string[]): Promise<number> {
  readDotenv();
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
  const usage = usageProblem(values, positionals);
  if (usage) {
    console.error(`${usage}\n\n${USAGE}`);
    return 2;
  }
  const config = parseConfig(process.env);
  if (!config.ok) {
    console.error(describeConfigProblems(config.errors));
    return 1;
  }
  const loaded = await loadEngine(
    config.config.knowledgeDir,
    packCacheBeside(config.config.databasePath),
  );
  if (!loaded.ok) {
    console.error(loaded.message);
    return 1;
  }
  const { engine } = loaded;
  const scope: Scope = { packId: values.pack, tags: values.tag };
  const outOfScope = scopeProblem(engine, scope);
  if (outOfScope) {
    console.error(outOfScope);
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
    const paint = process.stdout.isTTY ? colour : plain;
    console.log(renderText(result, paint, { topicsHint: false }).text);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
