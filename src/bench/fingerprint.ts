/**
 * `npx tsx src/bench/fingerprint.ts`: one hash of every result the engine gives over the
 * evaluation sets and the benchmark's corpora, so a change meant to leave answers alone (a
 * faster build, a smaller data file, another way of loading) can show that it did: run it before
 * and after, and the lines must match. Each line is a corpus, how many results it hashed and the
 * SHA-256 of their JSON (the whole `ask` result of every question, and every autocomplete list).
 */
import { createHash } from 'node:crypto';
import { engineFor } from '../knowledge/engineFor.js';
import type { Pack } from '../knowledge/schema.js';
import { listSets, loadSet } from '../eval/sets.js';
import { benchVocabulary, generateCorpus } from './synthetic.js';

/** The benchmark's corpora hashed: its default seed and question counts, at these sizes. */
const SIZES = [1_000, 10_000] as const;

interface Corpus {
  readonly name: string;
  readonly packs: readonly Pack[];
  readonly questions: readonly string[];
  readonly prefixes: readonly string[];
}

function fingerprint(corpus: Corpus): string {
  const engine = engineFor(corpus.packs);
  const hash = createHash('sha256');
  for (const question of corpus.questions) hash.update(JSON.stringify(engine.ask(question)));
  for (const prefix of corpus.prefixes) hash.update(JSON.stringify(engine.autocomplete(prefix)));
  const count = corpus.questions.length + corpus.prefixes.length;
  return `${corpus.name.padEnd(40)} ${String(count).padStart(6)}  ${hash.digest('hex').slice(0, 24)}`;
}

const root = process.cwd();
const corpora: Corpus[] = [];
const packsByFolder = new Map<string, Promise<readonly Pack[]>>();
for (const file of await listSets(root)) {
  const { set, packs } = await loadSet(file, root, packsByFolder);
  corpora.push({ name: file, packs, questions: set.questions.map((q) => q.q), prefixes: [] });
}
const vocabulary = benchVocabulary();
for (const facts of SIZES) {
  const corpus = generateCorpus(vocabulary, {
    seed: 1,
    facts,
    answerable: 1_000,
    unanswerable: 500,
    warmUp: 200,
    prefixes: 1_000,
  });
  corpora.push({
    name: `bench ${facts.toLocaleString('en-US')} facts`,
    packs: corpus.world.packs,
    questions: [...corpus.questions, ...corpus.warmUp].map((q) => q.text),
    prefixes: corpus.prefixes,
  });
}
const lines = corpora.map(fingerprint);
for (const line of lines) console.log(line);
console.log(
  `${'all'.padEnd(40)} ${''.padStart(6)}  ${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 24)}`,
);
