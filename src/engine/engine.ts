import type { Pack } from '../knowledge/schema.js';
import { analyze, isIntent, type Analysis } from './analyze.js';
import { CALIBRATION } from './calibration.js';
import { completeQuestion } from './complete.js';
import { answerProbability, decide, decisionFeatures, type DecisionModel } from './decide.js';
import { exactFacts, indexSteps, type KnowledgeIndex } from './index.js';
import { normalizeText, tokenize, truncateQuestion } from './normalize.js';
import {
  correctionChooser,
  createScratch,
  questionShape,
  RERANK_DEPTH,
  rerank,
  scoreFacts,
  scoreQuestion,
  TIE_BREAK_WEIGHT,
  type QuestionShape,
  type ScoredFact,
} from './score.js';
import type { LanguageProfile, WordVectors } from './language.js';
import { lexiconOf } from './lexicon.js';
import {
  approximate,
  buildSemanticIndex,
  semanticIndexSteps,
  type SemanticIndex,
} from './semantic.js';
import { finish, type Steps } from './steps.js';
import type {
  AskOptions,
  AskResult,
  Candidate,
  Engine,
  FactRef,
  MatchResult,
  PackedFact,
  RejectReason,
  Scope,
} from './types.js';

/** How many follow-ups an answer offers. */
export const MAX_FOLLOW_UPS = 3;
/** How many key questions a decline suggests when nothing came close. */
export const MAX_SUGGESTIONS = 3;

export interface EngineOptions {
  /** The language the packs are written in and questions are asked in. */
  readonly language: LanguageProfile;
  /**
   * Word vectors for question words the packs never use; the language's own when absent, none
   * (words match only as written, corrected or through synonyms) when null.
   */
  readonly vectors?: WordVectors | null;
  /** The fitted decision model; the bundled calibration when absent. */
  readonly decision?: DecisionModel;
}

/** The most candidates {@link Engine.rank} lists. */
export const MAX_RANKED = 25;

/**
 * The scored facts a question's verdict can use: `rank` lists at most {@link MAX_RANKED} and a
 * verdict names at most four (the answer and three alternatives, or near misses), from a list
 * in which `rerank` moves only the leading {@link RERANK_DEPTH}.
 */
const KEEP = Object.freeze({ top: MAX_RANKED + RERANK_DEPTH, floor: Infinity });

const EMPTY_SHAPE: QuestionShape = {
  contentTerms: 0,
  intents: 0,
  tellingWords: 0,
  guessedShare: 0,
};

const NUMBER = /^\d+(?:\.\d+)?$/;

const round = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;

/** A scope test over fact indices; undefined scope lets everything through. */
function scopeFilter(index: KnowledgeIndex, scope: Scope | undefined): (f: number) => boolean {
  const packId = scope?.packId;
  const tags = scope?.tags?.filter((t) => t.length > 0) ?? [];
  if (!packId && tags.length === 0) return () => true;
  return (f) => {
    const entry = index.facts[f]!;
    if (packId && entry.pack.id !== packId) return false;
    return tags.length === 0 || tags.some((t) => entry.fact.tags.includes(t));
  };
}

/**
 * Builds the answer engine over the given packs. Everything is precomputed here; each question
 * then costs a few map look-ups and a walk over the postings of its own words. Pure: no clock,
 * no randomness, no I/O; the same packs and question always give the same result.
 */
export function createEngine(packs: readonly Pack[], options: EngineOptions): Engine {
  return finish(engineSteps(packs, options));
}

/**
 * {@link createEngine} in steps (see `steps.ts`): the index is built between slices of facts,
 * so a shell can keep answering with the engine it has while the next one is made.
 */
