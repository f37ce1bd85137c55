/** What the popup shows, derived from the snapshot and sign-in state (pure, tested). */
import type { AuthState } from '../shared/protocol/messages/auth';
import type {
  CallSnapshot,
  ConnectionStateKind,
  SessionSnapshot,
} from '../shared/session/snapshot';
import {
  formatElapsed,
  formatSeconds,
  isLive,
  isRecovering,
  isRinging,
  liveCalls,
} from '../shared/session/snapshot-view';

export { liveCalls };

/** How long "recovered in N s" stays visible after a reconnect. */
export const RECOVERY_SHOWN_MS = 5 * 60_000;

export type Tone = 'ok' | 'busy' | 'bad' | 'off';

export type Detail =
  | { kind: 'recovered'; seconds: string }
  | { kind: 'next-attempt'; seconds: number }
  | { kind: 'attempt'; attempt: number }
  | { kind: 'error'; code: string; message: string };

export interface ConnectionView {
  tone: Tone;
  /** The connection state as agents read it ('reconnecting' also covers backing off). */
  state: ConnectionStateKind;
  detail?: Detail;
}

export function connectionView(snapshot: SessionSnapshot | null, now: number): ConnectionView {
  const connection = snapshot?.connection;
  if (!connection) {
    return { tone: 'off', state: 'stopped' };
  }
  const error: Detail | undefined = connection.error
    ? { kind: 'error', code: connection.error.code, message: connection.error.message }
    : undefined;
  switch (connection.state) {
    case 'connected':
      return connection.lastRecoveryMs !== undefined && now - connection.since < RECOVERY_SHOWN_MS
        ? {
            tone: 'ok',
            state: 'connected',
            detail: { kind: 'recovered', seconds: formatSeconds(connection.lastRecoveryMs) },
          }
        : { tone: 'ok', state: 'connected' };
    case 'reconnecting':
    case 'backing-off':
      return {
        tone: 'busy',
        state: 'reconnecting',
        detail: connection.nextRetryAt
          ? {
              kind: 'next-attempt',
              seconds: Math.max(0, Math.ceil((connection.nextRetryAt - now) / 1000)),
            }
          : { kind: 'attempt', attempt: Math.max(1, connection.attempt) },
      };
    case 'starting':
      return { tone: 'busy', state: isRecovering(connection) ? 'reconnecting' : 'starting' };
    case 'failed':
    case 'mic-blocked':
      return { tone: 'bad', state: connection.state, ...(error ? { detail: error } : {}) };
    case 'signed-out':
    case 'stopped':
      return { tone: 'off', state: connection.state };
  }
}

export function recentCalls(snapshot: SessionSnapshot | null, limit = 5): CallSnapshot[] {
  return (snapshot?.calls.filter((call) => !isLive(call)) ?? [])
    .sort((a, b) => (b.endedAt ?? b.alertedAt ?? 0) - (a.endedAt ?? a.alertedAt ?? 0))
    .slice(0, limit);
}

export const AGENT_STATES = ['ringing', 'onCall', 'signedOut', 'ready', 'notReady'] as const;
export type AgentState = (typeof AGENT_STATES)[number];

/** The agent's state in a few words: signed out, not ready, ready, ringing, on a call. */
export function agentState(auth: AuthState | null, snapshot: SessionSnapshot | null): AgentState {
  const calls = liveCalls(snapshot);
  if (calls.some(isRinging)) {
    return 'ringing';
  }
  if (calls.length > 0) {
    return 'onCall';
  }
  if (auth && !auth.signedIn) {
    return 'signedOut';
  }
  return snapshot?.connection.state === 'connected' ? 'ready' : 'notReady';
}

/** m:ss (or h:mm:ss) since `from`; empty when unknown. */
export function elapsed(from: number | undefined, now: number): string {
  return from === undefined ? '' : formatElapsed(now - from);
}
