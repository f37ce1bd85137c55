import { describe } from 'vitest';
import { HIGH_LATENCY_PROFILE } from './network-presets';
import {
  cancel,
  check,
  create,
  destroy,
  LIVE_CALL,
  sched,
  soft,
  startEffects,
  T0,
} from './session.testkit';

describe('Happy path', () => {
  check([
    {
      name: 'signed-out + start → starting',
      from: 'signedOut',
      event: { type: 'start', credentials: true },
      to: { kind: 'starting', attempt: 0, ready: false, linked: false },
      actions: startEffects,
    },
    {
      name: 'stopped + start → starting',
      from: 'stopped',
      event: { type: 'start', credentials: true },
      to: { kind: 'starting', attempt: 0 },
      actions: startEffects,
    },
    {
      name: 'stopped + start without credentials → signed-out',
      from: 'stopped',
      event: { type: 'start', credentials: false },
      to: { kind: 'signed-out' },
      actions: [],
    },
    {
      name: 'starting + sdk-ready → starting (ready)',
      from: 'starting',
      event: { type: 'sdk-ready' },
      to: { kind: 'starting', ready: true, linked: false },
      actions: [],
    },
    {
      name: 'starting + sdk-connected → starting (linked)',
      from: 'starting',
      event: { type: 'sdk-connected' },
      to: { kind: 'starting', ready: false, linked: true },
      actions: [],
    },
    {
      name: 'starting (ready) + sdk-connected → connected',
      from: 'startingReady',
      event: { type: 'sdk-connected' },
      to: { kind: 'connected' },
      actions: [cancel('grace')],
    },
    {
      name: 'starting (linked) + sdk-ready → connected',
      from: 'startingLinked',
      event: { type: 'sdk-ready' },
      to: { kind: 'connected' },
      actions: [cancel('grace')],
    },
    {
      name: 'starting (retry) + sdk-connected → connected, recovery measured from the first loss',
      from: 'startingRetry',
      event: { type: 'sdk-connected' },
      to: { kind: 'connected', lastRecoveryMs: 5_000 },
      actions: [cancel('grace')],
    },
    {
      name: 'connected + sdk-disconnected → reconnecting(sdk), probe after the initial delay',
      from: 'connected',
      event: { type: 'sdk-disconnected' },
      to: { kind: 'reconnecting', mode: 'sdk', attempt: 0, lossAt: T0, lastRecoveryMs: 420 },
      actions: [sched('probe', 250)],
    },
    {
      name: 'connected + heartbeat-lost → reconnecting(soft)',
      from: 'connected',
      event: { type: 'heartbeat-lost' },
      to: { kind: 'reconnecting', mode: 'soft', attempt: 0, lossAt: T0 },
      actions: [sched('probe', 250)],
    },
    {
      name: 'reconnecting(sdk) + probe-ok → soft reconnect',
      from: 'reconnectingSdk',
      event: { type: 'probe-ok' },
      to: { kind: 'reconnecting', mode: 'soft', attempt: 1, softDeadline: T0 + 3_000 },
      actions: [cancel('probe'), soft, sched('grace', 3_000)],
    },
    {
      name: 'reconnecting(soft, waiting) + probe-ok → soft reconnect #2',
      from: 'reconnectingSoft',
      event: { type: 'probe-ok' },
      to: { kind: 'reconnecting', attempt: 2 },
      actions: [cancel('probe'), soft, sched('grace', 3_000)],
    },
    {
      name: 'reconnecting(soft in flight) + sdk-connected → connected',
      from: 'softInFlight',
      event: { type: 'sdk-connected' },
      to: { kind: 'connected', lastRecoveryMs: 1_000 },
      actions: [cancel('probe'), cancel('grace'), cancel('retry')],
    },
    {
      name: 'reconnecting(sdk) + sdk-connected → connected (the SDK recovered alone)',
      from: 'reconnectingSdk',
      event: { type: 'sdk-connected' },
      to: { kind: 'connected', lastRecoveryMs: 1_000 },
      actions: [cancel('probe'), cancel('grace'), cancel('retry')],
    },
    {
      name: 'backing-off + retry-due → starting #2',
      from: 'backingOff',
      event: { type: 'retry-due' },
      to: { kind: 'starting', attempt: 2, viaProbe: false, lossAt: T0 - 5_000 },
      actions: [cancel('retry'), cancel('probe'), ...startEffects],
    },
    {
      name: 'backing-off + probe-ok → starting #2 now',
      from: 'backingOff',
      event: { type: 'probe-ok' },
      to: { kind: 'starting', attempt: 2, viaProbe: true },
      actions: [cancel('retry'), cancel('probe'), ...startEffects],
    },
    {
      name: 'failed(auth) + token-refreshed → starting',
      from: 'failedAuth',
      event: { type: 'token-refreshed' },
      to: { kind: 'starting', attempt: 0 },
      actions: [destroy, ...startEffects],
    },
    {
      name: 'failed + start → starting',
      from: 'failedConfig',
      event: { type: 'start', credentials: true },
      to: { kind: 'starting', attempt: 0 },
      actions: [destroy, ...startEffects],
    },
    {
      name: 'mic-blocked + mic-granted → starting',
      from: 'micBlocked',
      event: { type: 'mic-granted' },
      to: { kind: 'starting' },
      actions: [destroy, ...startEffects],
    },
  ]);
});

