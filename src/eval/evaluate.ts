import { expectedFacts, type EvalQuestion } from './questions.js';

/** What a system under evaluation said about one question. */
export interface Verdict {
  readonly status: 'answered' | 'ambiguous' | 'no-match';
  readonly factId: string | null;
  /** Candidate fact ids when the system asked "did you mean". */
  readonly candidates: readonly string[];
}

export interface Scores {
  readonly questions: number;
  readonly answerable: number;
  readonly unanswerable: number;
  /** Answerable questions answered with the expected fact. */
  readonly answeredCorrectly: number;
  /** Answerable questions where "did you mean" offered the expected fact. */
  readonly offeredCorrectly: number;
  /** Unanswerable questions declined outright. */
  readonly declinedCorrectly: number;
  /** Questions answered with a fact that does not answer them (wrong fact, or any fact when none should). */
  readonly wrongAnswers: number;
  readonly answeredAccuracy: number;
  readonly declineAccuracy: number;
  readonly wrongAnswerRate: number;
  /** The questions each system got wrong, for a look. */
  readonly misses: readonly { question: EvalQuestion; verdict: Verdict }[];
}

/** The verdict of one question, judged against what it expects. */
export type Outcome = 'right' | 'offered' | 'declined' | 'missed' | 'wrong';

/** How a verdict fares against a question's expectation. */
export function outcomeOf(question: EvalQuestion, verdict: Verdict): Outcome {
  const expected = expectedFacts(question);
  if (expected.length === 0) {
    if (verdict.status === 'no-match') return 'declined';
    return verdict.status === 'answered' ? 'wrong' : 'missed';
  }
  if (verdict.status === 'answered') {
    return verdict.factId !== null && expected.includes(verdict.factId) ? 'right' : 'wrong';
  }
  if (verdict.status === 'ambiguous' && verdict.candidates.some((c) => expected.includes(c))) {
    return 'offered';
  }
  return 'missed';
}

/** Scores a system's verdicts over an evaluation set. */
export function score(
  questions: readonly EvalQuestion[],
  ask: (q: string) => Verdict | undefined,
): Scores {
  let answerable = 0;
  let answeredCorrectly = 0;
  let offeredCorrectly = 0;
  let declinedCorrectly = 0;
  let wrongAnswers = 0;
  let asked = 0;
  const misses: { question: EvalQuestion; verdict: Verdict }[] = [];
  for (const question of questions) {
    const verdict = ask(question.q);
    if (verdict === undefined) continue;
    asked += 1;
    const outcome = outcomeOf(question, verdict);
    if (expectedFacts(question).length > 0) answerable += 1;
    if (outcome === 'right') answeredCorrectly += 1;
    else if (outcome === 'declined') declinedCorrectly += 1;
    else misses.push({ question, verdict });
    if (outcome === 'offered') offeredCorrectly += 1;
    if (outcome === 'wrong') wrongAnswers += 1;
  }
  const unanswerable = asked - answerable;
  const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return {
    questions: asked,
    answerable,
    unanswerable,
    answeredCorrectly,
    offeredCorrectly,
    declinedCorrectly,
    wrongAnswers,
    answeredAccuracy: ratio(answeredCorrectly, answerable),
    declineAccuracy: ratio(declinedCorrectly, unanswerable),
    wrongAnswerRate: ratio(wrongAnswers, asked),
    misses,
  };
}
