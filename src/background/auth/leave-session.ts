/**
 * Leaving the current Genesys session completely, shared by sign-out and the organisation switch:
 * stop the softphone (the offscreen document waits for the bounded SDK destroy), forget the
 * streaming backoff, revoke the token at Genesys, and forget tokens and cached identity locally.
 * Only the local forgetting is required; the rest is reported, never fatal.
 */
import { MAX_STEP_TIMEOUT_MS } from '../../shared/auth/org-switch';
import type { OffscreenApi } from '../../shared/protocol/contract';
import type { createRequester } from '../../shared/protocol/messenger';
import type { TokenChange } from './auth-core';
import { revokeToken, type FetchLike, type RevokeOutcome } from './token-revoke';

export interface LeaveSessionDeps {
  toOffscreen: ReturnType<typeof createRequester<OffscreenApi>>;
  auth: { currentToken(): Promise<TokenChange | null>; signOut(): Promise<void> };
  /** The API base of a profile, or null when the profile is gone. */
  apiBaseOf(profileId: string): string | null;
  /** Storage keys (storage.session) that cache who the agent is: removed on sign-out. */
  forgetCached(): Promise<void>;
  fetch: FetchLike;
  log: (event: string, detail?: Record<string, string | number | boolean>) => void;
}

export interface LeaveReport {
  stopped: boolean;
  backoffCleared: number | null;
  revoke: RevokeOutcome | null;
}

export function createLeaveSession(deps: LeaveSessionDeps) {
  async function stopSoftphone(timeoutMs = MAX_STEP_TIMEOUT_MS): Promise<boolean> {
    const { stopped } = await deps.toOffscreen('auth.stopSoftphone', { timeoutMs });
    return stopped;
  }

  async function clearBackoff(): Promise<number> {
    return (await deps.toOffscreen('auth.clearBackoff', null)).cleared;
  }

  /** Revokes at Genesys (bounded, best effort), then forgets tokens and the cached identity. */
  async function forget(): Promise<RevokeOutcome | null> {
    const token = await deps.auth.currentToken();
    const apiBase = token ? deps.apiBaseOf(token.profileId) : null;
    const revoke =
      token && apiBase ? await revokeToken(apiBase, token.accessToken, deps.fetch) : null;
    if (revoke && !revoke.revoked) {
      deps.log('auth.revoke-failed', { reason: revoke.reason, status: revoke.status ?? 0 });
    }
    await deps.auth.signOut();
    await deps.forgetCached();
    return revoke;
  }

  return {
    stopSoftphone,
    clearBackoff,
    forget,
    /** Sign-out: everything above; a stop or clear that fails is logged and skipped. */
    async leave(): Promise<LeaveReport> {
      const stopped = await stopSoftphone().catch((e: unknown) => {
        deps.log('auth.stop-failed', { reason: String(e) });
        return false;
      });
      const backoffCleared = await clearBackoff().catch(() => null);
      const revoke = await forget();
      deps.log('auth.left-session', { stopped, revoked: revoke?.revoked ?? false });
      return { stopped, backoffCleared, revoke };
    },
  };
}

export type LeaveSession = ReturnType<typeof createLeaveSession>;
