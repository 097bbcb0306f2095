/**
 * Orderings the index build needs over hundreds of thousands of items, without a comparison
 * callback per pair (at 100,000 facts a callback sort of the phrasings' texts alone takes most
 * of a second), the binary search over what they sort, and the seeded generator the engine and
 * the benchmark share.
 */

/** The positions 0…n-1 in order. */
function positions(n: number): Int32Array<ArrayBuffer> {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

/**
 * Sorts `items` from `from` up to `to` in place, ascending: an insertion sort, for the short
 * lists (a fact's few dozen term ids) where it beats any other.
 */
export function sortSmall(items: Int32Array | number[], from = 0, to = items.length): void {
  for (let i = from + 1; i < to; i++) {
    const item = items[i]!;
    let j = i - 1;
    for (; j >= from && items[j]! > item; j--) items[j + 1] = items[j]!;
    items[j + 1] = item;
  }
}

/** Positions 0…n-1 ordered by `keys` (unsigned 32-bit), ties in position order: a radix sort. */
export function orderByKey(keys: Uint32Array): Int32Array {
  let order = positions(keys.length);
  let spare = new Int32Array(keys.length);
  for (const shift of [0, 16]) {
    const count = new Int32Array(0x10001);
    for (let k = 0; k < order.length; k++) count[((keys[order[k]!]! >>> shift) & 0xffff) + 1]! += 1;
    for (let d = 0; d < 0x10000; d++) count[d + 1]! += count[d]!;
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      spare[count[(keys[i]! >>> shift) & 0xffff]!++] = i;
    }
    [order, spare] = [spare, order];
  }
  return order;
}

/** Below this many items a range is finished by insertion sort. */
const SMALL_RANGE = 12;

/** Lists of non-negative numbers stored back to back: list `i` is `items[start[i]]` up to `items[start[i + 1]]`. */
export interface ListsToOrder {
  readonly start: Int32Array;
  readonly items: Int32Array;
}

/**
 * Positions 0…n-1 of the lists ordered by their items, compared one by one (a list that ends
 * sorts before every list it begins), ties in position order. A three-way radix quicksort
 * (Bentley and Sedgewick's multikey quicksort): each level partitions on one item, so lists that
 * share a long beginning are not compared from their first item again and again, and no
 * comparison callback runs per pair.
 */
export function orderByLists(lists: ListsToOrder): Int32Array {
  const { start, items } = lists;
  const order = positions(start.length - 1);
  /** The item at `depth`, or -1 past the end (a shorter list sorts first). */
  const itemAt = (i: number, depth: number): number => {
    const at = start[i]! + depth;
    return at < start[i + 1]! ? items[at]! : -1;
  };
  /** True when list `a` sorts before list `b`, both known equal before `depth`. */
  const before = (a: number, b: number, depth: number): boolean => {
    for (let d = depth; ; d++) {
      const x = itemAt(a, d);
      const y = itemAt(b, d);
      if (x !== y) return x < y;
      if (x < 0) return a < b;
    }
  };

  // Ranges still to sort, [from, to) known equal before `depth`, kept on a stack rather than
  // in recursion so that long shared beginnings cannot overflow the call stack.
  const stack: number[] = [0, order.length, 0];
  while (stack.length > 0) {
    const depth = stack.pop()!;
    const to = stack.pop()!;
    const from = stack.pop()!;
    if (to - from < SMALL_RANGE) {
      for (let i = from + 1; i < to; i++) {
        const item = order[i]!;
        let j = i - 1;
        for (; j >= from && before(item, order[j]!, depth); j--) order[j + 1] = order[j]!;
        order[j + 1] = item;
      }
      continue;
    }
    const pivot = itemAt(order[from + ((to - from) >>> 1)]!, depth);
    // Three-way partition: [from, lt) below the pivot, [lt, gt) equal to it, [gt, to) above.
    let lt = from;
    let gt = to;
    let i = from;
    while (i < gt) {
      const item = order[i]!;
      const value = itemAt(item, depth);
      if (value < pivot) {
        order[i++] = order[lt]!;
        order[lt++] = item;
      } else if (value > pivot) {
        order[i] = order[--gt]!;
        order[gt] = item;
      } else i++;
    }
    stack.push(from, lt, depth, gt, to, depth);
    // Lists that ended at this depth are equal: they keep position order.
    if (pivot < 0) order.subarray(lt, gt).sort();
    else stack.push(lt, gt, depth + 1);
  }
  return order;
}

/**
 * Positions 0…n-1 ordered by `texts` (by UTF-16 code units, as `<` compares strings), ties in
 * position order: {@link orderByLists} over their code units.
 */
export function orderByText(texts: readonly string[]): Int32Array {
  const start = new Int32Array(texts.length + 1);
  texts.forEach((text, i) => (start[i + 1] = start[i]! + text.length));
  const items = new Int32Array(start[texts.length]!);
  texts.forEach((text, i) => {
    for (let k = 0; k < text.length; k++) items[start[i]! + k] = text.charCodeAt(k);
  });
  return orderByLists({ start, items });
}

/**
 * The `k`-th largest of `values` (-Infinity when there are fewer than `k`): one pass keeping the
 * `k` largest so far in a min-heap, for picking the best few of thousands without sorting them.
 */
export function kthLargest(values: ArrayLike<number>, k: number): number {
  if (k <= 0 || values.length < k) return -Infinity;
  const heap = new Float64Array(k);
  let size = 0;
  for (let n = 0; n < values.length; n++) {
    const value = values[n]!;
    if (size < k) {
      // Sift up.
      let i = size++;
      while (i > 0 && heap[(i - 1) >> 1]! > value) {
        heap[i] = heap[(i - 1) >> 1]!;
        i = (i - 1) >> 1;
      }
      heap[i] = value;
    } else if (value > heap[0]!) {
      // Replace the least and sift down.
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= size) break;
        const child = left + 1 < size && heap[left + 1]! < heap[left]! ? left + 1 : left;
        if (heap[child]! >= value) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = value;
    }
  }
  return heap[0]!;
}

/** First position in the sorted `values` holding `value` or more: a binary search. */
export function lowerBound(values: Uint32Array, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * mulberry32: a small seeded 32-bit generator returning numbers in [0, 1), the same sequence
 * for the same seed on every machine.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
