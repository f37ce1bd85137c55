/**
 * A read-only handle on the offscreen document's global, `switchboardDiagnostics`, for support
 * (DevTools on the offscreen document) and the end-to-end tests: the session state, the published
 * view, timings, signalling health and a call's media statistics. It exposes no token and no
 * method that changes anything.
 */
import type { SessionState } from '../../shared/session/session-states';
import type { MediaStats, SignallingHealth, SoftphonePort } from '../softphone/softphone-port';
import type { SessionSupervisor, SessionView } from './session-supervisor';

export interface DiagnosticsHandle {
  state(): SessionState;
  view(): SessionView;
  metrics(): SessionSupervisor['metrics'];
  health(): SignallingHealth;
  mediaStats(conversationId: string): Promise<MediaStats | null>;
}

export function exposeDiagnostics(supervisor: SessionSupervisor, port: SoftphonePort): void {
  const handle: DiagnosticsHandle = {
    state: () => supervisor.state,
    view: () => supervisor.view(),
    metrics: () => supervisor.metrics,
    health: () => port.health(),
    mediaStats: (conversationId) => port.getMediaStats(conversationId).catch(() => null),
  };
  Object.defineProperty(globalThis, 'switchboardDiagnostics', {
    value: Object.freeze(handle),
    configurable: false,
    enumerable: false,
    writable: false,
  });
}