export function* engineSteps(packs: readonly Pack[], options: EngineOptions): Steps<Engine> {
  const lexicon = lexiconOf(options.language);
  const model = options.decision ?? CALIBRATION;
  const index = yield* indexSteps(packs, lexicon);
  /** The terms of the profile's one-word requests for help ("help", "halp"). */
  const helpTerms = new Set(
    options.language.remarks.help.filter((r) => !r.includes(' ')).map((r) => lexicon.stem(r)),
  );
  const scratch = createScratch(index);
  // Built at the first question with a word the packs do not know: many never need it.
  let semantic: SemanticIndex | undefined;
  const vectors = () => options.vectors ?? options.language.vectors();
  const lazySemantic: SemanticIndex = {
    nearest(word) {
      semantic ??= buildSemanticIndex(index, vectors());
      return semantic.nearest(word);
    },
  };
  function* readySteps(): Steps<void> {
    yield* index.speller.readySteps();
    if (options.vectors === null || semantic) return;
    const made = yield* semanticIndexSteps(index, vectors());
    // Made meanwhile by a question answered between two steps: the first one made is kept.
    semantic ??= made;
  }
  const chooseCorrection = correctionChooser(index);
  const analyzeQuestion = (text: string): Analysis => {
    const analysis = analyze(text, lexicon, index.synonyms, index.speller, chooseCorrection);
    return options.vectors === null ? analysis : approximate(analysis, index, lazySemantic);
  };

  const ref = (f: number): FactRef => {
    const { fact } = index.facts[f]!;
    return { factId: fact.id, question: fact.question };
  };
  /** A fact offered as a choice, with the probability that it answers the question. */
  const candidate = (
    s: ScoredFact,
    scored: readonly ScoredFact[],
    shape: QuestionShape,
  ): Candidate => {
    const rival = scored.find((x) => x.factIndex !== s.factIndex);
    return {
      ...ref(s.factIndex),
      confidence: round(answerProbability(model, decisionFeatures(s, rival, shape))),
    };
  };

  const keyQuestions = (inScope: (f: number) => boolean, limit: number): FactRef[] => {
    // The first facts of each pack are its key questions: authors put the essentials first.
    const out: FactRef[] = [];
    for (let round = 0; out.length < limit; round++) {
      let any = false;
      for (const pack of index.packs) {
        const fact = pack.facts[round];
        if (!fact) continue;
        any = true;
        const f = index.factIndexById.get(fact.id);
        if (f !== undefined && inScope(f) && out.length < limit) out.push(ref(f));
      }
      if (!any) break;
    }
    return out;
  };

  const followUpsOf = (f: number, inScope: (f: number) => boolean): FactRef[] =>
    index.facts[f]!.fact.related.flatMap((id) => {
      const r = index.factIndexById.get(id);
      return r !== undefined && inScope(r) ? [ref(r)] : [];
    }).slice(0, MAX_FOLLOW_UPS);

  const answered = (
    s: ScoredFact,
    confidence: number,
    scored: readonly ScoredFact[],
    viaContext: boolean,
    inScope: (f: number) => boolean,
    shape: QuestionShape = EMPTY_SHAPE,
  ): MatchResult => {
    const { fact, pack } = index.facts[s.factIndex]!;
    return {
      status: 'answered',
      fact,
      pack,
      confidence: round(confidence),
      followUps: followUpsOf(s.factIndex, inScope),
      alternatives: scored
        .filter((x) => x.factIndex !== s.factIndex)
        .slice(0, 3)
        .map((x) => candidate(x, scored, shape)),
      viaContext,
    };
  };

  /** The facts a verdict can use, by their word scores alone. */
  const scoreOf = (analysis: Analysis, inScope: (f: number) => boolean): ScoredFact[] =>
    scoreFacts(index, analysis, scratch, inScope, KEEP);
  /** Near-ties among those broken by Fuse's character-level comparison. */
  const tieBroken = (analysis: Analysis, scored: readonly ScoredFact[]): ScoredFact[] =>
    rerank(index, analysis.words.join(' '), scored);
  const rank = (analysis: Analysis, inScope: (f: number) => boolean): ScoredFact[] =>
    tieBroken(analysis, scoreOf(analysis, inScope));
  /**
   * The facts a verdict weighs, best first, and the question's shape. When even the most a
   * tie-break adds leaves the best fact below anything the fitted decision ever answered or
   * asked about, Fuse's character-level comparison could only reorder near misses: the question
   * is judged on its word scores. Most questions the packs do not cover end here.
   */
  const judge = (analysis: Analysis, inScope: (f: number) => boolean) => {
    const { scored: raw, shape } = scoreQuestion(index, analysis, scratch, inScope, KEEP);
    const settled = (raw[0]?.score ?? 0) + TIE_BREAK_WEIGHT < model.floor;
    return { scored: settled ? raw : tieBroken(analysis, raw), shape };
  };

  const rejected = (reason: RejectReason, inScope: (f: number) => boolean): MatchResult => ({
    status: 'no-match',
    confidence: 0,
    suggestions: keyQuestions(inScope, MAX_SUGGESTIONS).map((r) => ({ ...r, confidence: 0 })),
    rejected: reason,
  });

  const match = (text: string, options: AskOptions | undefined): MatchResult => {
    const inScope = scopeFilter(index, options);
    const normalized = normalizeText(text);
    if (normalized.length === 0) {
      return rejected(text.trim().length === 0 ? 'empty' : 'no-words', inScope);
    }
    const tokens = tokenize(normalized);
    // A number alone ("5", "in 1972?") names nothing to look up, whichever fact holds it.
    const named = tokens
      .map((word) => lexicon.shorthand(word) ?? word)
      .filter((word) => !lexicon.isFunctionWord(word));
    if (named.length > 0 && named.every((word) => NUMBER.test(word))) {
      return rejected('no-subject', inScope);
    }
    const analysis = analyzeQuestion(text);
    const remark = lexicon.remarkOf(tokens);
    // A request for help with Almanac itself ("how does this work") is no question of the packs.
    if (remark === 'help') return rejected(remark, inScope);
    // A question put exactly as one of a fact's phrasings is that fact's.
    const exact = exactFacts(index, analysis.words).filter(inScope);
    if (exact.length === 1) {
      const s = { factIndex: exact[0]!, score: 1 };
      return answered(s, 1, scoreOf(analysis, inScope), false, inScope);
    }
    // What the question names besides its question word and the words that say what it asks
    // for ("year" in "what year").
    const subjects = analysis.terms.flatMap((term, i) =>
      isIntent(term) || analysis.intentNames?.has(term) === true
        ? []
        : [{ term, word: analysis.termWords[i]! }],
    );
    // Small talk put to Almanac itself ("how's your day going", "who are you", "are you a bot"):
    // every word it names is an everyday one or one no pack uses. Greeted, never looked up, so
    // no fact about a day or a maker answers it.
    if (
      remark !== 'thanks' &&
      lexicon.addressesAlmanac(tokens) &&
      subjects.every(({ term, word }) => lexicon.isLightWord(word) || !index.termIds.has(term))
    ) {
      return rejected('greeting', inScope);
    }
    // Nothing but a question word, the words that say what it asks for and everyday words
    // ("why?", "lol", "what year is it", "what happened"): nothing to look up.
    if (subjects.every(({ word }) => lexicon.isLightWord(word))) {
      return rejected(remark ?? 'no-subject', inScope);
    }
    // Help asked for with nothing else to look up ("can you help me with my homework").
    if (subjects.every(({ word }) => helpTerms.has(lexicon.stem(word)))) {
      return rejected('help', inScope);
    }

    const { scored, shape } = judge(analysis, inScope);
    const previous = options?.previousFactId
      ? index.factIndexById.get(options.previousFactId)
      : undefined;
    const preferred = new Set<number>();
    if (previous !== undefined) {
      for (const id of index.facts[previous]!.fact.related) {
        const r = index.factIndexById.get(id);
        if (r !== undefined) preferred.add(r);
      }
    }
    const verdict = decide(scored, shape, preferred, model);
    // Thanks with a few words besides ("thank you so much, that helped a lot") is taken as said,
    // not as a question to answer, decline or ask "did you mean" about; so is a greeting with a
    // few words no fact answers ("hey there everyone"), where "hey, steel mills" still asks. A
    // question word or a question mark makes either a question after all.
    const remarked =
      remark === 'thanks' ||
      (remark === 'greeting' && verdict.kind !== 'answered' && shape.tellingWords === 0);
    if (remarked && shape.intents === 0 && !text.includes('?')) return rejected(remark, inScope);
    switch (verdict.kind) {
      case 'answered':
        return answered(
          verdict.best,
          verdict.probability,
          scored,
          verdict.viaContext,
          inScope,
          shape,
        );
      case 'ambiguous':
        return {
          status: 'ambiguous',
          confidence: round(verdict.probability),
          candidates: verdict.candidates.map((c) => candidate(c, scored, shape)),
        };
      case 'no-match': {
        const near = verdict.nearMisses.map((c) => candidate(c, scored, shape));
        return {
          status: 'no-match',
          confidence: round(verdict.probability),
          suggestions:
            near.length > 0
              ? near
              : keyQuestions(inScope, MAX_SUGGESTIONS).map((r) => ({ ...r, confidence: 0 })),
        };
      }
    }
  };

  const packed = (f: number): PackedFact => {
    const { fact, pack } = index.facts[f]!;
    return { fact, pack };
  };

  return {
    packs: index.packs,
    size: index.facts.length,
    prepare() {
      index.speller.prepare();
    },
    readySteps,
    inspect(question, options) {
      const { text } = truncateQuestion(typeof question === 'string' ? question : '');
      const inScope = scopeFilter(index, options);
      const before = { postings: scratch.visited.postings, spelling: index.speller.work() };
      const analysis = analyzeQuestion(text);
      const exact = exactFacts(index, analysis.words).filter(inScope);
      const { scored, shape } = judge(analysis, inScope);
      const best = scored[0];
      const features = best ? decisionFeatures(best, scored[1], shape) : undefined;
      return {
        terms: analysis.terms,
        shape,
        exact: exact.map((f) => index.facts[f]!.fact.id),
        ranked: scored.slice(0, 5).map((s) => ({
          factId: index.facts[s.factIndex]!.fact.id,
          score: s.score,
          complete: s.complete === true,
          ...(s.evidence ? { evidence: s.evidence } : {}),
        })),
        ...(features ? { features, probability: answerProbability(model, features) } : {}),
        work: {
          postings: scratch.visited.postings - before.postings,
          spelling: index.speller.work() - before.spelling,
        },
      };
    },
    ask(question: string, options?: AskOptions): AskResult {
      const input = typeof question === 'string' ? question : '';
      const { text, truncated } = truncateQuestion(input);
      return { ...match(text, options), question: text, truncated };
    },
    answerFact(factId, scope) {
      const f = index.factIndexById.get(factId);
      if (f === undefined) return undefined;
      const inScope = scopeFilter(index, scope);
      const { fact } = index.facts[f]!;
      return {
        ...answered({ factIndex: f, score: 1 }, 1, [], false, inScope),
        question: fact.question,
        truncated: false,
      };
    },
    rank(question, options) {
      const { text } = truncateQuestion(typeof question === 'string' ? question : '');
      const analysis = analyzeQuestion(text);
      const limit = Math.max(0, Math.min(options?.limit ?? 10, MAX_RANKED));
      const shape = questionShape(index, analysis);
      const ranked = rank(analysis, scopeFilter(index, options));
      return ranked.slice(0, limit).map((s) => candidate(s, ranked, shape));
    },
    autocomplete(partial, options) {
      const limit = Math.max(0, Math.min(options?.limit ?? 25, 25));
      const inScope = scopeFilter(index, options);
      const { text } = truncateQuestion(typeof partial === 'string' ? partial : '');
      if (normalizeText(text).length === 0) {
        return keyQuestions(inScope, limit).map((r) => ({ ...r, confidence: 0 }));
      }
      // Completion scores rank what is being typed; they are no probabilities.
      return completeQuestion(index, scratch, text, inScope, limit).map((s) => ({
        ...ref(s.factIndex),
        confidence: round(s.score),
      }));
    },
    fact(factId) {
      const f = index.factIndexById.get(factId);
      return f === undefined ? undefined : packed(f);
    },
    facts(scope) {
      const inScope = scopeFilter(index, scope);
      return index.facts.flatMap((_, f) => (inScope(f) ? [packed(f)] : []));
    },
    randomFact(random, scope) {
      const inScope = scopeFilter(index, scope);
      const pool = index.facts.flatMap((_, f) => (inScope(f) ? [f] : []));
      if (pool.length === 0) return undefined;
      const pick = Math.min(pool.length - 1, Math.floor(random() * pool.length));
      return packed(pool[Math.max(0, pick)]!);
    },
    tags() {
      const counts = new Map<string, number>();
      for (const entry of index.facts) {
        for (const tag of new Set(entry.fact.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      }
      return new Map([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
    },
  };
}
