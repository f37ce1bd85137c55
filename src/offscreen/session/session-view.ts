/**
 * The SessionView the supervisor publishes: the machine's connection snapshot (with the taxonomy
 * code of the failure behind it, when one is known), the tracked calls and the profile kind. The
 * publisher adds the sequence number and time that make it a SessionSnapshot.
 */
import type { NetworkProfileKind } from '../../shared/session/network-profile';
import { toConnectionSnapshot } from '../../shared/session/session-snapshot';
import type { SessionState } from '../../shared/session/session-states';
import type { CallSnapshot, ConnectionSnapshot } from '../../shared/session/snapshot';
import type { Failure } from './sdk-driver';

export interface SessionView {
  connection: ConnectionSnapshot;
  calls: CallSnapshot[];
  networkProfile: NetworkProfileKind;
}

export function sessionView(
  state: SessionState,
  failure: Failure | undefined,
  calls: CallSnapshot[],
  networkProfile: NetworkProfileKind,
): SessionView {
  const connection = toConnectionSnapshot(state);
  const coded =
    failure !== undefined &&
    (state.kind === 'failed' || state.kind === 'backing-off') &&
    state.reason === failure.reason &&
    failure.error.code !== 'unknown';
  if (coded) {
    connection.error = { ...failure.error };
  }
  return { connection, calls, networkProfile };
}
