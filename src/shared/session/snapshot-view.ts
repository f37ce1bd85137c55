/**
 * Reading a SessionSnapshot the way agents see it, shared by the worker (badge, notifications,
 * shortcuts) and the extension pages: which call rings, which one is being talked on, whether the
 * connection is recovering, who the caller is, how long a call has lasted.
 */
import type { CallSnapshot, ConnectionSnapshot, SessionSnapshot } from './snapshot';

export function isRinging(call: CallSnapshot): boolean {
  return call.state === 'alerting' && call.direction === 'inbound';
}

/** Alerting (either way), connecting or connected: a call that is not over. */
export function isLive(call: CallSnapshot): boolean {
  return call.state === 'alerting' || call.state === 'connecting' || call.state === 'connected';
}

export function liveCalls(snapshot: SessionSnapshot | null): CallSnapshot[] {
  return snapshot?.calls.filter(isLive) ?? [];
}

/** The inbound call ringing longest (the one an agent answers first). */
export function ringingCall(snapshot: SessionSnapshot | null): CallSnapshot | undefined {
  const ringing = snapshot?.calls.filter(isRinging) ?? [];
  return ringing.sort((a, b) => (a.alertedAt ?? 0) - (b.alertedAt ?? 0))[0];
}

/** The call the agent is talking on: not held before held, then the most recently answered. */
export function currentCall(snapshot: SessionSnapshot | null): CallSnapshot | undefined {
  const talking =
    snapshot?.calls.filter((c) => c.state === 'connecting' || c.state === 'connected') ?? [];
  return talking.sort(
    (a, b) => Number(a.held) - Number(b.held) || (b.answeredAt ?? 0) - (a.answeredAt ?? 0),
  )[0];
}

/** Signalling is being recovered (the SDK's reconnect or a restart after a loss). */
export function isRecovering(connection: ConnectionSnapshot): boolean {
  return (
    connection.state === 'reconnecting' ||
    connection.state === 'backing-off' ||
    (connection.state === 'starting' && connection.attempt > 0)
  );
}

/** The caller as agents see it: name, else number, else null (unknown). Untrusted text. */
export function callerOf(call: CallSnapshot): string | null {
  return call.remote.name ?? call.remote.number ?? null;
}

/** m:ss, or h:mm:ss from an hour on. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

/** Seconds with one decimal, as in "recovered in 2.1 s". */
export function formatSeconds(ms: number): string {
  return (Math.round(ms / 100) / 10).toFixed(1);
}
