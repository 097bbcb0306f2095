/**
 * Work done in steps: a generator that yields between pieces of work, none of them long, and
 * returns its result. The engine never waits or schedules anything itself; a shell that must
 * keep serving while a large index is built runs the steps a few milliseconds at a time and lets
 * its event loop run between them (`src/discord/reload.ts`), and everything else runs them
 * straight through with {@link finish}.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end, at once, and returns what they make. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** How many items (facts, words, rows) a loop handles between two steps. */
export const ITEMS_PER_STEP = 64;

/** True every {@link ITEMS_PER_STEP}th item: where a loop over items yields. */
export const stepDue = (item: number): boolean => item % ITEMS_PER_STEP === ITEMS_PER_STEP - 1;
