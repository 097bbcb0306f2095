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
    let json: string;
    try {
      json = JSON.stringify(toJson(line, engine.ask(line, scope)));
    } catch {
      // The engine never throws by contract; this keeps one bad line from ending the stream.
      json = JSON.stringify({
        question: line,
        status: 'no-match',
        answer: null,
        factId: null,
        confidence: 0,
        source: null,
        followUps: [],
        candidates: [],
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
