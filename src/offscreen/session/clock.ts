/**
 * Time for the supervisor: an injectable clock and named one-shot timers on top of it. A timer
 * reports how late it fired, which is how a sleeping or frozen machine is noticed (an offscreen
 * document never sees visibilitychange). Tests inject vitest's fake timers through the same shape.
 */

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => {
    globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>);
  },
};

interface Pending {
  handle: unknown;
  dueAt: number;
}

/** One-shot timers by name: setting a name replaces its pending timer. */
export class NamedTimers<N extends string> {
  readonly #pending = new Map<N, Pending>();

  constructor(private readonly clock: Clock) {}

  /** Runs `fire(lateMs)` after `delayMs`; `lateMs` is how much later than planned it ran. */
  set(name: N, delayMs: number, fire: (lateMs: number) => void): void {
    this.cancel(name);
    const dueAt = this.clock.now() + Math.max(0, delayMs);
    const handle = this.clock.setTimeout(
      () => {
        if (this.#pending.get(name)?.handle !== handle) {
          return;
        }
        this.#pending.delete(name);
        fire(Math.max(0, this.clock.now() - dueAt));
      },
      Math.max(0, delayMs),
    );
    this.#pending.set(name, { handle, dueAt });
  }

  cancel(name: N): void {
    const pending = this.#pending.get(name);
    if (pending !== undefined) {
      this.clock.clearTimeout(pending.handle);
      this.#pending.delete(name);
    }
  }

  cancelAll(): void {
    for (const name of [...this.#pending.keys()]) {
      this.cancel(name);
    }
  }

  has(name: N): boolean {
    return this.#pending.has(name);
  }

  /** Epoch ms when the named timer is due, if it is pending. */
  dueAt(name: N): number | undefined {
    return this.#pending.get(name)?.dueAt;
  }
}
