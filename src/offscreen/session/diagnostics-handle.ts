/**
 * A read-only handle on the offscreen document's global, `switchboardDiagnostics`, for support
 * (DevTools on the offscreen document) and the end-to-end tests: the session state, the published
 * view, timings, signalling health, recent logs and a call's media statistics. It exposes no token and no
 * method that changes anything.
 */
import { logEntries, type LogEntry } from '../../shared/logger';
import type { SessionConfig } from '../../shared/protocol/schemas';
import type { SessionState } from '../../shared/session/session-states';
import type { MediaStats, SignallingHealth, SoftphonePort } from '../softphone/softphone-port';
import type { SessionSupervisor, SessionView } from './session-supervisor';

export interface DiagnosticsHandle {
  state(): SessionState;
  view(): SessionView;
  metrics(): SessionSupervisor['metrics'];
  health(): SignallingHealth;
  mediaStats(conversationId: string): Promise<MediaStats | null>;
  /** This document's recent log entries (already redacted; tokens scrubbed). */
  logs(): LogEntry[];
  /** The applied call settings and network profile kind (never the token). */
  settings(): { signedIn: boolean; calls: SessionConfig['calls'] | null; network: unknown };
}

export function exposeDiagnostics(
  supervisor: SessionSupervisor,
  port: SoftphonePort,
  applied: () => SessionConfig | null,
): void {
  const handle: DiagnosticsHandle = {
    state: () => supervisor.state,
    view: () => supervisor.view(),
    metrics: () => supervisor.metrics,
    health: () => port.health(),
    mediaStats: (conversationId) => port.getMediaStats(conversationId).catch(() => null),
    logs: () => logEntries(),
    settings: () => {
      const config = applied();
      return {
        signedIn: config !== null,
        calls: config?.calls ?? null,
        network: config?.network['kind'] ?? null,
      };
    },
  };
  Object.defineProperty(globalThis, 'switchboardDiagnostics', {
    value: Object.freeze(handle),
    configurable: false,
    enumerable: false,
    writable: false,
  });
}
