/** What the popup shows, derived from the snapshot and sign-in state (pure, tested). */
import type { AuthState } from '../shared/protocol/messages/auth';
import type {
  CallSnapshot,
  ConnectionStateKind,
  SessionSnapshot,
} from '../shared/session/snapshot';

/** How long "recovered in N s" stays visible after a reconnect. */
export const RECOVERY_SHOWN_MS = 5 * 60_000;

export type Tone = 'ok' | 'busy' | 'bad' | 'off';

export type Detail =
  | { kind: 'recovered'; seconds: string }
  | { kind: 'next-attempt'; seconds: number }
  | { kind: 'attempt'; attempt: number }
  | { kind: 'error'; message: string };

export interface ConnectionView {
  tone: Tone;
  /** The connection state as agents read it ('reconnecting' also covers backing off). */
  state: ConnectionStateKind;
  detail?: Detail;
}

function secondsText(ms: number): string {
  return (Math.round(ms / 100) / 10).toFixed(1);
}

export function connectionView(snapshot: SessionSnapshot | null, now: number): ConnectionView {
  const connection = snapshot?.connection;
  if (!connection) {
    return { tone: 'off', state: 'stopped' };
  }
  const error: Detail | undefined = connection.error
    ? { kind: 'error', message: connection.error.message }
    : undefined;
  switch (connection.state) {
    case 'connected':
      return connection.lastRecoveryMs !== undefined && now - connection.since < RECOVERY_SHOWN_MS
        ? {
            tone: 'ok',
            state: 'connected',
            detail: { kind: 'recovered', seconds: secondsText(connection.lastRecoveryMs) },
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
      return { tone: 'busy', state: connection.attempt > 0 ? 'reconnecting' : 'starting' };
    case 'failed':
    case 'mic-blocked':
      return { tone: 'bad', state: connection.state, ...(error ? { detail: error } : {}) };
    case 'signed-out':
    case 'stopped':
      return { tone: 'off', state: connection.state };
  }
}

const LIVE = new Set(['alerting', 'connecting', 'connected']);

export function liveCalls(snapshot: SessionSnapshot | null): CallSnapshot[] {
  return snapshot?.calls.filter((call) => LIVE.has(call.state)) ?? [];
}

export function recentCalls(snapshot: SessionSnapshot | null, limit = 5): CallSnapshot[] {
  return (snapshot?.calls.filter((call) => !LIVE.has(call.state)) ?? [])
    .sort((a, b) => (b.endedAt ?? b.alertedAt ?? 0) - (a.endedAt ?? a.alertedAt ?? 0))
    .slice(0, limit);
}

export const AGENT_STATES = ['ringing', 'onCall', 'signedOut', 'ready', 'notReady'] as const;
export type AgentState = (typeof AGENT_STATES)[number];

/** The agent's state in a few words: signed out, not ready, ready, ringing, on a call. */
export function agentState(auth: AuthState | null, snapshot: SessionSnapshot | null): AgentState {
  const calls = liveCalls(snapshot);
  if (calls.some((call) => call.state === 'alerting' && call.direction === 'inbound')) {
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

/** m:ss (or h:mm:ss) since `from`. */
export function elapsed(from: number | undefined, now: number): string {
  if (from === undefined) {
    return '';
  }
  const total = Math.max(0, Math.floor((now - from) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
