/**
 * What a new configuration from the worker means for a running session, as plain data:
 * - `begin`: nothing runs yet (first sign-in, or after a stop): start;
 * - `switch`: another environment, streaming host or sign-in profile: a different session — stop,
 *   forget the SDK's remembered backoff, start fresh (never just a token update);
 * - `update`: the same session: hand over a new token (`token-refreshed`) and apply a new network
 *   profile in place; a session failed for another reason than auth gets a fresh start.
 */
import type { SessionState } from '../../shared/session/session-states';
import type { ActiveConfig } from './session-config';

export type ConfigPlan =
  | { kind: 'begin' }
  | { kind: 'switch' }
  | { kind: 'update'; tokenChanged: boolean; profileChanged: boolean; restart: boolean };

export function planConfig(
  previous: ActiveConfig | undefined,
  next: ActiveConfig,
  state: SessionState,
): ConfigPlan {
  if (previous === undefined || state.kind === 'signed-out' || state.kind === 'stopped') {
    return { kind: 'begin' };
  }
  if (previous.key !== next.key) {
    return { kind: 'switch' };
  }
  return {
    kind: 'update',
    tokenChanged: previous.session.accessToken !== next.session.accessToken,
    profileChanged: JSON.stringify(previous.profile) !== JSON.stringify(next.profile),
    restart: state.kind === 'failed' && state.reason !== 'auth',
  };
}
