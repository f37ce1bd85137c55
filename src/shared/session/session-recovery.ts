/**
 * Transitions of the connected and recovering states. Recovery is probe-driven: after a loss the
 * supervisor probes the service; when it answers, signalling is re-established in place (soft
 * reconnect, the SDK and its calls survive). Only when that fails and no call with healthy media
 * is at stake is the SDK destroyed and started afresh, paced by the reconnect policy.
 */
import { isFatal, type SessionErrorReason } from './errors';
import type { SessionEvent } from './session-events';
import type {
  BackingOffState,
  ConnectedState,
  MachineContext,
  ReconnectingState,
} from './session-states';
import {
  afterFailure,
  connectedAfter,
  failed,
  ignore,
  liveCall,
  lost,
  probeLater,
  schedule,
  softReconnect,
  startAttempt,
  stopped,
  type Step,
} from './session-steps';

export function fromConnected(
  _state: ConnectedState,
  event: SessionEvent,
  ctx: MachineContext,
): Step {
  switch (event.type) {
    case 'sdk-disconnected':
      return lost(ctx, 'sdk');
    case 'heartbeat-lost':
    case 'network-offline':
      return lost(ctx, 'soft');
    case 'wake':
      // Asleep longer than the heartbeat timeout: the link cannot be trusted; shorter naps are the
      // heartbeat's business.
      return event.gapMs >= ctx.profile.heartbeatTimeoutMs ? lost(ctx, 'soft', true) : ignore;
    case 'start-failed':
      return isFatal(event.reason) ? failed(ctx, event.reason, event.message) : ignore;
    case 'mic-denied':
      return failed(ctx, 'mic');
    case 'stop':
      return stopped();
    default:
      return ignore;
  }
}

export function fromReconnecting(
  state: ReconnectingState,
  event: SessionEvent,
  ctx: MachineContext,
): Step {
  const waiting = state.softDeadline === undefined; // no soft reconnect in flight
  switch (event.type) {
    case 'sdk-connected':
      return connectedAfter(state.lossAt, ctx);
    case 'probe-ok':
      return waiting ? softReconnect(state, ctx) : ignore;
    case 'probe-failed':
      return waiting ? probeLater(ctx, state.lossAt) : ignore;
    case 'network-online':
    case 'wake':
      return waiting ? { effects: [schedule('probe', 0)] } : ignore;
    case 'grace-expired':
      return waiting ? ignore : softFailed(state, ctx, 'timeout');
    case 'start-failed':
      if (isFatal(event.reason)) {
        return failed(ctx, event.reason, event.message);
      }
      return waiting
        ? ignore
        : softFailed(state, ctx, event.reason, event.retryAfterMs, event.message);
    case 'mic-denied':
      return failed(ctx, 'mic');
    case 'stop':
      return stopped();
    default:
      return ignore;
  }
}

/**
 * A soft reconnect did not land. With a call whose media flows: keep the SDK, probe again and
 * soft-reconnect again. Otherwise: destroy and restart after the policy's delay (the service
 * answered the probe, so an early start would only repeat the failure).
 */
function softFailed(
  state: ReconnectingState,
  ctx: MachineContext,
  reason: SessionErrorReason,
  retryAfterMs?: number,
  message?: string,
): Step {
  if (liveCall(ctx)) {
    const { softDeadline: _inFlight, ...rest } = state;
    return {
      next: rest,
      effects: [{ type: 'cancel', timer: 'grace' }, ...probeLater(ctx, state.lossAt).effects],
    };
  }
  return afterFailure(ctx, state.attempt, {
    reason,
    retryAfterMs,
    message,
    lossAt: state.lossAt,
    viaProbe: true,
  });
}

export function fromBackingOff(
  state: BackingOffState,
  event: SessionEvent,
  ctx: MachineContext,
): Step {
  switch (event.type) {
    case 'retry-due':
      return startAttempt(ctx, state.attempt, { lossAt: state.lossAt });
    case 'probe-ok':
      return state.shortcut
        ? startAttempt(ctx, state.attempt, { lossAt: state.lossAt, viaProbe: true })
        : ignore;
    case 'probe-failed':
      return state.shortcut ? probeLater(ctx, state.lossAt) : ignore;
    case 'network-online':
    case 'wake':
      return state.shortcut ? { effects: [schedule('probe', 0)] } : ignore;
    case 'mic-denied':
      return failed(ctx, 'mic');
    case 'stop':
      return stopped();
    default:
      return ignore;
  }
}
