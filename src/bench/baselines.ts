import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { english } from '../knowledge/languages.js';
import type { AskResult } from '../engine/types.js';
import { plainFuseBaseline } from '../eval/baseline.js';
import type { Verdict } from '../eval/evaluate.js';
import { engineFor } from '../knowledge/engineFor.js';
import type { Fact, Pack } from '../knowledge/schema.js';

/** A question-answering system built over packs, as the benchmark drives it. */
export interface Answerer {
  ask(question: string): Verdict;
  /** Autocomplete, for the systems that offer it: returns how many suggestions came back. */
  complete?(prefix: string): number;
}

export type SystemKey = 'almanac' | 'plain-fuse' | 'tuned-fuse' | 'minisearch';

export interface SystemSpec {
  readonly key: SystemKey;
  readonly name: string;
  /** One line on how it is configured, for the report. */
  readonly description: string;
  build(packs: readonly Pack[]): Answerer;
}

const answered = (factId: string): Verdict => ({ status: 'answered', factId, candidates: [] });
const declined: Verdict = Object.freeze({ status: 'no-match', factId: null, candidates: [] });

/** Almanac's verdict in the evaluation's terms. */
export function almanacVerdict(result: AskResult): Verdict {
  return {
    status: result.status,
    factId: result.status === 'answered' ? result.fact.id : null,
    candidates: result.status === 'ambiguous' ? result.candidates.map((c) => c.factId) : [],
  };
}

export const ALMANAC: SystemSpec = {
  key: 'almanac',
  name: 'Almanac',
  description: 'engineFor(packs): answers, asks "did you mean", or declines',
  build(packs) {
    const engine = engineFor(packs);
    // Ready for any question, as the build was before its typo tables were made on demand.
    engine.prepare();
    return {
      ask: (question) => almanacVerdict(engine.ask(question)),
      complete: (prefix) => engine.autocomplete(prefix).length,
    };
  },
};

export const PLAIN_FUSE: SystemSpec = {
  key: 'plain-fuse',
  name: 'plain fuse.js',
  description:
    'fuse.js defaults over question, alternates, keywords and answer; top hit, declines only on no hit',
  build(packs) {
    return { ask: plainFuseBaseline(packs) };
  },
};

/**
 * The tuned fuse.js baseline's threshold. Fuse returns only items with a field matching under
 * it, so "nothing under the threshold" is an empty result, and then the baseline declines.
 * (The combined score Fuse reports weighs every key and field length in, and sits above 0.4
 * even for right answers, so it is not compared with the threshold again.)
 */
export const TUNED_FUSE_THRESHOLD = 0.4;

export const TUNED_FUSE: SystemSpec = {
  key: 'tuned-fuse',
  name: 'tuned fuse.js',
  description: `fuse.js, ignoreLocation, keys weighted question 3 / alternates 2 / keywords 1.5 / answer 0.5, threshold ${TUNED_FUSE_THRESHOLD}; top hit, declines when nothing matches under the threshold`,
  build(packs) {
    const fuse = new Fuse<Fact>(
      packs.flatMap((p) => p.facts),
      {
        keys: [
          { name: 'question', weight: 3 },
          { name: 'alternates', weight: 2 },
          { name: 'keywords', weight: 1.5 },
          { name: 'answer', weight: 0.5 },
        ],
        ignoreLocation: true,
        threshold: TUNED_FUSE_THRESHOLD,
        includeScore: true,
      },
    );
    return {
      ask(question) {
        const top = fuse.search(question, { limit: 1 })[0];
        return top ? answered(top.item.id) : declined;
      },
    };
  },
};

/**
 * MiniSearch's cut. BM25 scores grow with the corpus (a word found in one fact of N weighs about
 * ln(1 + N)) and MiniSearch multiplies a document's score by how many query terms it matched, so
 * the top score is compared per question word and per ln(1 + N): a top hit below
 * `MINISEARCH_CUT × words × ln(1 + facts)` is declined. The value was read off this benchmark's
 * score distributions at 30, 1,000 and 10,000 facts, which favours MiniSearch if anything.
 */
export const MINISEARCH_CUT = 4;

const functionWords = new Set(english.functionWords);
const searchTerm = (term: string): string | null => {
  const lower = term.toLowerCase();
  return lower.length === 0 || functionWords.has(lower) ? null : lower;
};

export const MINISEARCH: SystemSpec = {
  key: 'minisearch',
  name: 'MiniSearch',
  description: `BM25 over question (boost 2), alternates, keywords and answer; fuzzy 0.2, prefix; stop words removed; declines below ${MINISEARCH_CUT} × words × ln(1 + facts)`,
  build(packs) {
    const facts = packs.flatMap((p) => p.facts);
    const index = new MiniSearch<{
      id: number;
      question: string;
      alternates: string;
      keywords: string;
      answer: string;
    }>({
      fields: ['question', 'alternates', 'keywords', 'answer'],
      storeFields: [],
      processTerm: searchTerm,
      searchOptions: { boost: { question: 2 }, fuzzy: 0.2, prefix: true },
    });
    index.addAll(
      facts.map((f, id) => ({
        id,
        question: f.question,
        alternates: f.alternates.join(' \n '),
        keywords: f.keywords.join(' \n '),
        answer: f.answer,
      })),
    );
    // getDefault is typed `any` by the library; 'tokenize' is its default tokenizer function.
    const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
    const unit = MINISEARCH_CUT * Math.log(1 + facts.length);
    return {
      ask(question) {
        const words = new Set(tokenize(question).flatMap((t) => searchTerm(t) ?? []));
        if (words.size === 0) return declined;
        const top = index.search(question)[0];
        if (!top || top.score < unit * words.size) return declined;
        const fact = facts[Number(top.id)];
        return fact ? answered(fact.id) : declined;
      },
    };
  },
};

/** Every system the benchmark compares, Almanac first. */
export const SYSTEMS: readonly SystemSpec[] = [ALMANAC, PLAIN_FUSE, TUNED_FUSE, MINISEARCH];
