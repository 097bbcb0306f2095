/**
 * Questions for facts that have no trivia item: the fact's own question (or an alternate
 * phrasing that asks for a kind), its answer's one value of that kind, and, for multiple choice,
 * three distractors of the same kind drawn from the other facts.
 */
import type { Fact } from '../knowledge/schema.js';
import type { GameMode } from '../store/types.js';
import { foldText } from './answerText.js';
import { checkAnswer, type CheckLanguage } from './check.js';
import {
  type Asked,
  askedKind,
  countDateMentions,
  dateOrdinal,
  findValues,
  formatAmount,
  formatDate,
  isRealDate,
  type KindValue,
  questionGivesAway,
  readWholeValue,
  shapeOf,
} from './kinds.js';
import { type Random, shuffle } from './random.js';
import type { AnswerKind } from './types.js';

/** Distractors a multiple-choice question needs (its fourth option is the answer). */
const DISTRACTORS = 3;
/** A list answer names at most this many people or organisations. */
const MAX_LIST = 3;
/**
 * Dates, years and amounts are drawn from the pool's closest values (twice as many as needed,
 * then shuffled), so "1972" is not offered against "1532": a far-off option is no option.
 */
const NEAREST = DISTRACTORS * 2;

/** A value known from some facts: a distractor for any other fact's question. */
interface PoolValue {
  readonly value: KindValue;
  readonly factIds: ReadonlySet<string>;
  /**
   * Where it was met: a trivia item (its answer and distractors are one group) or a fact's
   * answer. Values met together are siblings: the Soviet leaders of one item go together.
   */
  readonly groups: ReadonlySet<string>;
  /** The noun the item's prompt asked for ("city", "country"), or "". */
  readonly noun: string;
}

/** Every value of every kind the candidate facts know, by kind. */
export type Pools = ReadonlyMap<AnswerKind, readonly PoolValue[]>;

