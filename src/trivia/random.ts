/**
 * Seeded randomness for trivia: `src/trivia` never calls `Math.random`, so a game is dealt
 * from a generator its caller passes in, and the same seed deals the same game on every machine.
 */

/** A source of numbers in [0, 1), like `Math.random`, but passed in. */
export type Random = () => number;

/**
 * mulberry32: a small seeded 32-bit generator, the same sequence for the same seed everywhere.
 * A copy of the engine's (`src/engine/order.ts`), kept here so the game rules do not depend on
 * the engine's internals while the engine changes.
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, `below`), drawn from `random`. */
export function randomIndex(below: number, random: Random): number {
  // A generator that breaks its contract (1, NaN) still yields a valid index.
  const drawn = Math.floor(random() * below);
  return Number.isFinite(drawn) ? Math.min(Math.max(drawn, 0), below - 1) : 0;
}

/** A shuffled copy of `items` (Fisher–Yates); `items` is left as it is. */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = randomIndex(i + 1, random);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
