/**
 * Feeds events to the pure session machine one at a time: an event sent while another is being
 * processed (from an effect or a synchronous listener) waits in the inbox, so effects always run
 * in order and against the state they were computed from. A throwing effect is logged and the
 * others still run; nothing is processed after close().
 */
import type { Logger } from '../../shared/logger';
import type { SessionEvent } from '../../shared/session/session-events';
import { transition } from '../../shared/session/session-machine';
import type { Effect, MachineContext, SessionState } from '../../shared/session/session-states';

export interface MachineLoopDeps {
  initial: SessionState;
  context(): MachineContext;
  run(effect: Effect): void;
  /** The state kind changed (after its effects ran). */
  entered(state: SessionState, previous: SessionState): void;
  log: Logger;
}

export class MachineLoop {
  #state: SessionState;
  readonly #inbox: SessionEvent[] = [];
  #dispatching = false;
  #closed = false;

  constructor(private readonly deps: MachineLoopDeps) {
    this.#state = deps.initial;
  }

  get state(): SessionState {
    return this.#state;
  }

  send(event: SessionEvent): void {
    if (this.#closed) {
      return;
    }
    this.#inbox.push(event);
    if (this.#dispatching) {
      return;
    }
    this.#dispatching = true;
    try {
      for (let next = this.#inbox.shift(); next !== undefined; next = this.#inbox.shift()) {
        this.#step(next);
      }
    } finally {
      this.#dispatching = false;
    }
  }

  close(): void {
    this.#closed = true;
    this.#inbox.length = 0;
  }

  #step(event: SessionEvent): void {
    if (this.#closed) {
      return;
    }
    const before = this.#state;
    try {
      const { state, effects } = transition(before, event, this.deps.context());
      this.#state = state;
      for (const effect of effects) {
        this.#runSafely(effect);
      }
    } catch (error) {
      this.deps.log.error('session transition failed', { event: event.type, error: String(error) });
    }
    if (this.#state.kind !== before.kind) {
      this.deps.entered(this.#state, before);
    }
  }

  #runSafely(effect: Effect): void {
    try {
      this.deps.run(effect);
    } catch (error) {
      this.deps.log.warn('session effect failed', { effect: effect.type, error: String(error) });
    }
  }
}