/** A normal form for "is this the same text": folded, punctuation as spaces. */
export function textKey(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether `outer`'s words hold `inner`'s, in order: "Leonid Brezhnev" holds "Brezhnev". */
function holds(outer: string, inner: string): boolean {
  const i = textKey(inner);
  return i !== '' && ` ${textKey(outer)} `.includes(` ${i} `);
}

type NameKind = 'person' | 'place' | 'organisation';
const NAME_KINDS: ReadonlySet<string> = new Set<NameKind>(['person', 'place', 'organisation']);
const isNameKind = (kind: string | undefined): kind is NameKind =>
  kind !== undefined && NAME_KINDS.has(kind);

/**
 * Gathers the values the facts know, kind by kind: the answers and distractors of trivia items
 * (a shaped answer, a date, year or amount, says its kind; otherwise the item's prompt must ask
 * for a person, place or organisation), every date, year and amount written in an answer, and
 * the people, places and organisations of answers whose question asks for them.
 */
export function buildPools(facts: readonly Fact[]): Pools {
  type Entry = { value: KindValue; factIds: Set<string>; groups: Set<string>; noun: string };
  const pools = new Map<AnswerKind, Map<string, Entry>>();
  const add = (value: KindValue | undefined, factId: string, group: string, noun = '') => {
    if (!value) return;
    const byKey = pools.get(value.kind) ?? new Map<string, Entry>();
    pools.set(value.kind, byKey);
    const key = textKey(value.text);
    const known = byKey.get(key) ?? { value, factIds: new Set(), groups: new Set(), noun };
    known.factIds.add(factId);
    known.groups.add(group);
    byKey.set(key, known);
  };
  for (const fact of facts) {
    fact.trivia.forEach((item, i) => {
      const asked = askedKind(item.prompt);
      const nameKind = isNameKind(asked?.kind) ? asked?.kind : undefined;
      const kind: AnswerKind | undefined = shapeOf(item.answer) ?? nameKind;
      if (kind === undefined) return;
      const group = `${fact.id}#${i}`;
      const noun = nameKind ? (asked?.noun ?? '') : '';
      add(readWholeValue(item.answer, kind), fact.id, group, noun);
      for (const d of item.distractors) add(readWholeValue(d, kind), fact.id, group, noun);
    });
    for (const kind of ['date', 'year', 'amount'] as const) {
      for (const value of findValues(fact.answer, kind)) add(value, fact.id, fact.id);
    }
    const asked = askedKind(fact.question);
    if (asked && isNameKind(asked.kind)) {
      for (const value of findValues(fact.answer, asked.kind)) {
        if (!questionGivesAway(fact.question, value)) add(value, fact.id, fact.id, asked.noun);
      }
    }
  }
  return new Map([...pools].map(([kind, byKey]) => [kind, [...byKey.values()]]));
}

/** A generated answer: one value, or a list of people or organisations ("A and B"). */
interface Answer {
  readonly kind: AnswerKind;
  readonly text: string;
  readonly parts: readonly KindValue[];
  /** The noun the prompt asked for ("city"), or "". */
  readonly noun: string;
}

const joinList = (texts: readonly string[]) =>
  texts.length <= 1 ? (texts[0] ?? '') : `${texts.slice(0, -1).join(', ')} and ${texts.at(-1)}`;

/**
 * The value that answers `prompt` in the fact's answer, when there is exactly one: a question
 * asking "when" gets the one full date, or else the one year; a question asking for several
 * people or organisations gets two or three joined. Values the prompt itself names are no
 * answer to it. When several values are left, one the fact's keywords name wins.
 */
function answerFor(fact: Fact, prompt: string, asked: Asked): Answer | undefined {
  const fresh = (values: KindValue[]) => values.filter((v) => !questionGivesAway(prompt, v));
  const pick = (kind: AnswerKind, values: KindValue[]): Answer | undefined => {
    const noun = asked.noun;
    if (values.length === 1) return { kind, text: values[0]!.text, parts: values, noun };
    if (values.length === 0) return undefined;
    const listable = kind === 'person' || kind === 'organisation';
    if (listable && asked.plural && values.length <= MAX_LIST) {
      return { kind, text: joinList(values.map((v) => v.text)), parts: values, noun };
    }
    const named = values.filter((v) => fact.keywords.some((k) => textKey(k) === textKey(v.text)));
    return named.length === 1 ? { kind, text: named[0]!.text, parts: named, noun } : undefined;
  };
  switch (asked.kind) {
    case 'time': {
      const years = fresh(findValues(fact.answer, 'year'));
      if (countDateMentions(fact.answer) === 0) return pick('year', years);
      // Another date, a part of one ("from 2 March until 5 March 1972") or a year beside the
      // date leaves unclear which the question wants.
      const dates = fresh(findValues(fact.answer, 'date'));
      const only =
        countDateMentions(fact.answer) === 1 && years.length === 0 ? dates[0] : undefined;
      return only ? { kind: 'date', text: only.text, parts: [only], noun: '' } : undefined;
    }
    case 'amount':
      return pick('amount', fresh(findValues(fact.answer, 'amount', true)));
    default:
      return pick(asked.kind, fresh(findValues(fact.answer, asked.kind)));
  }
}

/** Variants of a date, year or amount, for a pool that has too few of its own. */
function variantsOf(value: KindValue): string[] {
  switch (value.kind) {
    case 'year':
      return [-10, -5, -3, -2, -1, 1, 2, 3, 5, 10].map((d) => String(value.year + d));
    case 'date': {
      const { day, month, year } = value.date;
      const shifted = [
        { day, month, year: year - 1 },
        { day, month, year: year + 1 },
        { day, month, year: year - 2 },
        { day, month, year: year + 2 },
        { day, month: month - 1, year },
        { day, month: month + 1, year },
        ...(day === null ? [] : [-7, -3, 3, 7, 10].map((d) => ({ day: day + d, month, year }))),
      ];
      return shifted.filter(isRealDate).map((d) => formatDate(d, value.style));
    }
    case 'amount':
      return [0.5, 2, 1.5, 3, 0.75, 4, 0.25].map((f) =>
        formatAmount(value.amount, value.amount.figure * f),
      );
    default:
      return [];
  }
}

/** A value's place on its own scale, to find the pool's closest to the answer. */
function magnitudeOf(value: KindValue): number {
  if (value.kind === 'year') return value.year;
  if (value.kind === 'date') return dateOrdinal(value.date);
  if (value.kind === 'amount') return Math.log10(Math.max(value.amount.magnitude, 1e-9));
  return 0;
}

/** The pool's values of the answer's kind from other facts, written as the answer is. */
function poolTexts(answer: Answer, factId: string, pools: Pools, random: Random): string[] {
  const others = (pools.get(answer.kind) ?? []).filter((p) => !p.factIds.has(factId));
  const single = answer.parts.length === 1 ? answer.parts[0]! : undefined;
  if (single && !NAME_KINDS.has(single.kind)) {
    const target = magnitudeOf(single);
    const alike = others.flatMap(({ value }): { text: string; at: number }[] => {
      if (single.kind === 'date' && value.kind === 'date') {
        // Options show the same precision, written alike: none stands out.
        const date = single.date.day === null ? { ...value.date, day: null } : value.date;
        if (single.date.day !== null && value.date.day === null) return [];
        return [{ text: formatDate(date, single.style), at: dateOrdinal(date) }];
      }
      if (single.kind === 'amount' && value.kind === 'amount') {
        return value.amount.signature === single.amount.signature
          ? [{ text: value.text, at: magnitudeOf(value) }]
          : [];
      }
      return single.kind === value.kind ? [{ text: value.text, at: magnitudeOf(value) }] : [];
    });
    alike.sort((a, b) => Math.abs(a.at - target) - Math.abs(b.at - target));
    const nearest = shuffle(
      alike.slice(0, NEAREST).map((a) => a.text),
      random,
    );
    return [...nearest, ...shuffle(variantsOf(single), random)];
  }
  return nameTexts(answer, others, pools.get(answer.kind) ?? [], random);
}

/**
 * People, places and organisations, siblings first: values met together with the answer (the
 * other options of an item whose answer it is, as the Soviet leaders of the Kosygin item are for
 * a question on Brezhnev), then the rest. A place asked for by a noun ("which city") is offered
 * places asked for by the same noun or by none, never a country for a city. A list answer gets
 * lists as long, each from one group where it can.
 */
function nameTexts(
  answer: Answer,
  others: readonly PoolValue[],
  all: readonly PoolValue[],
  random: Random,
): string[] {
  const partKeys = new Set(answer.parts.map((p) => textKey(p.text)));
  const siblingGroups = new Set(
    all.filter((p) => partKeys.has(textKey(p.value.text))).flatMap((p) => [...p.groups]),
  );
  const fits = others.filter(
    (p) => answer.kind !== 'place' || answer.noun === '' || p.noun === '' || p.noun === answer.noun,
  );
  const isSibling = (p: PoolValue) => [...p.groups].some((g) => siblingGroups.has(g));
  const byGroup = new Map<string, string[]>();
  for (const p of shuffle(fits, random)) {
    const group = isSibling(p) ? 'sibling' : [...p.groups][0]!;
    byGroup.set(group, [...(byGroup.get(group) ?? []), p.value.text]);
  }
  const siblings = byGroup.get('sibling') ?? [];
  byGroup.delete('sibling');
  const rest = shuffle([...byGroup.values()], random).flat();
  const names = [...siblings, ...rest];
  const size = answer.parts.length;
  if (size <= 1) return names;
  const lists: string[] = [];
  for (let i = 0; i + size <= names.length; i += size) {
    lists.push(joinList(names.slice(i, i + size)));
  }
  return lists;
}

/**
 * Three distractors for `answer`, each judged `wrong` by the checker against the answer (and
 * the answer against it), neither holding the other's words, and all three distinct by the same
 * test; fewer when the pool and the variants run out.
 */
export function chooseDistractors(
  answer: { readonly text: string; readonly accept: readonly string[] },
  candidates: readonly string[],
  language: CheckLanguage,
): string[] {
  const wrong = (right: string, accept: readonly string[], given: string) =>
    checkAnswer({ answer: right, accept }, given, language).verdict === 'wrong';
  const apart = (a: string, b: string) =>
    textKey(a) !== textKey(b) && !holds(a, b) && !holds(b, a) && wrong(a, [], b) && wrong(b, [], a);
  const chosen: string[] = [];
  for (const candidate of candidates) {
    if (chosen.length === DISTRACTORS) break;
    if (textKey(candidate) === '') continue;
    if (!wrong(answer.text, answer.accept, candidate) || !apart(answer.text, candidate)) continue;
    if (chosen.every((c) => apart(c, candidate))) chosen.push(candidate);
  }
  return chosen;
}

/** A question generated for a fact. */
export interface GeneratedQuestion {
  readonly prompt: string;
  readonly answer: string;
  readonly kind: AnswerKind;
  /** Three distractors in choice mode; `null` in open mode. */
  readonly distractors: readonly string[] | null;
}

const COMPOUND = /\b(?:and|or)\s+(?:why|how|what|who|where|when|which)\b/iu;

/** "how much did it cost" → "How much did it cost?": alternates are often typed as chat. */
function asPrompt(phrasing: string): string {
  const text = phrasing.trim();
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[?.!]$/u.test(capitalised) ? capitalised : `${capitalised}?`;
}

/**
 * A question for a fact without trivia items, or `undefined` when its answer has no clear kind:
 * the fact's question, else the first written-out alternate phrasing (capitalised, not chat)
 * that asks for a kind its answer clearly holds and for nothing more, and in choice mode three
 * distractors of the same kind from the other facts (with variants of a date, year or amount
 * when they have too few).
 */
export function generateQuestion(
  fact: Fact,
  mode: GameMode,
  context: { readonly pools: Pools; readonly language: CheckLanguage; readonly random: Random },
): GeneratedQuestion | undefined {
  // Alternates typed as chat ("where did zab go in russia") would make sloppy prompts.
  const written = fact.alternates.filter((a) => /^\p{Lu}/u.test(a));
  for (const phrasing of [fact.question, ...written]) {
    const asked = askedKind(phrasing);
    // "When did he return, and why?" asks for more than the value.
    if (!asked || COMPOUND.test(phrasing)) continue;
    const answer = answerFor(fact, phrasing, asked);
    if (!answer) continue;
    const prompt = asPrompt(phrasing);
    if (mode === 'open')
      return { prompt, answer: answer.text, kind: answer.kind, distractors: null };
    const candidates = poolTexts(answer, fact.id, context.pools, context.random);
    const distractors = chooseDistractors(
      { text: answer.text, accept: [] },
      candidates,
      context.language,
    );
    if (distractors.length === DISTRACTORS) {
      return { prompt, answer: answer.text, kind: answer.kind, distractors };
    }
  }
  return undefined;
}
