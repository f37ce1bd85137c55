/**
 * Events the session machine understands. The supervisor turns SDK events, timers, probes, network
 * and power changes, microphone and sign-in news into these; an event that does not apply in the
 * current state is ignored.
 */
import type { SessionErrorReason } from './errors';

export type SessionEvent =
  /** Begin (credentials present) or, without credentials, stay signed out. */
  | { type: 'start'; credentials: boolean }
  /** Explicit stop (sign-out, organisation switch): the caller ends or refuses calls first. */
  | { type: 'stop' }
  /** SDK `ready`. */
  | { type: 'sdk-ready' }
  /** SDK `connected` (first or after a reconnect). */
  | { type: 'sdk-connected' }
  /** SDK `disconnected`: signalling is gone (the SDK starts its own slow reconnect). */
  | { type: 'sdk-disconnected' }
  /** A start, a soft reconnect or the running SDK failed (classified with classifySessionError). */
  | { type: 'start-failed'; reason: SessionErrorReason; retryAfterMs?: number; message?: string }
  /** Nothing alive for heartbeatTimeoutMs: a black hole the SDK has not noticed. */
  | { type: 'heartbeat-lost' }
  /** The 'grace' timer fired. */
  | { type: 'grace-expired' }
  /** The 'retry' timer fired. */
  | { type: 'retry-due' }
  /** A reachability probe succeeded / failed. */
  | { type: 'probe-ok' }
  | { type: 'probe-failed' }
  /** Browser online / offline. */
  | { type: 'network-online' }
  | { type: 'network-offline' }
  /** A timer fired `gapMs` late: the machine slept or was frozen. */
  | { type: 'wake'; gapMs: number }
  /** Microphone permission granted / denied. */
  | { type: 'mic-granted' }
  | { type: 'mic-denied' }
  /** The sign-in layer obtained a fresh token (after failed{auth}). */
  | { type: 'token-refreshed' };

export type SessionEventType = SessionEvent['type'];

export const SESSION_EVENT_TYPES: readonly SessionEventType[] = [
  'start',
  'stop',
  'sdk-ready',
  'sdk-connected',
  'sdk-disconnected',
  'start-failed',
  'heartbeat-lost',
  'grace-expired',
  'retry-due',
  'probe-ok',
  'probe-failed',
  'network-online',
  'network-offline',
  'wake',
  'mic-granted',
  'mic-denied',
  'token-refreshed',
];
