/**
 * Ring: a bounded FIFO that keeps the newest `capacity` items. Backs the log buffer and the
 * call-quality timeline, so the support bundle never grows without limit.
 */

export interface Ring<T> {
  readonly capacity: number;
  /** Number of items held (≤ capacity). */
  readonly size: number;
  /** Items evicted since creation or the last clear(). */
  readonly dropped: number;
  push(item: T): void;
  /** Oldest first. */
  toArray(): T[];
  last(): T | undefined;
  clear(): void;
}

export function createRing<T>(capacity: number): Ring<T> {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`ring capacity must be a positive integer, got ${String(capacity)}`);
  }
  let items: (T | undefined)[] = new Array<T | undefined>(capacity);
  let start = 0;
  let size = 0;
  let dropped = 0;

  return {
    capacity,
    get size() {
      return size;
    },
    get dropped() {
      return dropped;
    },
    push(item) {
      if (size < capacity) {
        items[(start + size) % capacity] = item;
        size += 1;
        return;
      }
      items[start] = item;
      start = (start + 1) % capacity;
      dropped += 1;
    },
    toArray() {
      const out: T[] = [];
      for (let i = 0; i < size; i += 1) {
        out.push(items[(start + i) % capacity] as T);
      }
      return out;
    },
    last() {
      return size === 0 ? undefined : items[(start + size - 1) % capacity];
    },
    clear() {
      items = new Array<T | undefined>(capacity);
      start = 0;
      size = 0;
      dropped = 0;
    },
  };
}
