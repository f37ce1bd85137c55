/**
 * Transitions out of the states where signalling is not (yet) up: signed-out, stopped, starting,
 * failed and mic-blocked. The recovery states are in session-recovery.ts.
 */
import type { SessionEvent } from './session-events';
import type {
  FailedState,
  MachineContext,
  MicBlockedState,
  SessionState,
  StartingState,
} from './session-states';
import {
  afterFailure,
  connectedAfter,
  failed,
  ignore,
  restart,
  startAttempt,
  stopped,
  type Step,
} from './session-steps';

/** signed-out and stopped: only `start` applies. */
export function fromIdle(state: SessionState, event: SessionEvent, ctx: MachineContext): Step {
  if (event.type !== 'start') {
    return ignore;
  }
  if (event.credentials) {
    return startAttempt(ctx, 0);
  }
  return state.kind === 'stopped' ? { next: { kind: 'signed-out' }, effects: [] } : ignore;
}

export function fromStarting(state: StartingState, event: SessionEvent, ctx: MachineContext): Step {
  const failure = { lossAt: state.lossAt, viaProbe: state.viaProbe };
  switch (event.type) {
    case 'sdk-ready':
    case 'sdk-connected': {
      const ready = state.ready || event.type === 'sdk-ready';
      const linked = state.linked || event.type === 'sdk-connected';
      if (ready === state.ready && linked === state.linked) {
        return ignore;
      }
      if (!ready || !linked) {
        return { next: { ...state, ready, linked }, effects: [] };
      }
      return connectedAfter(state.lossAt, ctx);
    }
    case 'sdk-disconnected':
      return state.linked ? { next: { ...state, linked: false }, effects: [] } : ignore;
    case 'start-failed':
      return afterFailure(ctx, state.attempt, {
        ...failure,
        reason: event.reason,
        retryAfterMs: event.retryAfterMs,
        message: event.message,
      });
    case 'grace-expired':
      return afterFailure(ctx, state.attempt, {
        ...failure,
        reason: 'timeout',
        message: 'The softphone did not start in time.',
      });
    case 'stop':
      return stopped();
    case 'mic-denied':
      return failed(ctx, 'mic');
    default:
      return ignore;
  }
}

export function fromFailed(state: FailedState, event: SessionEvent, ctx: MachineContext): Step {
  switch (event.type) {
    case 'token-refreshed':
      return state.reason === 'auth' ? restart(ctx) : ignore;
    case 'start':
      return event.credentials ? restart(ctx) : ignore;
    case 'stop':
      return stopped();
    default:
      return ignore;
  }
}

export function fromMicBlocked(
  _state: MicBlockedState,
  event: SessionEvent,
  ctx: MachineContext,
): Step {
  switch (event.type) {
    case 'mic-granted':
      return restart(ctx);
    case 'stop':
      return stopped();
    default:
      return ignore;
  }
}
