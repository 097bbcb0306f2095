/**
 * Dealing a game: which questions, in which order, with which options. Pure: the caller passes
 * the candidate facts (its topic or scope), a seeded generator and the checker's language.
 */
import type { Fact, Pack, Source, TriviaItem } from '../knowledge/schema.js';
import type { GameMode } from '../store/types.js';
import type { CheckLanguage } from './check.js';
import { buildPools, generateQuestion, type Pools, textKey } from './generate.js';
import { type Random, shuffle } from './random.js';
import { type DealError, TRIVIA_RULES } from './rules.js';
import type { AnswerKind, DealtQuestion, TriviaCitation } from './types.js';

/** A fact a game may ask about, with what its citation needs. */
export interface TriviaCandidate {
  readonly fact: Fact;
  /** The source the fact cites, from its pack (`undefined` if the pack does not list it). */
  readonly source: Source | undefined;
  /** The pack's language code ("en"): questions are generated for English packs only. */
  readonly language: string;
}

/**
 * The candidates of some packs: every fact, or those `include` keeps (a topic's pack, a tag),
 * each with its source resolved.
 */
export function candidatesFromPacks(
  packs: readonly Pack[],
  include: (fact: Fact, pack: Pack) => boolean = () => true,
): TriviaCandidate[] {
  return packs.flatMap((pack) =>
    pack.facts
      .filter((fact) => include(fact, pack))
      .map((fact) => ({
        fact,
        source: pack.sources.find((s) => s.id === fact.source.id),
        language: pack.language,
      })),
  );
}

/** What to deal. */
export interface DealRequest {
  readonly mode: GameMode;
  /** How many questions (the game's option, already in range). */
  readonly questions: number;
}

/** What dealing needs from outside. */
export interface DealDeps {
  /** A seeded generator: the same seed deals the same game. */
  readonly random: Random;
  /** The checker's language, to make sure no generated distractor is a right answer. */
  readonly language: CheckLanguage;
}

/** The questions of a game, or why there are not enough. */
export type DealResult =
  | { readonly ok: true; readonly questions: readonly DealtQuestion[] }
  | { readonly ok: false; readonly error: DealError };

/** Languages whose answer kinds `kinds.ts` can read (its cue words are English). */
const GENERATES_FOR = /^en(?:-|$)/u;

function citationOf(candidate: TriviaCandidate): TriviaCitation {
  const { fact, source } = candidate;
  return {
    factId: fact.id,
    sourceId: fact.source.id,
    title: source?.title ?? fact.source.id,
    publisher: source?.publisher ?? null,
    url: source?.url ?? null,
    section: fact.source.section,
    paragraph: fact.source.paragraph,
  };
}

/** A question before its options are shuffled. */
interface Drawn {
  readonly candidate: TriviaCandidate;
  readonly prompt: string;
  readonly answer: string;
  readonly accept: readonly string[];
  /** Three distractors in choice mode, `null` in open mode. */
  readonly distractors: readonly string[] | null;
  readonly origin: 'pack' | 'generated';
  readonly kind: AnswerKind | null;
}

/**
 * Three of an item's distractors, shuffled, skipping any that repeats another or a right answer;
 * `undefined` when fewer than three are left (a pack that passed validation always has them).
 */
function itemDistractors(item: TriviaItem, random: Random): string[] | undefined {
  const seen = new Set([item.answer, ...item.accept].map(textKey));
  const kept: string[] = [];
  for (const d of shuffle(item.distractors, random)) {
    const key = textKey(d);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(d);
  }
  const needed = TRIVIA_RULES.choiceOptions - 1;
  return kept.length >= needed ? kept.slice(0, needed) : undefined;
}

/**
 * The packs' own items, shuffled: one item of every fact before a second of any (two items of
 * one fact often give each other away), facts in a shuffled order; a prompt met twice is kept
 * once. Facts none of whose items can be asked come back apart, for generation.
 */
