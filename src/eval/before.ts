import * as z from '../zod.js';
import type { Verdict } from './evaluate.js';

const verdictRecord = z.object({
  status: z.enum(['answered', 'ambiguous', 'no-match']),
  factId: z.optional(z.string()),
  candidates: z.optional(z.array(z.string())),
});

/**
 * The verdicts of an earlier engine on the evaluation sets, recorded once by running it over
 * every question (`test/eval/before.json`): the figures it is compared with. Questions it was
 * never asked are left out of its scores.
 */
export const recordedRunSchema = z.object({
  /** The commit of the engine that answered. */
  commit: z.string(),
  /** Set file → question text → verdict. */
  sets: z.record(z.string(), z.record(z.string(), verdictRecord)),
});

export type RecordedRun = z.infer<typeof recordedRunSchema>;

/** The recorded verdict on one question of a set, if the run was asked it. */
export function recordedVerdict(
  run: RecordedRun,
  file: string,
): (question: string) => Verdict | undefined {
  const answers = run.sets[file];
  return (question) => {
    const found = answers?.[question];
    if (!found) return undefined;
    return {
      status: found.status,
      factId: found.status === 'answered' ? (found.factId ?? null) : null,
      candidates: found.candidates ?? [],
    };
  };
}
