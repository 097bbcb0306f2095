/**
 * Typo correction against the packs' own vocabulary, with a symmetric-delete index: every word
 * is stored under the strings left after deleting up to two of its letters, so a misspelt word
 * finds its candidates by a few map look-ups instead of a scan of the vocabulary. Candidates are
 * then confirmed with an edit distance that counts a swap of neighbours as one edit.
 */

/** How many edits a word of this length may be away from its correction. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return 2;
}

/** The strings left after deleting up to `depth` characters (including the word itself). */
function deletes(word: string, depth: number): Set<string> {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      if (w.length <= 1) continue;
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of adjacent
 * letters each cost one. Gives up early (returns `max + 1`) once the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prevPrev = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, prevPrev[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  return prev[n]!;
}

export interface SpellIndex {
  /** The closest known word within the allowed edits, or undefined when there is none. */
  correct(word: string): string | undefined;
  has(word: string): boolean;
}

/**
 * Builds a corrector over `frequencies` (word → how often the packs use it). Among equally close
 * words the more frequent wins, then the alphabetically first, so corrections are deterministic.
 */
export function buildSpellIndex(frequencies: ReadonlyMap<string, number>): SpellIndex {
  // Most deletion strings belong to one word: store that word alone and make a list only on a
  // collision, which keeps the map several times smaller on large vocabularies.
  const byDelete = new Map<string, string | string[]>();
  for (const word of frequencies.keys()) {
    const depth = allowedEdits(word.length + 2);
    if (depth === 0 || /\d/.test(word)) continue;
    for (const variant of deletes(word, depth)) {
      const entry = byDelete.get(variant);
      if (entry === undefined) byDelete.set(variant, word);
      else if (typeof entry === 'string') byDelete.set(variant, [entry, word]);
      else entry.push(word);
    }
  }

  return {
    has: (word) => frequencies.has(word),
    correct(word) {
      if (frequencies.has(word)) return word;
      const max = allowedEdits(word.length);
      if (max === 0 || /\d/.test(word)) return undefined;
      let best: string | undefined;
      let bestDistance = max + 1;
      let bestFrequency = -1;
      const seen = new Set<string>();
      for (const variant of deletes(word, max)) {
        const entry = byDelete.get(variant);
        if (entry === undefined) continue;
        for (const candidate of typeof entry === 'string' ? [entry] : entry) {
          if (seen.has(candidate)) continue;
          seen.add(candidate);
          const distance = editDistance(word, candidate, max);
          if (distance > max) continue;
          // Short words must keep their first letter ("bhuto" → "bhutto", never "mhutto"),
          // unless the first letter is all that is missing ("oscow" → "moscow").
          if (candidate[0] !== word[0] && word.length < 6 && candidate.slice(1) !== word) continue;
          const frequency = frequencies.get(candidate) ?? 0;
          if (
            distance < bestDistance ||
            (distance === bestDistance && frequency > bestFrequency) ||
            (distance === bestDistance &&
              frequency === bestFrequency &&
              best !== undefined &&
              candidate < best)
          ) {
            best = candidate;
            bestDistance = distance;
            bestFrequency = frequency;
          }
        }
      }
      return best;
    },
  };
}
