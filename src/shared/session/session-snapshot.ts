/**
 * Maps a machine state onto the ConnectionSnapshot that leaves the offscreen document.
 */
import { describeReason } from './errors';
import type { ConnectionSnapshot } from './snapshot';
import type { SessionState } from './session-states';

export function toConnectionSnapshot(state: SessionState): ConnectionSnapshot {
  const snapshot: ConnectionSnapshot = {
    state: state.kind,
    since: state.since,
    attempt: attemptOf(state),
  };
  if (state.kind === 'backing-off') {
    snapshot.nextRetryAt = state.retryAt;
  }
  if (state.lastRecoveryMs !== undefined) {
    snapshot.lastRecoveryMs = state.lastRecoveryMs;
  }
  if (state.kind === 'failed' || state.kind === 'backing-off') {
    snapshot.error = describeReason(state.reason, state.message);
  } else if (state.kind === 'mic-blocked') {
    snapshot.error = describeReason('mic');
  }
  return snapshot;
}

function attemptOf(state: SessionState): number {
  switch (state.kind) {
    case 'starting':
    case 'reconnecting':
    case 'backing-off':
      return state.attempt;
    default:
      return 0;
  }
}
