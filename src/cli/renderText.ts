import { styleText } from 'node:util';
import { MAX_QUESTION_LENGTH } from '../engine/normalize.js';
import type { AskResult, Candidate, FactRef } from '../engine/types.js';
import type { Fact, Pack } from '../knowledge/schema.js';

type Style = Parameters<typeof styleText>[0];

/** Colours for a terminal; identity when the output is piped. */
export interface Paint {
  (style: Style, text: string): string;
}

export const plain: Paint = (_style, text) => text;
export const colour: Paint = (style, text) => styleText(style, text);

/** A result rendered for the console: the text, and the numbered choices it offers. */
export interface TextReply {
  readonly text: string;
  /** What typing 1, 2, 3… picks, in order. */
  readonly choices: readonly FactRef[];
}

/** Where a fact comes from: publisher, title, section and paragraph, and the address. */
export function citationLines(fact: Fact, pack: Pack, paint: Paint): string[] {
  const source = pack.sources.find((s) => s.id === fact.source.id);
  if (!source)
    return [
      `Source: ${fact.source.id}, ${fact.source.section}, paragraph ${fact.source.paragraph}`,
    ];
  return [
    `Source: ${source.publisher}, "${source.title}", ${fact.source.section}, paragraph ${fact.source.paragraph}`,
    `        ${paint('underline', source.url)}`,
  ];
}

function numbered(refs: readonly FactRef[], paint: Paint): string[] {
  return refs.map((ref, i) => `  ${paint('cyan', `${i + 1}.`)} ${ref.question}`);
}

/** How {@link renderText} adapts to where its text is shown. */
export interface RenderTextOptions {
  /**
   * End a decline with "Type /topics to see what I know." (the default). Only the console has a
   * `/topics` command: `ask` turns this off.
   */
  readonly topicsHint?: boolean;
}

/** Renders one engine result as the console shows it (and `ask` prints it). Pure. */
export function renderText(
  result: AskResult,
  paint: Paint = plain,
  options: RenderTextOptions = {},
): TextReply {
  const lines: string[] = [];
  if (result.truncated) {
    lines.push(
      paint(
        'dim',
        `(Your question was longer than ${MAX_QUESTION_LENGTH} characters; I read the first ${MAX_QUESTION_LENGTH}.)`,
      ),
    );
  }
  switch (result.status) {
    case 'answered': {
      lines.push(paint('bold', result.fact.question), result.fact.answer, '');
      lines.push(...citationLines(result.fact, result.pack, paint).map((l) => paint('dim', l)));
      const note = result.viaContext ? ', following on from the last answer' : '';
      lines.push(
        paint(
          'dim',
          `Confidence ${Math.round(result.confidence * 100)}%${note} · ${result.pack.title}`,
        ),
      );
      if (result.followUps.length > 0) {
        lines.push('', 'Follow up:', ...numbered(result.followUps, paint));
      }
      return { text: lines.join('\n'), choices: result.followUps };
    }
    case 'ambiguous':
      lines.push(
        paint('yellow', 'I am not sure which you mean. Did you mean:'),
        ...numbered(result.candidates, paint),
      );
      lines.push(paint('dim', 'Type a number to pick one, or ask another way.'));
      return { text: lines.join('\n'), choices: result.candidates };
    case 'no-match': {
      if (result.rejected === 'empty') {
        lines.push('Ask me a question, for example:');
      } else if (result.rejected === 'no-words') {
        lines.push('I could not find any words in that. Try asking in words, for example:');
      } else if (result.rejected === 'no-subject') {
        lines.push('That does not say what to look up. Ask about something, for example:');
      } else if (result.rejected === 'thanks') {
        lines.push("You're welcome! Ask me anything else, for example:");
      } else if (result.rejected === 'greeting') {
        lines.push('Hello! Ask me a question, for example:');
      } else if (result.rejected === 'help') {
        lines.push(
          'Ask me a question in your own words, typos and all (/help lists the commands), for example:',
        );
      } else {
        lines.push(paint('red', 'My knowledge packs do not cover that, so I will not guess.'));
        if (result.suggestions.length > 0) lines.push('I can answer questions like:');
      }
      lines.push(...numbered(result.suggestions, paint));
      if (options.topicsHint ?? true) lines.push(paint('dim', 'Type /topics to see what I know.'));
      return { text: lines.join('\n'), choices: result.suggestions };
    }
  }
}

/** The public JSON shape of a result, for `ask --json` and `--jsonl`. */
export interface JsonResult {
  readonly question: string;
  readonly status: AskResult['status'];
  readonly answer: string | null;
  readonly factId: string | null;
  readonly confidence: number;
  readonly source: {
    readonly title: string;
    readonly publisher: string;
    readonly url: string;
    readonly section: string;
    readonly paragraph: number;
  } | null;
  readonly followUps: readonly { readonly factId: string; readonly question: string }[];
  /** The close facts of a "did you mean" (empty otherwise). */
  readonly candidates: readonly JsonCandidate[];
  /** The near misses, or key questions, a decline offers instead (empty otherwise). */
  readonly suggestions: readonly JsonCandidate[];
}

interface JsonCandidate {
  readonly factId: string;
  readonly question: string;
  readonly confidence: number;
}

/** Maps a result to the public JSON contract. `question` is the question as it was asked. */
export function toJson(question: string, result: AskResult): JsonResult {
  const refs = (list: readonly FactRef[]) =>
    list.map(({ factId, question: q }) => ({ factId, question: q }));
  if (result.status === 'answered') {
    const source = result.pack.sources.find((s) => s.id === result.fact.source.id);
    return {
      question,
      status: 'answered',
      answer: result.fact.answer,
      factId: result.fact.id,
      confidence: result.confidence,
      source: source
        ? {
            title: source.title,
            publisher: source.publisher,
            url: source.url,
            section: result.fact.source.section,
            paragraph: result.fact.source.paragraph,
          }
        : null,
      followUps: refs(result.followUps),
      candidates: [],
      suggestions: [],
    };
  }
  const choices = (list: readonly Candidate[]) =>
    list.map(({ factId, question: q, confidence }) => ({ factId, question: q, confidence }));
  return {
    question,
    status: result.status,
    answer: null,
    factId: null,
    confidence: result.confidence,
    source: null,
    followUps: [],
    candidates: result.status === 'ambiguous' ? choices(result.candidates) : [],
    suggestions: result.status === 'no-match' ? choices(result.suggestions) : [],
  };
}
