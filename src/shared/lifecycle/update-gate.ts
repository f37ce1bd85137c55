/**
 * When an extension update may be applied, pure: Chrome reloads the extension to install an
 * update, which ends the offscreen document and any call in it. So a pending update waits while a
 * call is live (ringing, connecting or connected) and applies at once when none is.
 *
 *   onUpdateAvailable / admin request ──▶ pending ──every snapshot, alarm, worker start──▶
 *     live call? ──yes──▶ wait ("Update ready — applies after this call")
 *                 └─no──▶ apply (runtime.reload)
 */
import type { CallState, SessionSnapshot } from '../session/snapshot';

/** Call states that a reload would drop. */
export const LIVE_CALL_STATES: ReadonlySet<CallState> = new Set([
  'alerting',
  'connecting',
  'connected',
]);

/** An update waiting to be applied, kept in storage so a restarted worker still knows. */
export interface PendingUpdate {
  /** The version Chrome has downloaded; null when an administrator asked without one. */
  version: string | null;
  /** Epoch ms the update became pending. */
  since: number;
  source: 'chrome' | 'admin';
}

export type UpdateStep =
  { kind: 'none' } | { kind: 'wait'; liveCalls: number } | { kind: 'apply'; update: PendingUpdate };

/** What extension pages may show about a pending update. */
export interface UpdateView {
  version: string | null;
  since: number;
  /** True while a live call holds the update back. */
  waitingForCall: boolean;
}

export function liveCallCount(snapshot: Pick<SessionSnapshot, 'calls'> | null): number {
  return snapshot?.calls.filter((call) => LIVE_CALL_STATES.has(call.state)).length ?? 0;
}

/** What to do now about a pending update, given the last known softphone snapshot. */
export function nextUpdateStep(
  pending: PendingUpdate | null,
  snapshot: Pick<SessionSnapshot, 'calls'> | null,
): UpdateStep {
  if (pending === null) {
    return { kind: 'none' };
  }
  const liveCalls = liveCallCount(snapshot);
  return liveCalls > 0 ? { kind: 'wait', liveCalls } : { kind: 'apply', update: pending };
}

/**
 * Merges a new request into what is pending: the first `since` is kept (the agent has been told
 * since then), a known version replaces an unknown one.
 */
export function mergeUpdate(current: PendingUpdate | null, next: PendingUpdate): PendingUpdate {
  if (current === null) {
    return next;
  }
  return {
    version: next.version ?? current.version,
    since: Math.min(current.since, next.since),
    source: current.source === 'chrome' || next.source === 'chrome' ? 'chrome' : 'admin',
  };
}

export function updateView(
  pending: PendingUpdate | null,
  snapshot: Pick<SessionSnapshot, 'calls'> | null,
): UpdateView | null {
  if (pending === null) {
    return null;
  }
  return {
    version: pending.version,
    since: pending.since,
    waitingForCall: liveCallCount(snapshot) > 0,
  };
}

/** Reads a stored value defensively: anything malformed counts as nothing pending. */
export function parsePendingUpdate(value: unknown): PendingUpdate | null {
  if (typeof value !== 'object' || value === null) {
    return null;
  }
  const v = value as Record<string, unknown>;
  const version = v['version'];
  const since = v['since'];
  const source = v['source'];
  if (
    (version !== null && typeof version !== 'string') ||
    typeof since !== 'number' ||
    !Number.isFinite(since) ||
    (source !== 'chrome' && source !== 'admin')
  ) {
    return null;
  }
  return { version, since, source };
}
