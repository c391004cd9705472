/**
 * Which mention lies under a (text node, offset) caret position: per node a list of intervals
 * sorted by start. Hit testing asks this on pointer moves, so it must be cheap (a map lookup and
 * a short scan) and must never touch layout. Generic over node and value so it is unit-tested
 * without a DOM.
 */
export interface Interval<V> {
  start: number;
  /** Exclusive. */
  end: number;
  value: V;
}

export class IntervalIndex<K, V> {
  private readonly byKey = new Map<K, Interval<V>[]>();

  add(key: K, interval: Interval<V>): void {
    const list = this.byKey.get(key);
    if (!list) {
      this.byKey.set(key, [interval]);
      return;
    }
    // Mentions usually arrive in document order, so this is an append in practice.
    let at = list.length;
    while (at > 0 && (list[at - 1]?.start ?? 0) > interval.start) at--;
    list.splice(at, 0, interval);
  }

  /** Removes every interval of `value` stored under `key`. */
  remove(key: K, value: V): void {
    const list = this.byKey.get(key);
    if (!list) return;
    const kept = list.filter((interval) => interval.value !== value);
    if (kept.length === 0) this.byKey.delete(key);
    else this.byKey.set(key, kept);
  }

  /**
   * The value whose interval touches the caret `offset`. A caret sits between characters, so a
   * pointer over the last character of a mention reports offset === end: both boundaries count
   * (the caller confirms with the mention's geometry).
   */
  at(key: K, offset: number): V | undefined {
    const list = this.byKey.get(key);
    if (!list) return undefined;
    for (const interval of list) {
      if (interval.start > offset) break;
      if (offset <= interval.end) return interval.value;
    }
    return undefined;
  }

  clear(): void {
    this.byKey.clear();
  }

  get size(): number {
    return this.byKey.size;
  }
}
