import { parse } from 'yaml';
import * as z from '../zod.js';

/** The kinds of question a set holds, for reading its figures by kind. */
export const QUESTION_KINDS = [
  'direct',
  'paraphrase',
  'chat',
  'typo',
  'shorthand',
  'role',
  'detail',
  'keyword',
  'near-miss',
  'off-topic',
  'chit-chat',
  'garbage',
] as const;

/** `expect: decline` marks a question the packs must not answer. */
export const DECLINE = 'decline';

const nonEmptyString = z.string().check(z.minLength(1));
const factIdList = z.array(nonEmptyString).check(z.minLength(1));

export const evalQuestionSchema = z.strictObject({
  q: z.string(),
  /**
   * The fact that answers the question, a list of facts that answer it equally well, or
   * `decline`.
   */
  expect: z.union([nonEmptyString, factIdList]),
  kind: z.enum(QUESTION_KINDS),
});

export const evalSetSchema = z.strictObject({
  /** The folder of packs the set is asked against, from the project's root: `knowledge` when absent. */
  knowledge: z.optional(nonEmptyString),
  /**
   * A blind set: written before anyone looked at the engine's answers to it, scored once, and
   * from then on only a gate. Its misses are never listed.
   */
  blind: z.optional(z.boolean()),
  questions: z.array(evalQuestionSchema).check(z.minLength(1)),
});

export type EvalQuestion = z.infer<typeof evalQuestionSchema>;
export type EvalSet = z.infer<typeof evalSetSchema>;

/** The facts that answer a question, or an empty list for a question to decline. */
export function expectedFacts(question: EvalQuestion): readonly string[] {
  if (typeof question.expect !== 'string') return question.expect;
  return question.expect === DECLINE ? [] : [question.expect];
}

/** Parses an evaluation set (YAML text). Throws with the zod issues when it is malformed. */
export function parseEvalSet(text: string): EvalSet {
  return evalSetSchema.parse(parse(text));
}
