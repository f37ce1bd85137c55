/**
 * Building blocks of the session machine's transitions. A handler returns a Step: null when the
 * event does not apply, `{effects}` to act without changing state, `{next, effects}` to move. The
 * machine adds `since`, the log line, timer cancellation and the publish (session-machine.ts).
 */
import { isFatal, type SessionErrorReason } from './errors';
import {
  firstProbeDelayMs,
  probeDelayMs,
  softReconnectTimeoutMs,
  startTimeoutMs,
  streamingReconnectTimeoutMs,
} from './recovery-timings';
import type {
  Effect,
  MachineContext,
  ProbeTarget,
  ReconnectingState,
  SessionState,
} from './session-states';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A state as handlers build it: `since` is filled in by the machine. */
export type Draft = DistributiveOmit<SessionState, 'since'> & { since?: number };
type DraftOf<K extends SessionState['kind']> = Extract<Draft, { kind: K }>;

export type Step = { next?: Draft; effects: Effect[] } | null;

export const ignore: Step = null;

/** The one rule the machine never breaks: a call whose media flows keeps its SDK instance. */
export function liveCall(ctx: MachineContext): boolean {
  return ctx.callActive && ctx.mediaHealthy;
}

export function destroyUnlessLiveCall(ctx: MachineContext): Effect[] {
  return liveCall(ctx) ? [] : [{ type: 'destroy-sdk' }];
}

export function schedule(timer: 'retry' | 'grace' | 'probe', delayMs: number): Effect {
  return { type: 'schedule', timer, delayMs: Math.max(0, Math.round(delayMs)) };
}

/** A new SDK instance; `replace` destroys any instance that may still exist first. */
export function startAttempt(
  ctx: MachineContext,
  attempt: number,
  opts: { lossAt?: number | undefined; viaProbe?: boolean; replace?: boolean } = {},
): Step {
  const next: DraftOf<'starting'> = {
    kind: 'starting',
    attempt,
    ready: false,
    linked: false,
    viaProbe: opts.viaProbe === true,
  };
  if (opts.lossAt !== undefined) {
    next.lossAt = opts.lossAt;
  }
  const destroy: Effect[] = opts.replace === true ? [{ type: 'destroy-sdk' }] : [];
  return {
    next,
    effects: [...destroy, { type: 'create-sdk' }, schedule('grace', startTimeoutMs(ctx.profile))],
  };
}

export function failed(ctx: MachineContext, reason: SessionErrorReason, message?: string): Step {
  if (reason === 'mic') {
    return { next: { kind: 'mic-blocked' }, effects: destroyUnlessLiveCall(ctx) };
  }
  const next: Draft =
    message === undefined ? { kind: 'failed', reason } : { kind: 'failed', reason, message };
  return { next, effects: destroyUnlessLiveCall(ctx) };
}

/** Connected, measuring the recovery from its first loss when there was one. */
export function connectedAfter(lossAt: number | undefined, ctx: MachineContext): Step {
  return {
    next:
      lossAt === undefined
        ? { kind: 'connected' }
        : { kind: 'connected', lastRecoveryMs: Math.max(0, ctx.now - lossAt) },
    effects: [],
  };
}

export function stopped(): Step {
  return { next: { kind: 'stopped' }, effects: [{ type: 'destroy-sdk' }] };
}

/** Signalling is gone: wait for a probe to show the service reachable, then soft-reconnect. */
export function lost(ctx: MachineContext, mode: 'sdk' | 'soft', probeNow = false): Step {
  const delay = probeNow ? 0 : firstProbeDelayMs(ctx.profile, ctx.random);
  return {
    next: { kind: 'reconnecting', mode, attempt: 0, lossAt: ctx.now },
    effects: [schedule('probe', delay)],
  };
}

