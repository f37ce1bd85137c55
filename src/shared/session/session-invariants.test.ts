import { describe, expect, it } from 'vitest';
import { SESSION_EVENT_TYPES, type SessionEvent } from './session-events';
import { label, transition } from './session-machine';
import { TIMERS_OF, type Effect, type SessionState } from './session-states';
import { makeCtx, S, T0, type StateName } from './session.testkit';

/** One event of every type (plus variants worth covering). */
const EVENTS: SessionEvent[] = [
  { type: 'start', credentials: true },
  { type: 'start', credentials: false },
  { type: 'stop' },
  { type: 'sdk-ready' },
  { type: 'sdk-connected' },
  { type: 'sdk-disconnected' },
  { type: 'start-failed', reason: 'network' },
  { type: 'start-failed', reason: 'auth' },
  { type: 'start-failed', reason: 'mic' },
  { type: 'start-failed', reason: 'rate-limited', retryAfterMs: 3_000 },
  { type: 'heartbeat-lost' },
  { type: 'grace-expired' },
  { type: 'retry-due' },
  { type: 'probe-ok' },
  { type: 'probe-failed' },
  { type: 'network-online' },
  { type: 'network-offline' },
  { type: 'wake', gapMs: 60_000 },
  { type: 'wake', gapMs: 1_000 },
  { type: 'mic-granted' },
  { type: 'mic-denied' },
  { type: 'token-refreshed' },
];
const CALLS = [
  { callActive: false, mediaHealthy: false },
  { callActive: true, mediaHealthy: true },
  { callActive: true, mediaHealthy: false },
];
const STATES = Object.keys(S) as StateName[];
const ALL = STATES.flatMap((s) => EVENTS.flatMap((e) => CALLS.map((c) => [s, e, c] as const)));

describe('Invariants over every state × event × call situation', () => {
  it('covers every event type', () => {
    expect(new Set(EVENTS.map((e) => e.type))).toEqual(new Set(SESSION_EVENT_TYPES));
  });

  it.each(
    ALL.map(
      ([s, e, c]) =>
        [`${s} + ${e.type} (call ${c.callActive}/${c.mediaHealthy})`, s, e, c] as const,
    ),
  )('%s', (_name, name, event, call) => {
    const from: SessionState = S[name];
    const { state, effects } = transition(from, event, makeCtx(call));
    const logs = effects.filter((e) => e.type === 'log');
    const publishes = effects.filter((e) => e.type === 'publish');
    if (state === from) {
      // No state change: no log, no publish.
      expect(logs).toEqual([]);
      expect(publishes).toEqual([]);
    } else {
      // One info log first, one publish last.
      expect(logs).toHaveLength(1);
      expect(effects[0]).toMatchObject({ type: 'log', level: 'info' });
      expect(effects.at(-1)).toEqual({ type: 'publish' });
      expect(publishes).toHaveLength(1);
      expect(state.since).toBe(state.kind === from.kind ? from.since : T0);
    }
    // A call with healthy media never loses its SDK, except on an explicit stop.
    if (call.callActive && call.mediaHealthy && event.type !== 'stop') {
      expect(effects).not.toContainEqual({ type: 'destroy-sdk' });
    }
    // A create always follows a destroy, unless no instance can exist.
    const createAt = effects.findIndex((e) => e.type === 'create-sdk');
    if (createAt >= 0 && !['signed-out', 'stopped', 'backing-off'].includes(from.kind)) {
      expect(effects.slice(0, createAt)).toContainEqual({ type: 'destroy-sdk' });
    }
    // Delays are whole, non-negative numbers; no timer is cancelled after being scheduled.
    effects.forEach((effect, i) => {
      if (effect.type === 'schedule') {
        expect(Number.isInteger(effect.delayMs) && effect.delayMs >= 0).toBe(true);
        expect(effects.slice(i + 1)).not.toContainEqual({ type: 'cancel', timer: effect.timer });
      }
    });
    // Leaving a state cancels the timers it may have running.
    if (state.kind !== from.kind) {
      for (const timer of TIMERS_OF[from.kind]) {
        expect(effects).toContainEqual({ type: 'cancel', timer });
      }
    }
    // Entering starting always arms the start deadline.
    if (state.kind === 'starting' && from.kind !== 'starting') {
      expect(effects).toContainEqual<Effect>({ type: 'schedule', timer: 'grace', delayMs: 24_000 });
    }
  });
});

