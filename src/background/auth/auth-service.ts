/**
 * Sign-in, renewal and sign-out in the service worker. Every fact lives in chrome.storage.session
 * or chrome.alarms (the worker may die at any moment); globals only coalesce work in flight.
 *
 *   signIn ─▶ adopt(tokens) ─▶ save · alarm at renewalTime · onTokenChanged
 *   alarm / 401 ─▶ renew: refresh → silent → askAgent   (transient failures: alarm with backoff)
 *   signOut ─▶ clear alarm · forget tokens · onTokenChanged(null)
 */
import { AuthError } from '../../shared/auth/auth-error';
import type { OrgProfile } from '../../shared/auth/profile';
import { renewalTime } from '../../shared/auth/token-schedule';
import { isExpired } from '../../shared/auth/tokens';
import { RENEW_ALARM } from './alarms';
import { createAuthCore, type AuthServiceDeps, type TokenChange } from './auth-core';
import { authorize } from './authorize';
import { runRenewal, type RenewOutcome } from './renewal';
import { FRESH_RENEWAL } from './token-store';
import { handleUnauthorized, type UnauthorizedResult } from './unauthorized';

export type { AgentProblem, AuthServiceDeps, TokenChange } from './auth-core';
export type { RenewOutcome } from './renewal';

export interface SignInOptions {
  /** Defaults to the active profile. */
  profile?: OrgProfile;
  prompt?: 'login';
}

export function createAuthService(deps: AuthServiceDeps) {
  const core = createAuthCore(deps);
  const { store, alarms } = deps;
  let renewing: Promise<RenewOutcome> | null = null;
  let signingIn: Promise<TokenChange> | null = null;

  async function signOut(): Promise<void> {
    core.epoch.value += 1;
    await alarms.clear(RENEW_ALARM);
    await store.clear();
    core.log('auth.signed-out');
    await core.emit(null);
  }

  function renew(): Promise<RenewOutcome> {
    renewing ??= runRenewal(core, signOut).finally(() => {
      renewing = null;
    });
    return renewing;
  }

  async function runSignIn(options: SignInOptions): Promise<TokenChange> {
    const profile = options.profile ?? (await deps.profiles.active());
    if (profile === null) {
      throw new AuthError(
        'auth.invalid-profile',
        'No organisation profile is set up yet. Add one in the Switchboard options.',
      );
    }
    const started = (core.epoch.value += 1);
    const tokens = await authorize(profile, deps.identity, {
      interactive: true,
      http: core.http,
      ...(options.prompt === undefined ? {} : { prompt: options.prompt }),
    });
    if (core.epoch.value !== started) {
      throw new AuthError('auth.signed-out', 'Signed out while the sign-in was under way.');
    }
    await store.saveRenewal(FRESH_RENEWAL);
    return core.adopt(profile.id, tokens);
  }

  return {
    /** Interactive sign-in to the given (or active) profile; one window at a time. */
    signIn(options: SignInOptions = {}): Promise<TokenChange> {
      signingIn ??= runSignIn(options).finally(() => {
        signingIn = null;
      });
      return signingIn;
    },
    /** Forgets everything (session tokens, renewal state, kept refresh token). */
    signOut,
    /** Single-flight renewal now. */
    renew,
    /** Call from chrome.alarms.onAlarm; returns false for alarms that are not ours. */
    async handleAlarm(alarm: { name: string }): Promise<boolean> {
      if (alarm.name !== RENEW_ALARM) {
        return false;
      }
      await renew();
      return true;
    },
    /** The softphone got a 401: renew now, once, with backoff. */
    reportUnauthorized(): Promise<UnauthorizedResult> {
      return handleUnauthorized(core, { running: renewing !== null, renew });
    },
    /** At worker start-up: make sure a renewal is on record, or renew from a kept refresh token. */
    async restore(): Promise<void> {
      const stored = await store.load();
      if (stored === null) {
        if ((await store.loadPersistedRefresh()) !== null) {
          await renew();
        }
        return;
      }
      if ((await alarms.get(RENEW_ALARM)) === undefined) {
        await alarms.create(RENEW_ALARM, { when: renewalTime(stored.tokens) });
      }
    },
    /** The token for the softphone, or null when signed out or expired. */
    async currentToken(): Promise<TokenChange | null> {
      const stored = await store.load();
      if (stored === null || isExpired(stored.tokens, core.now())) {
        return null;
      }
      const { accessToken, expiresAt } = stored.tokens;
      return { profileId: stored.profileId, accessToken, expiresAt };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
