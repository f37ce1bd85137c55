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
  probeEffect,
  probeLater,
  probeTarget,
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
  const target = probeTarget(state);
  switch (event.type) {
    case 'sdk-connected':
      return connectedAfter(state.lossAt, ctx);
    case 'probe-ok':
      if (!waiting) {
        return ignore;
      }
      // 'down': the endpoint opened and a reconnect still failed; the retry schedule decides.
      return state.watch === 'down' ? ignore : softReconnect(state, ctx, state.watch === 'up');
    case 'probe-failed':
      if (!waiting) {
        return ignore;
      }
      return state.watch === 'down'
        ? {
            next: { ...state, watch: 'up' },
            effects: probeLater(ctx, state.lossAt, target).effects,
          }
        : probeLater(ctx, state.lossAt, target);
    case 'retry-due':
      return waiting ? softReconnect(state, ctx) : ignore;
    case 'network-online':
    case 'wake':
      return waiting ? { effects: [probeEffect(ctx, state.lossAt, target, 0)] } : ignore;
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
 * A soft reconnect did not land. It only reopens the streaming socket, so a network failure (or,
 * once watching, a timeout) means the streaming endpoint refused: keep the SDK, probe the streaming host itself and reconnect as
 * soon as it opens ('up'), with the policy's delay as the fallback schedule. If the probe had just
 * opened, or the attempt hung, the next success must follow a refusal ('down'): no storm against an
 * endpoint that opens but does not connect. A call whose media flows always keeps its SDK this way;
 * otherwise anything but a refusal destroys the SDK and restarts after the policy's delay.
 */
function softFailed(
  state: ReconnectingState,
  ctx: MachineContext,
  reason: SessionErrorReason,
  retryAfterMs?: number,
  message?: string,
): Step {
  const { softDeadline: _inFlight, gated, ...rest } = state;
  // While watching, a hung attempt is the streaming endpoint too (or the browser holding the
  // handshake back after many refusals), not a broken softphone.
  const atEndpoint = reason === 'network' || (state.watch !== undefined && reason === 'timeout');
  const refused = atEndpoint && gated !== true;
  const delay = ctx.policy.nextDelayMs({
    attempt: state.attempt,
    elapsedMs: ctx.now - state.lossAt,
    reason,
    ...(retryAfterMs !== undefined && { retryAfterMs }),
  });
  if (!liveCall(ctx) && (!refused || delay === null)) {
    return afterFailure(ctx, state.attempt, {
      reason,
      retryAfterMs,
      message,
      lossAt: state.lossAt,
      viaProbe: true,
    });
  }
  const retry = delay === null ? [] : [schedule('retry', delay)];
  return {
    next: { ...rest, watch: refused ? 'up' : 'down' },
    effects: [
      { type: 'cancel', timer: 'grace' },
      probeEffect(ctx, state.lossAt, 'streaming'),
      ...retry,
    ],
  };
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
