/**
 * A small discrete-event simulation of the offscreen supervisor for the session tests: it runs the
 * machine's effects (timers, SDK start, soft reconnect, probes) against a scripted "is the service
 * up" function and delivers timers and events in time order.
 */
import { STANDARD_PROFILE } from './network-presets';
import type { NetworkProfile } from './network-profile';
import { DefaultReconnectPolicy } from './reconnect-policy';
import type { SessionEvent } from './session-events';
import { transition } from './session-machine';
import type { Effect, MachineContext, SessionState, TimerName } from './session-states';
import { T0 } from './session.testkit';

/** Deterministic random numbers in [0, 1) (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A supervisor stand-in: runs effects against a scripted service, fires timers in time order.
 * `up` says whether the streaming endpoint accepts connections; `apiUp` whether the Platform API
 * answers (by default the same: the whole service is down or up; an outage where only WebSocket
 * upgrades are refused has the API up throughout).
 */
export class Simulation {
  state: SessionState = { kind: 'signed-out', since: T0 };
  now = T0;
  readonly effects: Effect[] = [];
  readonly transitions: SessionState[] = [];
  call = { active: false, mediaHealthy: false };
  /** Probes sent so far, by what they asked. */
  readonly probes = { api: 0, streaming: 0 };
  apiUp: ((t: number) => boolean) | undefined;
  private timers = new Map<TimerName, number>();
  private probeTarget: 'api' | 'streaming' = 'api';
  private pending: { at: number; event: SessionEvent; sdk: boolean }[] = [];
  private readonly policy: DefaultReconnectPolicy;

  constructor(
    readonly up: (t: number) => boolean,
    readonly random: () => number = () => 0.5,
    readonly profile: NetworkProfile = STANDARD_PROFILE,
    readonly timing = { startMs: 600, softMs: 150, probeMs: 30, softWorks: true },
  ) {
    this.policy = new DefaultReconnectPolicy(profile.reconnect, random);
  }

  send(event: SessionEvent): void {
    const ctx: MachineContext = {
      now: this.now,
      callActive: this.call.active,
      mediaHealthy: this.call.mediaHealthy,
      policy: this.policy,
      profile: this.profile,
      random: this.random,
    };
    const result = transition(this.state, event, ctx);
    if (result.state !== this.state) {
      this.transitions.push(result.state);
    }
    this.state = result.state;
    result.effects.forEach((effect) => this.run(effect));
  }

  /** Schedule an outside event (SDK or network) at an absolute time. */
  at(t: number, event: SessionEvent): void {
    this.pending.push({ at: t, event, sdk: false });
  }

  /** Advance time to `until`, delivering timers and pending events in order. */
  runUntil(until: number): void {
    for (;;) {
      const timer = [...this.timers].sort((a, b) => a[1] - b[1])[0];
      const event = [...this.pending].sort((a, b) => a.at - b.at)[0];
      const next = Math.min(timer?.[1] ?? Infinity, event?.at ?? Infinity);
      if (next > until) {
        break;
      }
      this.now = next;
      if (timer?.[1] === next) {
        this.timers.delete(timer[0]);
        this.fire(timer[0]);
      } else if (event !== undefined) {
        this.pending.splice(this.pending.indexOf(event), 1);
        this.send(event.event);
      }
    }
    this.now = until;
  }

  count(type: Effect['type']): number {
    return this.effects.filter((e) => e.type === type).length;
  }

  private fire(timer: TimerName): void {
    if (timer === 'retry') {
      this.send({ type: 'retry-due' });
    } else if (timer === 'grace') {
      this.send({ type: 'grace-expired' });
    } else {
      const target = this.probeTarget;
      this.probes[target] += 1;
      const reachable = target === 'api' ? (this.apiUp ?? this.up)(this.now) : this.up(this.now);
      this.sdkLater(this.timing.probeMs, { type: reachable ? 'probe-ok' : 'probe-failed' }, false);
    }
  }

  private sdkLater(delay: number, event: SessionEvent, sdk = true): void {
    this.pending.push({ at: this.now + delay, event, sdk });
  }

  private run(effect: Effect): void {
    this.effects.push(effect);
    switch (effect.type) {
      case 'schedule':
        this.timers.set(effect.timer, this.now + effect.delayMs);
        if (effect.timer === 'probe') {
          this.probeTarget = effect.target ?? 'api';
        }
        break;
      case 'cancel':
        this.timers.delete(effect.timer);
        break;
      case 'destroy-sdk':
        this.pending = this.pending.filter((p) => !p.sdk);
        break;
      case 'create-sdk':
        if (this.up(this.now)) {
          this.sdkLater(this.timing.startMs - 50, { type: 'sdk-connected' });
          this.sdkLater(this.timing.startMs, { type: 'sdk-ready' });
        } else {
          this.sdkLater(20, { type: 'start-failed', reason: 'network' });
        }
        break;
      case 'soft-reconnect':
        if (!this.up(this.now)) {
          // A refused upgrade fails within milliseconds.
          this.sdkLater(20, { type: 'start-failed', reason: 'network' });
        } else if (this.timing.softWorks) {
          this.sdkLater(this.timing.softMs, { type: 'sdk-connected' });
        }
        break;
      default:
        break;
    }
  }
}