/** A soft reconnect now; `gated`: started because the streaming probe just opened. */
export function softReconnect(state: ReconnectingState, ctx: MachineContext, gated = false): Step {
  const timeout =
    state.watch === undefined
      ? softReconnectTimeoutMs(ctx.profile)
      : streamingReconnectTimeoutMs(ctx.profile);
  const { gated: _previous, ...rest } = state;
  const next: DraftOf<'reconnecting'> = {
    ...rest,
    mode: 'soft',
    attempt: state.attempt + 1,
    softDeadline: ctx.now + timeout,
  };
  if (gated) {
    next.gated = true;
  }
  return {
    next,
    effects: [
      { type: 'cancel', timer: 'probe' },
      { type: 'soft-reconnect' },
      schedule('grace', timeout),
    ],
  };
}

/** What a reconnecting state's probes ask: the streaming host once it has refused a reconnect. */
export function probeTarget(state: ReconnectingState): ProbeTarget {
  return state.watch === undefined ? 'api' : 'streaming';
}

/** Probe again later (elapsed time since the loss slows the cadence down). */
export function probeLater(
  ctx: MachineContext,
  lossAt: number,
  target: ProbeTarget = 'api',
): { effects: Effect[] } {
  return { effects: [probeEffect(ctx, lossAt, target)] };
}

/** A probe timer; `delayMs` given: that delay instead of the cadence. */
export function probeEffect(
  ctx: MachineContext,
  lossAt: number,
  target: ProbeTarget = 'api',
  delayMs?: number,
): Effect {
  const delay = delayMs ?? probeDelayMs(ctx.profile, ctx.now - lossAt, ctx.random, target);
  const ms = Math.max(0, Math.round(delay));
  return target === 'streaming'
    ? { type: 'schedule', timer: 'probe', delayMs: ms, target }
    : { type: 'schedule', timer: 'probe', delayMs: ms };
}

/** Back to work after a fatal stop (new token, microphone granted, explicit start). */
export function restart(ctx: MachineContext): Step {
  if (!liveCall(ctx)) {
    return startAttempt(ctx, 0, { replace: true });
  }
  const timeout = softReconnectTimeoutMs(ctx.profile);
  return {
    next: {
      kind: 'reconnecting',
      mode: 'soft',
      attempt: 1,
      lossAt: ctx.now,
      softDeadline: ctx.now + timeout,
    },
    effects: [{ type: 'soft-reconnect' }, schedule('grace', timeout)],
  };
}

export interface FailureInfo {
  reason: SessionErrorReason;
  retryAfterMs?: number | undefined;
  message?: string | undefined;
  /** First loss of this recovery; defaults to now (the first failure). */
  lossAt?: number | undefined;
  /** The failed attempt was started by a probe: wait the full delay, probe no more. */
  viaProbe?: boolean;
}

/** Only these say "the service may be unreachable", which a probe can disprove early. */
const PROBEABLE: readonly SessionErrorReason[] = ['network', 'timeout'];

/** Attempt `attempt` failed: give up (policy null or fatal), or back off until the next one. */
export function afterFailure(ctx: MachineContext, attempt: number, info: FailureInfo): Step {
  if (isFatal(info.reason)) {
    return failed(ctx, info.reason, info.message);
  }
  const lossAt = info.lossAt ?? ctx.now;
  const request = { attempt: attempt + 1, elapsedMs: ctx.now - lossAt, reason: info.reason };
  const delay = ctx.policy.nextDelayMs(
    info.retryAfterMs === undefined ? request : { ...request, retryAfterMs: info.retryAfterMs },
  );
  if (delay === null) {
    return failed(ctx, info.reason, info.message);
  }
  const shortcut =
    info.viaProbe !== true && info.retryAfterMs === undefined && PROBEABLE.includes(info.reason);
  const next: DraftOf<'backing-off'> = {
    kind: 'backing-off',
    attempt: attempt + 1,
    retryAt: ctx.now + delay,
    reason: info.reason,
    shortcut,
    lossAt,
  };
  if (info.message !== undefined) {
    next.message = info.message;
  }
  const probe = shortcut ? [probeEffect(ctx, lossAt)] : [];
  return { next, effects: [...destroyUnlessLiveCall(ctx), schedule('retry', delay), ...probe] };
}