function packItems(
  candidates: readonly TriviaCandidate[],
  mode: GameMode,
  random: Random,
): { items: Drawn[]; without: TriviaCandidate[] } {
  const perFact: Drawn[][] = [];
  const without: TriviaCandidate[] = [];
  for (const candidate of candidates) {
    const usable = shuffle(candidate.fact.trivia, random).flatMap((item): Drawn[] => {
      const distractors = mode === 'choice' ? itemDistractors(item, random) : null;
      if (distractors === undefined) return [];
      return [
        {
          candidate,
          prompt: item.prompt,
          answer: item.answer,
          accept: item.accept,
          distractors,
          origin: 'pack',
          kind: null,
        },
      ];
    });
    if (usable.length > 0) perFact.push(usable);
    else without.push(candidate);
  }
  const items: Drawn[] = [];
  const prompts = new Set<string>();
  const tiers = Math.max(0, ...perFact.map((list) => list.length));
  for (let tier = 0; tier < tiers; tier += 1) {
    for (const list of perFact) {
      const drawn = list[tier];
      if (!drawn || prompts.has(textKey(drawn.prompt))) continue;
      prompts.add(textKey(drawn.prompt));
      items.push(drawn);
    }
  }
  return { items, without };
}

/**
 * Deals a game's questions from the candidate facts:
 * 1. the packs' own trivia items first, shuffled, never one twice (see `packItems`);
 * 2. when they are too few, a question generated for each fact that has none, in a shuffled
 *    order, where its answer has a clear kind (see `generateQuestion`);
 * 3. the chosen questions in a shuffled order, and in choice mode each one's four options
 *    shuffled, the right one's index kept.
 *
 * Never pads with repeats: with fewer questions than asked it returns `too-few-questions` and
 * how many there are (`no-questions` for none). Dealing again with the same seed and
 * `questions: available` deals those. The same seed and candidates always deal the same game.
 */
export function deal(
  candidates: readonly TriviaCandidate[],
  request: DealRequest,
  deps: DealDeps,
): DealResult {
  const { random, language } = deps;
  const ids = new Set<string>();
  const unique = candidates.filter((c) => !ids.has(c.fact.id) && Boolean(ids.add(c.fact.id)));
  const shuffled = shuffle(unique, random);
  const { items, without } = packItems(shuffled, request.mode, random);
  const chosen = items.slice(0, request.questions);

  let pools: Pools | undefined;
  for (const candidate of without) {
    if (chosen.length >= request.questions) break;
    if (!GENERATES_FOR.test(candidate.language)) continue;
    pools ??= buildPools(unique.map((c) => c.fact));
    const generated = generateQuestion(candidate.fact, request.mode, { pools, language, random });
    if (!generated) continue;
    if (chosen.some((d) => textKey(d.prompt) === textKey(generated.prompt))) continue;
    chosen.push({
      candidate,
      prompt: generated.prompt,
      answer: generated.answer,
      accept: [],
      distractors: generated.distractors,
      origin: 'generated',
      kind: generated.kind,
    });
  }

  if (chosen.length === 0) return { ok: false, error: { code: 'no-questions' } };
  if (chosen.length < request.questions) {
    return {
      ok: false,
      error: { code: 'too-few-questions', requested: request.questions, available: chosen.length },
    };
  }
  const questions = shuffle(chosen, random).map((drawn): DealtQuestion => {
    let options: string[] | null = null;
    let correctOption: number | null = null;
    if (drawn.distractors !== null) {
      const texts = [drawn.answer, ...drawn.distractors];
      const order = shuffle(
        texts.map((_, i) => i),
        random,
      );
      options = order.map((i) => texts[i]!);
      correctOption = order.indexOf(0);
    }
    return {
      factId: drawn.candidate.fact.id,
      prompt: drawn.prompt,
      answer: drawn.answer,
      accept: drawn.accept,
      options,
      correctOption,
      citation: citationOf(drawn.candidate),
      origin: drawn.origin,
      kind: drawn.kind,
    };
  });
  return { ok: true, questions };
}
