import { TRIVIA_RULES } from './rules.js';
import type { PlayerScore, Standing } from './types.js';

/**
 * Points for a correct answer given at `answeredAt` to a question open from `askedAt` to
 * `deadline`: `TRIVIA_RULES.pointsForCorrect` plus a speed bonus linear in the time left,
 * rounded to a whole number (the store keeps whole points): `round(maxSpeedBonus × left /
 * allowed)`. With the defaults, 2 points with at least half the time left, 1 after. Times
 * outside the question's window are clamped, so a clock that jumps never gives more than the
 * maximum or less than the base.
 */
export function pointsFor(answeredAt: number, askedAt: number, deadline: number): number {
  const allowed = Math.max(deadline - askedAt, 1);
  const left = Math.min(Math.max(deadline - answeredAt, 0), allowed);
  return TRIVIA_RULES.pointsForCorrect + Math.round((TRIVIA_RULES.maxSpeedBonus * left) / allowed);
}

/**
 * Orders players for the standings, so the order never depends on arrival: more points first,
 * then more correct answers, then whoever reached their points first, then user id.
 */
export function compareScores(a: PlayerScore, b: PlayerScore): number {
  return (
    b.points - a.points ||
    b.correct - a.correct ||
    a.reachedAt - b.reachedAt ||
    (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)
  );
}

/** The standings: every player ranked by `compareScores`, ranks 1, 2, 3… (no shared ranks). */
export function standingsOf(scores: readonly PlayerScore[]): Standing[] {
  return [...scores].sort(compareScores).map((s, i) => ({
    rank: i + 1,
    userId: s.userId,
    displayName: s.displayName,
    points: s.points,
    correct: s.correct,
    answered: s.answered,
  }));
}
