/** Which call the worker's buttons and shortcuts act on, read from a SessionSnapshot. */
import type {
  CallSnapshot,
  ConnectionSnapshot,
  SessionSnapshot,
} from '../../shared/session/snapshot';

export function isRinging(call: CallSnapshot): boolean {
  return call.state === 'alerting' && call.direction === 'inbound';
}

export function isLive(call: CallSnapshot): boolean {
  return call.state === 'connecting' || call.state === 'connected';
}

/** The inbound call ringing longest (the one an agent answers first). */
export function ringingCall(snapshot: SessionSnapshot | null): CallSnapshot | undefined {
  const ringing = snapshot?.calls.filter(isRinging) ?? [];
  return ringing.sort((a, b) => (a.alertedAt ?? 0) - (b.alertedAt ?? 0))[0];
}

/** The call the agent is talking on: not held before held, then the most recently answered. */
export function currentCall(snapshot: SessionSnapshot | null): CallSnapshot | undefined {
  const live = snapshot?.calls.filter(isLive) ?? [];
  return live.sort(
    (a, b) => Number(a.held) - Number(b.held) || (b.answeredAt ?? 0) - (a.answeredAt ?? 0),
  )[0];
}

/** Signalling is being recovered (the SDK's reconnect or our own restart after a loss). */
export function isRecovering(connection: ConnectionSnapshot): boolean {
  return (
    connection.state === 'reconnecting' ||
    connection.state === 'backing-off' ||
    (connection.state === 'starting' && connection.attempt > 0)
  );
}

/** The caller as agents see it: name, else number, else null (the caller is unknown). */
export function callerOf(call: CallSnapshot): string | null {
  return call.remote.name ?? call.remote.number ?? null;
}
