/**
 * Test support for the session machine: a default context, one sample of every state, effect
 * builders and the table-driven transition check. Used by the session tests only.
 */
import { expect, it } from 'vitest';
import { STANDARD_PROFILE } from './network-presets';
import { DefaultReconnectPolicy } from './reconnect-policy';
import type { SessionEvent } from './session-events';
import { transition } from './session-machine';
import type { Effect, MachineContext, SessionState } from './session-states';

export const T0 = 1_700_000_000_000;

export function makeCtx(over: Partial<MachineContext> = {}): MachineContext {
  const profile = over.profile ?? STANDARD_PROFILE;
  return {
    now: T0,
    callActive: false,
    mediaHealthy: false,
    profile,
    policy: new DefaultReconnectPolicy(profile.reconnect, () => 0),
    random: () => 0,
    ...over,
  };
}

const since = T0 - 1_000;
const lossAt = T0 - 5_000;

/** One sample of every state (and of the interesting variants). */
export const S = {
  signedOut: { kind: 'signed-out', since },
  stopped: { kind: 'stopped', since },
  starting: { kind: 'starting', since, attempt: 0, ready: false, linked: false, viaProbe: false },
  startingReady: {
    kind: 'starting',
    since,
    attempt: 0,
    ready: true,
    linked: false,
    viaProbe: false,
  },
  startingLinked: {
    kind: 'starting',
    since,
    attempt: 0,
    ready: false,
    linked: true,
    viaProbe: false,
  },
  startingRetry: {
    kind: 'starting',
    since,
    attempt: 2,
    ready: true,
    linked: false,
    viaProbe: false,
    lossAt,
  },
  startingViaProbe: {
    kind: 'starting',
    since,
    attempt: 2,
    ready: false,
    linked: false,
    viaProbe: true,
    lossAt,
  },
  connected: { kind: 'connected', since, lastRecoveryMs: 420 },
  reconnectingSdk: { kind: 'reconnecting', since, mode: 'sdk', attempt: 0, lossAt: since },
  reconnectingSoft: { kind: 'reconnecting', since, mode: 'soft', attempt: 1, lossAt: since },
  softInFlight: {
    kind: 'reconnecting',
    since,
    mode: 'soft',
    attempt: 1,
    lossAt: since,
    softDeadline: T0,
  },
  watchingUp: {
    kind: 'reconnecting',
    since,
    mode: 'soft',
    attempt: 1,
    lossAt: since,
    watch: 'up',
  },
  watchingDown: {
    kind: 'reconnecting',
    since,
    mode: 'soft',
    attempt: 2,
    lossAt: since,
    watch: 'down',
  },
  watchingInFlight: {
    kind: 'reconnecting',
    since,
    mode: 'soft',
    attempt: 2,
    lossAt: since,
    watch: 'up',
    softDeadline: T0,
  },
  gatedInFlight: {
    kind: 'reconnecting',
    since,
    mode: 'soft',
    attempt: 2,
    lossAt: since,
    watch: 'up',
    softDeadline: T0,
    gated: true,
  },
  backingOff: {
    kind: 'backing-off',
    since,
    attempt: 2,
    retryAt: T0 + 500,
    reason: 'network',
    shortcut: true,
    lossAt,
  },
  backingOffFirm: {
    kind: 'backing-off',
    since,
    attempt: 2,
    retryAt: T0 + 500,
    reason: 'server',
    shortcut: false,
    lossAt,
  },
  failedAuth: { kind: 'failed', since, reason: 'auth' },
  failedConfig: { kind: 'failed', since, reason: 'config', message: 'bad region' },
  micBlocked: { kind: 'mic-blocked', since },
} satisfies Record<string, SessionState>;

export type StateName = keyof typeof S;

/** Effects without the log line (asserted separately). */
export const actions = (effects: Effect[]): Effect[] => effects.filter((e) => e.type !== 'log');

/** Table-driven transition checks: one test per row. */
export interface Row {
  name: string;
  from: StateName;
  event: SessionEvent;
  ctx?: Partial<MachineContext>;
  /** Expected fields of the next state, or 'same' for an effects-only step. */
  to: Partial<SessionState> | 'same';
  actions: Effect[];
}

export const LIVE_CALL = { callActive: true, mediaHealthy: true };
export const create: Effect = { type: 'create-sdk' };
export const destroy: Effect = { type: 'destroy-sdk' };
export const soft: Effect = { type: 'soft-reconnect' };
export const cancel = (timer: 'retry' | 'grace' | 'probe'): Effect => ({ type: 'cancel', timer });
export const sched = (timer: 'retry' | 'grace' | 'probe', delayMs: number): Effect => ({
  type: 'schedule',
  timer,
  delayMs,
});
/** A probe of the streaming host (a WebSocket upgrade) in `delayMs`. */
export const probeStreaming = (delayMs: number): Effect => ({
  type: 'schedule',
  timer: 'probe',
  delayMs,
  target: 'streaming',
});
export const publish: Effect = { type: 'publish' };
// Standard profile with random() = 0 (no jitter): first probe 250 ms, probes 500 ms, soft
// reconnect deadline 3 s, start deadline 24 s, policy 250 ms doubling.
export const startEffects = [create, sched('grace', 24_000)];

export function check(rows: Row[]): void {
  it.each(rows.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const from = S[row.from];
    const { state, effects } = transition(from, row.event, makeCtx(row.ctx));
    if (row.to === 'same') {
      expect(state).toBe(from);
      expect(effects).toEqual(row.actions);
      return;
    }
    expect(state).toMatchObject(row.to);
    expect(state.since).toBe(state.kind === from.kind ? from.since : T0);
    expect(actions(effects)).toEqual([...row.actions, publish]);
  });
}
