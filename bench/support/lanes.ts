/**
 * Running measurements side by side: a semaphore (at most `n` at a time; 1 makes a quiet section
 * for the short, sensitive measurements while long waits run in other lanes) and lane helpers.
 */

export interface Semaphore {
  run<T>(fn: () => Promise<T>): Promise<T>;
}

export function semaphore(n: number): Semaphore {
  let active = 0;
  const queue: (() => void)[] = [];
  const acquire = async () => {
    if (active < n) {
      active += 1;
      return;
    }
    await new Promise<void>((resolve) => queue.push(resolve));
  };
  const release = () => {
    const next = queue.shift();
    if (next) {
      next(); // the slot passes straight to the next waiter
    } else {
      active -= 1;
    }
  };
  return {
    async run(fn) {
      await acquire();
      try {
        return await fn();
      } finally {
        release();
      }
    },
  };
}

/** `items` rotated left by `k` (lane k starts its sequence at a different case). */
export function rotate<T>(items: readonly T[], k: number): T[] {
  if (items.length === 0) {
    return [];
  }
  const s = k % items.length;
  return [...items.slice(s), ...items.slice(0, s)];
}

export const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Collects samples and failure texts per key (a case, a profile…). */
export class Samples {
  readonly #values = new Map<string, number[]>();
  readonly #failures = new Map<string, string[]>();

  add(key: string, value: number): void {
    this.#values.set(key, [...(this.#values.get(key) ?? []), value]);
  }

  fail(key: string, reason: string): void {
    this.#failures.set(key, [...(this.#failures.get(key) ?? []), reason]);
  }

  values(key: string): number[] {
    return this.#values.get(key) ?? [];
  }

  failures(key: string): string[] {
    return this.#failures.get(key) ?? [];
  }

  /** Every key starting with `prefix`, pooled. */
  pooled(prefix: string): number[] {
    return [...this.#values.entries()].filter(([k]) => k.startsWith(prefix)).flatMap(([, v]) => v);
  }

  pooledFailures(prefix: string): string[] {
    return [...this.#failures.entries()]
      .filter(([k]) => k.startsWith(prefix))
      .flatMap(([, v]) => v);
  }
}
