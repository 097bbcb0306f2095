/**
 * The optimal-string-alignment distance between `a` and `b`, counted in code points: insertions,
 * deletions, substitutions, and swaps of two neighbouring letters ("kosgyin"), each one edit.
 * Returns `max + 1` as soon as the distance is known to exceed `max`: callers only ask whether
 * two words are within a typo or two, so a row whose every cell is past `max` ends the work
 * (no later cell can come back under it, a swap included).
 */
export function editDistance(a: string, b: string, max: number): number {
  const s = Array.from(a);
  const t = Array.from(b);
  const over = max + 1;
  if (Math.abs(s.length - t.length) > max) return over;
  if (s.length === 0 || t.length === 0) return Math.min(Math.max(s.length, t.length), over);
  let twoBack = new Array<number>(t.length + 1).fill(0);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  let current = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= t.length; j += 1) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        d = Math.min(d, twoBack[j - 2]! + 1);
      }
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return over;
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return Math.min(previous[t.length]!, over);
}