describe('Happy path – stop', () => {
  check([
    {
      name: 'starting + stop',
      from: 'starting',
      event: { type: 'stop' },
      to: { kind: 'stopped' },
      actions: [cancel('grace'), destroy],
    },
    {
      name: 'connected + stop',
      from: 'connected',
      event: { type: 'stop' },
      to: { kind: 'stopped' },
      actions: [destroy],
    },
    {
      name: 'reconnecting + stop',
      from: 'softInFlight',
      event: { type: 'stop' },
      to: { kind: 'stopped' },
      actions: [cancel('probe'), cancel('grace'), cancel('retry'), destroy],
    },
    {
      name: 'backing-off + stop',
      from: 'backingOff',
      event: { type: 'stop' },
      to: { kind: 'stopped' },
      actions: [cancel('retry'), cancel('probe'), destroy],
    },
    {
      name: 'failed + stop',
      from: 'failedAuth',
      event: { type: 'stop' },
      to: { kind: 'stopped' },
      actions: [destroy],
    },
    {
      name: 'mic-blocked + stop',
      from: 'micBlocked',
      event: { type: 'stop' },
      to: { kind: 'stopped' },
      actions: [destroy],
    },
    {
      name: 'stop is explicit: it destroys even under a live call',
      from: 'connected',
      event: { type: 'stop' },
      ctx: LIVE_CALL,
      to: { kind: 'stopped' },
      actions: [destroy],
    },
  ]);
});

describe('Edge cases – profile', () => {
  check([
    {
      name: 'High latency: first probe after 250 ms, like Standard (probe-gated)',
      from: 'connected',
      event: { type: 'sdk-disconnected' },
      ctx: { profile: HIGH_LATENCY_PROFILE },
      to: { kind: 'reconnecting' },
      actions: [sched('probe', 250)],
    },
    {
      name: 'High latency: start deadline 44 s',
      from: 'stopped',
      event: { type: 'start', credentials: true },
      ctx: { profile: HIGH_LATENCY_PROFILE },
      to: { kind: 'starting' },
      actions: [create, sched('grace', 44_000)],
    },
    {
      name: 'High latency: soft reconnect deadline ≈ 9.7 s',
      from: 'reconnectingSdk',
      event: { type: 'probe-ok' },
      ctx: { profile: HIGH_LATENCY_PROFILE },
      to: { kind: 'reconnecting', softDeadline: T0 + 9_667 },
      actions: [cancel('probe'), soft, sched('grace', 9_667)],
    },
    {
      name: 'jitter shortens the first probe (random 0.99 → ≈ half)',
      from: 'connected',
      event: { type: 'sdk-disconnected' },
      ctx: { random: () => 0.99 },
      to: { kind: 'reconnecting' },
      actions: [sched('probe', 126)],
    },
  ]);
});
