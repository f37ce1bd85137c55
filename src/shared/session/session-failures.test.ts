import { describe } from 'vitest';
import { DefaultReconnectPolicy } from './reconnect-policy';
import { cancel, check, destroy, LIVE_CALL, sched, soft, T0 } from './session.testkit';

describe('Failure case – start fails', () => {
  check([
    {
      name: 'network: back off, probes may cut the wait',
      from: 'starting',
      event: { type: 'start-failed', reason: 'network' },
      to: {
        kind: 'backing-off',
        attempt: 1,
        retryAt: T0 + 250,
        reason: 'network',
        shortcut: true,
        lossAt: T0,
      },
      actions: [cancel('grace'), destroy, sched('retry', 250), sched('probe', 500)],
    },
    {
      name: 'server error: back off without probes',
      from: 'starting',
      event: { type: 'start-failed', reason: 'server' },
      to: { kind: 'backing-off', reason: 'server', shortcut: false },
      actions: [cancel('grace'), destroy, sched('retry', 250)],
    },
    {
      name: 'rate limited: Retry-After is the floor',
      from: 'starting',
      event: { type: 'start-failed', reason: 'rate-limited', retryAfterMs: 5_000 },
      to: { kind: 'backing-off', retryAt: T0 + 5_000, shortcut: false },
      actions: [cancel('grace'), destroy, sched('retry', 5_000)],
    },
    {
      name: 'retry #2 fails: delay doubles, recovery keeps its first loss',
      from: 'startingRetry',
      event: { type: 'start-failed', reason: 'timeout', message: 'slow' },
      to: {
        kind: 'backing-off',
        attempt: 3,
        retryAt: T0 + 1_000,
        lossAt: T0 - 5_000,
        message: 'slow',
      },
      actions: [cancel('grace'), destroy, sched('retry', 1_000), sched('probe', 500)],
    },
    {
      name: 'an attempt started by a probe waits the full delay',
      from: 'startingViaProbe',
      event: { type: 'start-failed', reason: 'network' },
      to: { kind: 'backing-off', shortcut: false },
      actions: [cancel('grace'), destroy, sched('retry', 1_000)],
    },
    {
      name: 'start deadline (grace) → back off as timeout',
      from: 'starting',
      event: { type: 'grace-expired' },
      to: {
        kind: 'backing-off',
        reason: 'timeout',
        message: 'The softphone did not start in time.',
      },
      actions: [cancel('grace'), destroy, sched('retry', 250), sched('probe', 500)],
    },
    {
      name: '401/403 → failed(auth)',
      from: 'starting',
      event: { type: 'start-failed', reason: 'auth' },
      to: { kind: 'failed', reason: 'auth' },
      actions: [cancel('grace'), destroy],
    },
    {
      name: 'invalid configuration → failed(config)',
      from: 'startingRetry',
      event: { type: 'start-failed', reason: 'config', message: 'bad env' },
      to: { kind: 'failed', reason: 'config', message: 'bad env' },
      actions: [cancel('grace'), destroy],
    },
    {
      name: 'NotAllowedError → mic-blocked',
      from: 'starting',
      event: { type: 'start-failed', reason: 'mic' },
      to: { kind: 'mic-blocked' },
      actions: [cancel('grace'), destroy],
    },
    {
      name: 'mic-denied while starting → mic-blocked',
      from: 'starting',
      event: { type: 'mic-denied' },
      to: { kind: 'mic-blocked' },
      actions: [cancel('grace'), destroy],
    },
    {
      name: 'attempts exhausted → failed with the last reason',
      from: 'startingRetry',
      event: { type: 'start-failed', reason: 'network' },
      ctx: {
        policy: new DefaultReconnectPolicy({
          initialDelayMs: 250,
          maxDelayMs: 30_000,
          jitterRatio: 0,
          maxAttempts: 2,
        }),
      },
      to: { kind: 'failed', reason: 'network' },
      actions: [cancel('grace'), destroy],
    },
  ]);
});

