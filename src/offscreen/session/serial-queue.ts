/**
 * Serialises the supervisor's calls into the softphone: start, soft reconnect and call commands run
 * one after another, in order, whatever each one's outcome. `preempt` is for destroy: it starts at
 * once (it aborts a start in flight, so it must not wait behind it) and everything queued after it
 * waits for it. A failing operation never blocks the ones behind it.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #length = 0;

  /** Runs `op` after everything queued before it has settled. */
  run<T>(op: () => Promise<T>): Promise<T> {
    this.#length++;
    const result = this.#tail.then(op, op).finally(() => {
      this.#length--;
    });
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /** Runs `op` now; later operations wait for it (and no longer for what it pre-empted). */
  preempt<T>(op: () => Promise<T>): Promise<T> {
    const result = Promise.resolve().then(op);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /** Operations queued with `run` that have not settled yet. */
  get length(): number {
    return this.#length;
  }
}
