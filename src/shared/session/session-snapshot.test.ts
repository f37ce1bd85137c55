import { describe, expect, it } from 'vitest';
import { transition } from './session-machine';
import type { SessionState } from './session-states';
import { toConnectionSnapshot } from './session-snapshot';
import { makeCtx, S, T0 } from './session.testkit';

describe('Happy path', () => {
  it('connected: attempt 0, last recovery time, no error', () => {
    expect(toConnectionSnapshot(S.connected)).toEqual({
      state: 'connected',
      since: T0 - 1_000,
      attempt: 0,
      lastRecoveryMs: 420,
    });
  });

  it('starting and reconnecting carry their attempt', () => {
    expect(toConnectionSnapshot(S.startingRetry)).toEqual({
      state: 'starting',
      since: T0 - 1_000,
      attempt: 2,
    });
    expect(toConnectionSnapshot(S.softInFlight)).toMatchObject({
      state: 'reconnecting',
      attempt: 1,
    });
  });

  it('backing-off carries attempt, next retry time and the reason as an error', () => {
    expect(toConnectionSnapshot(S.backingOff)).toEqual({
      state: 'backing-off',
      since: T0 - 1_000,
      attempt: 2,
      nextRetryAt: T0 + 500,
      error: { code: 'network.unreachable', message: 'Genesys Cloud cannot be reached.' },
    });
  });
});

describe('Failure case – terminal states', () => {
  it('failed shows the reason code and the detail message', () => {
    expect(toConnectionSnapshot(S.failedConfig)).toEqual({
      state: 'failed',
      since: T0 - 1_000,
      attempt: 0,
      error: { code: 'config.invalid', message: 'bad region' },
    });
    expect(toConnectionSnapshot(S.failedAuth).error?.code).toBe('auth.rejected');
  });

  it('mic-blocked shows the microphone error', () => {
    expect(toConnectionSnapshot(S.micBlocked).error?.code).toBe('mic.blocked');
  });
});

describe('Edge cases', () => {
  it('measures recovery from the first loss, across a restart, to connected', () => {
    let state: SessionState = S.connected;
    const step = (event: Parameters<typeof transition>[1], now: number) => {
      state = transition(state, event, makeCtx({ now })).state;
    };
    step({ type: 'sdk-disconnected' }, T0);
    expect(toConnectionSnapshot(state)).toMatchObject({
      state: 'reconnecting',
      since: T0,
      lastRecoveryMs: 420,
    });
    step({ type: 'probe-ok' }, T0 + 300);
    step({ type: 'grace-expired' }, T0 + 3_300);
    expect(toConnectionSnapshot(state)).toMatchObject({
      state: 'backing-off',
      attempt: 2,
      nextRetryAt: T0 + 3_800,
    });
    step({ type: 'retry-due' }, T0 + 3_800);
    step({ type: 'sdk-connected' }, T0 + 4_300);
    step({ type: 'sdk-ready' }, T0 + 4_400);
    expect(toConnectionSnapshot(state)).toEqual({
      state: 'connected',
      since: T0 + 4_400,
      attempt: 0,
      lastRecoveryMs: 4_400,
    });
  });

  it('is plain JSON', () => {
    const snapshot = toConnectionSnapshot(S.backingOff);
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });
});
