/**
 * Phone-shaped text → dialable number (E.164), decided by the worker, so the number parser and
 * its metadata stay out of the page. The candidates a scan slice meets go to the worker in one
 * batch (after the slice); the answers are remembered, and the anchors that waited for them are
 * handed back to be read again. A failed batch is not retried: its anchors are read again when
 * their text changes.
 *
 *   lookup(candidates, anchor) ── all known ──▶ first dialable | null
 *                               └─ unknown ──▶ null now; batch ──▶ worker ──▶ retry([anchor])
 */
export type ResolveNumbers = (texts: string[]) => Promise<(string | null)[]>;

/** The worker takes at most this many texts per message. */
export const MAX_BATCH = 100;
export const MAX_REMEMBERED = 2000;

export interface NumberCacheOptions<A> {
  resolve: ResolveNumbers;
  /** Anchors whose candidates are now known. */
  retry: (anchors: A[]) => void;
  onError: (error: unknown) => void;
}

export function createNumberCache<A>(options: NumberCacheOptions<A>) {
  const known = new Map<string, string | null>();
  const pending = new Set<string>();
  const waiting = new Set<A>();
  let scheduled = false;

  function remember(texts: readonly string[], numbers: readonly (string | null)[]): void {
    if (known.size + texts.length > MAX_REMEMBERED) {
      known.clear();
    }
    texts.forEach((text, i) => known.set(text, numbers[i] ?? null));
  }

  async function ask(texts: string[]): Promise<void> {
    const numbers = await options.resolve(texts);
    remember(texts, numbers);
  }

  function flush(): void {
    scheduled = false;
    const texts = [...pending].slice(0, MAX_BATCH);
    texts.forEach((text) => pending.delete(text));
    const anchors = pending.size === 0 ? [...waiting] : [];
    if (pending.size === 0) {
      waiting.clear();
    } else {
      schedule(); // the rest in the next batch; the anchors go back after the last one
    }
    ask(texts).then(() => anchors.length > 0 && options.retry(anchors), options.onError);
  }

  function schedule(): void {
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(flush);
    }
  }

  /** The first dialable candidate in order, when every candidate before it is known. */
  function firstKnown(candidates: readonly string[]): string | null | undefined {
    for (const candidate of candidates) {
      if (!known.has(candidate)) {
        return undefined;
      }
      const number = known.get(candidate);
      if (number) {
        return number;
      }
    }
    return null;
  }

  return {
    /** Answers from memory; unknown candidates are asked for and `anchor` is retried later. */
    lookup(candidates: readonly string[], anchor: A): string | null {
      const found = firstKnown(candidates);
      if (found !== undefined) {
        return found;
      }
      candidates.filter((c) => !known.has(c)).forEach((c) => pending.add(c));
      waiting.add(anchor);
      schedule();
      return null;
    },
    /** The dialable number now (a click): unknown candidates are asked for at once. */
    async resolveNow(candidates: readonly string[]): Promise<string | null> {
      const unknown = candidates.filter((c) => !known.has(c)).slice(0, MAX_BATCH);
      if (unknown.length > 0) {
        await ask(unknown);
      }
      return firstKnown(candidates) ?? null;
    },
  };
}