describe('Failure case – signalling lost', () => {
  check([
    {
      name: 'connected + network-offline → reconnecting(soft)',
      from: 'connected',
      event: { type: 'network-offline' },
      to: { kind: 'reconnecting', mode: 'soft' },
      actions: [sched('probe', 250)],
    },
    {
      name: 'connected + long wake → reconnecting(soft), probe at once',
      from: 'connected',
      event: { type: 'wake', gapMs: 9_000 },
      to: { kind: 'reconnecting', mode: 'soft' },
      actions: [sched('probe', 0)],
    },
    {
      name: 'connected + fatal SDK error → failed(auth)',
      from: 'connected',
      event: { type: 'start-failed', reason: 'auth' },
      to: { kind: 'failed', reason: 'auth' },
      actions: [destroy],
    },
    {
      name: 'connected + fatal SDK error under a live call keeps the SDK',
      from: 'connected',
      event: { type: 'start-failed', reason: 'auth' },
      ctx: LIVE_CALL,
      to: { kind: 'failed', reason: 'auth' },
      actions: [],
    },
    {
      name: 'connected + mic-denied → mic-blocked',
      from: 'connected',
      event: { type: 'mic-denied' },
      to: { kind: 'mic-blocked' },
      actions: [destroy],
    },
    {
      name: 'connected + mic-denied under a live call keeps the SDK',
      from: 'connected',
      event: { type: 'mic-denied' },
      ctx: LIVE_CALL,
      to: { kind: 'mic-blocked' },
      actions: [],
    },
    {
      name: 'reconnecting + probe-failed → probe again (effects only)',
      from: 'reconnectingSdk',
      event: { type: 'probe-failed' },
      to: 'same',
      actions: [sched('probe', 500)],
    },
    {
      name: 'reconnecting + network-online → probe now',
      from: 'reconnectingSdk',
      event: { type: 'network-online' },
      to: 'same',
      actions: [sched('probe', 0)],
    },
    {
      name: 'reconnecting + wake → probe now',
      from: 'reconnectingSoft',
      event: { type: 'wake', gapMs: 60_000 },
      to: 'same',
      actions: [sched('probe', 0)],
    },
    {
      name: 'backing-off + probe-failed → probe again',
      from: 'backingOff',
      event: { type: 'probe-failed' },
      to: 'same',
      actions: [sched('probe', 500)],
    },
    {
      name: 'backing-off + network-online → probe now',
      from: 'backingOff',
      event: { type: 'network-online' },
      to: 'same',
      actions: [sched('probe', 0)],
    },
  ]);
});

describe('Failure case – soft reconnect does not land', () => {
  check([
    {
      name: 'no call: destroy and back off (no probe shortcut)',
      from: 'softInFlight',
      event: { type: 'grace-expired' },
      to: {
        kind: 'backing-off',
        attempt: 2,
        reason: 'timeout',
        shortcut: false,
        lossAt: T0 - 1_000,
        retryAt: T0 + 500,
      },
      actions: [cancel('probe'), cancel('grace'), destroy, sched('retry', 500)],
    },
    {
      name: 'live call: keep the SDK, probe and soft-reconnect again',
      from: 'softInFlight',
      event: { type: 'grace-expired' },
      ctx: LIVE_CALL,
      to: { kind: 'reconnecting', mode: 'soft', attempt: 1 },
      actions: [cancel('grace'), sched('probe', 500)],
    },
    {
      name: 'call with dead media: restart allowed',
      from: 'softInFlight',
      event: { type: 'grace-expired' },
      ctx: { callActive: true, mediaHealthy: false },
      to: { kind: 'backing-off' },
      actions: [cancel('probe'), cancel('grace'), destroy, sched('retry', 500)],
    },
    {
      name: 'soft reconnect reports a server error with Retry-After',
      from: 'softInFlight',
      event: { type: 'start-failed', reason: 'server', retryAfterMs: 8_000 },
      to: { kind: 'backing-off', reason: 'server', retryAt: T0 + 8_000 },
      actions: [cancel('probe'), cancel('grace'), destroy, sched('retry', 8_000)],
    },
    {
      name: 'soft reconnect gets 401 → failed(auth)',
      from: 'softInFlight',
      event: { type: 'start-failed', reason: 'auth' },
      to: { kind: 'failed', reason: 'auth' },
      actions: [cancel('probe'), cancel('grace'), destroy],
    },
    {
      name: 'soft reconnect gets 401 under a live call: failed, SDK kept',
      from: 'softInFlight',
      event: { type: 'start-failed', reason: 'auth' },
      ctx: LIVE_CALL,
      to: { kind: 'failed', reason: 'auth' },
      actions: [cancel('probe'), cancel('grace')],
    },
    {
      name: 'failed(auth) + token-refreshed under a live call → soft reconnect',
      from: 'failedAuth',
      event: { type: 'token-refreshed' },
      ctx: LIVE_CALL,
      to: { kind: 'reconnecting', mode: 'soft', attempt: 1, lossAt: T0, softDeadline: T0 + 3_000 },
      actions: [soft, sched('grace', 3_000)],
    },
    {
      name: 'mic-granted under a live call → soft reconnect',
      from: 'micBlocked',
      event: { type: 'mic-granted' },
      ctx: LIVE_CALL,
      to: { kind: 'reconnecting', mode: 'soft' },
      actions: [soft, sched('grace', 3_000)],
    },
    {
      name: 'reconnecting + mic-denied → mic-blocked',
      from: 'reconnectingSdk',
      event: { type: 'mic-denied' },
      to: { kind: 'mic-blocked' },
      actions: [cancel('probe'), cancel('grace'), destroy],
    },
    {
      name: 'backing-off + mic-denied → mic-blocked',
      from: 'backingOff',
      event: { type: 'mic-denied' },
      to: { kind: 'mic-blocked' },
      actions: [cancel('retry'), cancel('probe'), destroy],
    },
  ]);
});
