import { parse } from 'yaml';
import { z } from 'zod';

export const evalQuestionSchema = z
  .object({
    q: z.string(),
    expect: z.string().min(1),
    kind: z.enum([
      'direct',
      'paraphrase',
      'chat',
      'typo',
      'keyword',
      'near-miss',
      'off-topic',
      'chit-chat',
      'garbage',
    ]),
  })
  .strict();

export const evalSetSchema = z.object({ questions: z.array(evalQuestionSchema).min(1) }).strict();

export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

/** `expect: decline` marks a question the packs must not answer. */
export const DECLINE = 'decline';

/** Parses an evaluation set (YAML text). Throws with the zod issues when it is malformed. */
export function parseEvalSet(text: string): EvalQuestion[] {
  return evalSetSchema.parse(parse(text)).questions;
}
