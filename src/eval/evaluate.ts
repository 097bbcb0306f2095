import { DECLINE, type EvalQuestion } from './questions.js';

/** What a system under evaluation said about one question. */
export interface Verdict {
  readonly status: 'answered' | 'ambiguous' | 'no-match';
  readonly factId: string | null;
  /** Candidate fact ids when the system asked "did you mean". */
  readonly candidates: readonly string[];
}

export interface Scores {
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

/** Scores a system's verdicts over an evaluation set. */
export function score(questions: readonly EvalQuestion[], ask: (q: string) => Verdict): Scores {
  let answerable = 0;
  let answeredCorrectly = 0;
  let offeredCorrectly = 0;
  let declinedCorrectly = 0;
  let wrongAnswers = 0;
  const misses: { question: EvalQuestion; verdict: Verdict }[] = [];
  for (const question of questions) {
    const verdict = ask(question.q);
    if (question.expect === DECLINE) {
      if (verdict.status === 'no-match') declinedCorrectly += 1;
      else misses.push({ question, verdict });
      if (verdict.status === 'answered') wrongAnswers += 1;
      continue;
    }
    answerable += 1;
    if (verdict.status === 'answered' && verdict.factId === question.expect) {
      answeredCorrectly += 1;
      continue;
    }
    misses.push({ question, verdict });
    if (verdict.status === 'answered') wrongAnswers += 1;
    if (verdict.status === 'ambiguous' && verdict.candidates.includes(question.expect)) {
      offeredCorrectly += 1;
    }
  }
  const unanswerable = questions.length - answerable;
  const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return {
    answerable,
    unanswerable,
    answeredCorrectly,
    offeredCorrectly,
    declinedCorrectly,
    wrongAnswers,
    answeredAccuracy: ratio(answeredCorrectly, answerable),
    declineAccuracy: ratio(declinedCorrectly, unanswerable),
    wrongAnswerRate: ratio(wrongAnswers, questions.length),
    misses,
  };
}
