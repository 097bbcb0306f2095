export interface WaitOptions {
  /** Only consider entries recorded at or after this mark (see `RecordLog.mark`). */
  since?: number;
  /** Defaults to 5000 ms. */
  timeoutMs?: number;
}

interface Waiter<T> {
  predicate: (item: T) => boolean;
  since: number;
  resolve: (item: T) => void;
  reject: (error: Error) => void;
}

/**
 * An append-only record of things that happened, with waiters. Entries keep their absolute
 * position, so a mark taken before an action still works after `clear()`.
 */
export class RecordLog<T> {
  private entries: { index: number; item: T }[] = [];
  private total = 0;
  private readonly waiters = new Set<Waiter<T>>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly noun: string,
    private readonly describe: (item: T) => string,
  ) {}

  get items(): T[] {
    return this.entries.map((entry) => entry.item);
  }

  /** The position the next entry will get; pass it as `since` to ignore everything before. */
  get mark(): number {
    return this.total;
  }

  push(item: T): void {
    const index = this.total;
    this.total += 1;
    this.entries.push({ index, item });
    for (const waiter of [...this.waiters]) {
      if (index >= waiter.since && waiter.predicate(item)) {
        this.waiters.delete(waiter);
        waiter.resolve(item);
      }
    }
  }

  clear(): void {
    this.entries = [];
  }

  find(predicate: (item: T) => boolean, since = 0): T | undefined {
    return this.entries.find((entry) => entry.index >= since && predicate(entry.item))?.item;
  }

  filter(predicate: (item: T) => boolean, since = 0): T[] {
    return this.entries
      .filter((entry) => entry.index >= since && predicate(entry.item))
      .map((entry) => entry.item);
  }

  waitFor(predicate: (item: T) => boolean, options: WaitOptions = {}): Promise<T> {
    const since = options.since ?? 0;
    const existing = this.find(predicate, since);
    if (existing !== undefined) return Promise.resolve(existing);
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.waiters.delete(waiter);
        const recent = this.entries
          .slice(-15)
          .map((entry) => `  #${entry.index} ${this.describe(entry.item)}`)
          .join('\n');
        reject(
          new Error(
            `No matching ${this.noun} within ${timeoutMs} ms (since #${since}). ` +
              `Recent ${this.noun}s:\n${recent || '  (none)'}`,
          ),
        );
      }, timeoutMs);
      const waiter: Waiter<T> = {
        predicate,
        since,
        resolve: (item) => {
          clearTimeout(timer);
          this.timers.delete(timer);
          resolve(item);
        },
        reject: (error) => {
          clearTimeout(timer);
          this.timers.delete(timer);
          reject(error);
        },
      };
      this.timers.add(timer);
      this.waiters.add(waiter);
    });
  }

  /** Rejects every pending waiter; used when the stand-in shuts down. */
  dispose(reason: string): void {
    for (const waiter of [...this.waiters]) waiter.reject(new Error(reason));
    this.waiters.clear();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