describe('Edge cases – ignored events', () => {
  it('after stop, everything but start is ignored', () => {
    for (const event of EVENTS.filter((e) => e.type !== 'start')) {
      expect(transition(S.stopped, event, makeCtx())).toEqual({ state: S.stopped, effects: [] });
    }
  });

  it.each([
    ['signedOut', { type: 'stop' }],
    ['signedOut', { type: 'start', credentials: false }],
    ['starting', { type: 'start', credentials: true }],
    ['starting', { type: 'sdk-disconnected' }],
    ['startingReady', { type: 'sdk-ready' }],
    ['connected', { type: 'sdk-connected' }],
    ['connected', { type: 'sdk-ready' }],
    ['connected', { type: 'start', credentials: true }],
    ['connected', { type: 'start-failed', reason: 'network' }],
    ['connected', { type: 'wake', gapMs: 8_999 }],
    ['connected', { type: 'probe-ok' }],
    ['connected', { type: 'retry-due' }],
    ['reconnectingSdk', { type: 'sdk-disconnected' }],
    ['reconnectingSdk', { type: 'heartbeat-lost' }],
    ['reconnectingSdk', { type: 'grace-expired' }],
    ['reconnectingSdk', { type: 'start-failed', reason: 'network' }],
    ['softInFlight', { type: 'probe-ok' }],
    ['softInFlight', { type: 'probe-failed' }],
    ['softInFlight', { type: 'network-online' }],
    ['backingOffFirm', { type: 'probe-ok' }],
    ['backingOffFirm', { type: 'probe-failed' }],
    ['backingOffFirm', { type: 'network-online' }],
    ['backingOff', { type: 'sdk-connected' }],
    ['backingOff', { type: 'start-failed', reason: 'auth' }],
    ['failedConfig', { type: 'token-refreshed' }],
    ['failedAuth', { type: 'mic-granted' }],
    ['micBlocked', { type: 'start', credentials: true }],
  ] as [StateName, SessionEvent][])('%s ignores %j', (name, event) => {
    expect(transition(S[name], event, makeCtx())).toEqual({ state: S[name], effects: [] });
  });
});

describe('Edge cases – bookkeeping', () => {
  it('starting (linked) + sdk-disconnected forgets the link', () => {
    const { state } = transition(S.startingLinked, { type: 'sdk-disconnected' }, makeCtx());
    expect(state).toMatchObject({ kind: 'starting', linked: false });
  });

  it('keeps the last recovery time through later states, resets it on stop', () => {
    const ctx = makeCtx();
    const lost = transition(S.connected, { type: 'sdk-disconnected' }, ctx).state;
    const failed = transition(lost, { type: 'start-failed', reason: 'config' }, ctx).state;
    expect(failed.lastRecoveryMs).toBe(420);
    expect(transition(failed, { type: 'stop' }, ctx).state.lastRecoveryMs).toBeUndefined();
  });

  it('logs from → to with the event and the recovery time', () => {
    const { effects } = transition(S.softInFlight, { type: 'sdk-connected' }, makeCtx());
    expect(effects[0]).toEqual({
      type: 'log',
      level: 'info',
      message: 'session reconnecting(soft #1) → connected on sdk-connected, recovered in 1000 ms',
    });
    expect(label(S.backingOff)).toBe('backing-off #2 (network)');
    expect(label(S.startingRetry)).toBe('starting #2');
  });

  it('is pure: the same input gives the same output and the input is not mutated', () => {
    const before = structuredClone(S.reconnectingSdk);
    const a = transition(S.reconnectingSdk, { type: 'probe-ok' }, makeCtx());
    const b = transition(S.reconnectingSdk, { type: 'probe-ok' }, makeCtx());
    expect(a).toEqual(b);
    expect(S.reconnectingSdk).toEqual(before);
  });
});
