/**
 * What the SDK misses in an offscreen document, checked on a steady tick while a session is
 * wanted: a tick that fires far too late means the machine slept or the document was frozen
 * (`detectWake` → `wake{gapMs}`); and the believed connection state is compared with the
 * softphone's own (`health()`), healing after `MISMATCHES_TO_HEAL` consecutive disagreements —
 * connected but the stream is gone (→ sdk-disconnected), reconnecting but the stream is back
 * (→ sdk-connected). Each tick also runs `onTick` (e.g. re-checking the microphone).
 */
import { detectWake } from '../../shared/session/heartbeat';
import type { SessionEvent } from '../../shared/session/session-events';
import type { SessionStateKind } from '../../shared/session/session-states';
import type { SignallingHealth } from '../softphone/softphone-port';
import type { Clock } from './clock';

export const MISMATCHES_TO_HEAL = 2;

export interface WatchdogDeps {
  clock: Clock;
  state(): SessionStateKind;
  health(): SignallingHealth;
  send(event: SessionEvent): void;
  onTick?(): void;
}

export interface WatchdogTiming {
  tickMs: number;
  wakeThresholdMs: number;
}

/** The event that heals a disagreement between belief and the softphone, if any. */
export function healingEvent(
  state: SessionStateKind,
  health: SignallingHealth,
): SessionEvent | null {
  if (state === 'connected' && !health.connected && !health.socketOpen) {
    return { type: 'sdk-disconnected' };
  }
  if (state === 'reconnecting' && health.connected && health.socketOpen) {
    return { type: 'sdk-connected' };
  }
  return null;
}

export class Watchdog {
  #timer: unknown;
  #timing: WatchdogTiming | undefined;
  #mismatches = 0;
  #lastState: SessionStateKind | undefined;

  constructor(private readonly deps: WatchdogDeps) {}

  get running(): boolean {
    return this.#timing !== undefined;
  }

  start(timing: WatchdogTiming): void {
    this.stop();
    this.#timing = timing;
    this.#schedule();
  }

  stop(): void {
    this.#timing = undefined;
    this.#mismatches = 0;
    if (this.#timer !== undefined) {
      this.deps.clock.clearTimeout(this.#timer);
      this.#timer = undefined;
    }
  }

  #schedule(): void {
    const timing = this.#timing;
    if (timing === undefined) {
      return;
    }
    const expectedAt = this.deps.clock.now() + timing.tickMs;
    const timer = this.deps.clock.setTimeout(() => {
      if (this.#timer === timer) {
        this.#tick(expectedAt, timing);
      }
    }, timing.tickMs);
    this.#timer = timer;
  }

  #tick(expectedAt: number, timing: WatchdogTiming): void {
    this.#timer = undefined;
    const now = this.deps.clock.now();
    try {
      if (detectWake(expectedAt, now, timing.wakeThresholdMs)) {
        this.deps.send({ type: 'wake', gapMs: now - expectedAt });
      }
      this.#reconcile();
      this.deps.onTick?.();
    } finally {
      if (this.#timing === timing) {
        this.#schedule();
      }
    }
  }

  #reconcile(): void {
    const state = this.deps.state();
    if (state !== this.#lastState) {
      this.#lastState = state;
      this.#mismatches = 0;
    }
    const heal = healingEvent(state, this.deps.health());
    if (heal === null) {
      this.#mismatches = 0;
      return;
    }
    this.#mismatches++;
    if (this.#mismatches >= MISMATCHES_TO_HEAL) {
      this.#mismatches = 0;
      this.deps.send(heal);
    }
  }
}
