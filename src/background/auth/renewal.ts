/**
 * One renewal run: refresh token → silent re-authorisation → ask the agent, with transient
 * failures parked on the renewal alarm (backoff) and the chosen method kept in storage.session.
 */
import { refresh } from '../../shared/auth/pkce-flow';
import type { OrgProfile } from '../../shared/auth/profile';
import type { AuthErrorCode } from '../../shared/auth/auth-error';
import {
  afterRenewFailure,
  firstRenewMethod,
  type RenewMethod,
} from '../../shared/auth/token-schedule';
import type { AuthTokens } from '../../shared/auth/tokens';
import { RENEW_ALARM } from './alarms';
import { asAuthError, type AuthCore } from './auth-core';
import { authorize } from './authorize';
import type { StoredSession } from './token-store';

export type RenewOutcome =
  | { kind: 'renewed'; method: RenewMethod; expiresAt: number }
  | { kind: 'retrying'; method: RenewMethod; at: number; code: AuthErrorCode }
  | { kind: 'needs-agent'; code: AuthErrorCode; message: string }
  | { kind: 'signed-out' }
  | { kind: 'superseded' };

/** If the worker dies mid-renewal, this alarm tries again. */
const IN_FLIGHT_GUARD_MS = 60_000;

/**
 * The stored session, or after a browser restart or an extension update (storage.session wiped)
 * one rebuilt from a refresh token kept across it, or else from the note of the signed-in
 * profile: without a refresh token the renewal re-authorises silently.
 */
async function sessionOrPersisted(core: AuthCore): Promise<StoredSession | null> {
  const { store } = core.deps;
  const stored = await store.load();
  if (stored !== null) {
    return stored;
  }
  const kept = await store.loadPersistedRefresh();
  if (kept !== null) {
    const tokens: AuthTokens = {
      accessToken: '',
      issuedAt: 0,
      expiresAt: 0,
      refreshToken: kept.refreshToken,
    };
    return { profileId: kept.profileId, tokens };
  }
  const profileId = await store.loadSignedInProfile();
  return profileId === null
    ? null
    : { profileId, tokens: { accessToken: '', issuedAt: 0, expiresAt: 0 } };
}

function attemptWith(core: AuthCore, method: RenewMethod, profile: OrgProfile, tokens: AuthTokens) {
  return method === 'refresh'
    ? refresh(profile, tokens, core.http)
    : authorize(profile, core.deps.identity, { interactive: false, http: core.http });
}

export async function runRenewal(
  core: AuthCore,
  signOut: () => Promise<void>,
): Promise<RenewOutcome> {
  const { store, alarms } = core.deps;
  const started = core.epoch.value;
  const stored = await sessionOrPersisted(core);
  if (stored === null) {
    return { kind: 'signed-out' };
  }
  const profile = await core.deps.profiles.get(stored.profileId);
  if (profile === null) {
    await signOut();
    return { kind: 'signed-out' };
  }
  const record = await store.loadRenewal();
  let method = record.method ?? firstRenewMethod(stored.tokens);
  let attempt = record.method === null ? 0 : record.attempt;
  await alarms.create(RENEW_ALARM, { when: core.now() + IN_FLIGHT_GUARD_MS });
  await store.saveRenewal({ ...record, renewingSince: core.now() });
  for (;;) {
    let tokens: AuthTokens;
    try {
      tokens = await attemptWith(core, method, profile, stored.tokens);
    } catch (e) {
      const error = asAuthError(e);
      core.log('auth.renew-failed', { method, code: error.code, attempt });
      if (core.epoch.value !== started) {
        return { kind: 'superseded' };
      }
      const decision = afterRenewFailure({ method, error, attempt });
      if (decision.kind === 'try') {
        method = decision.method;
        attempt = 0;
        continue;
      }
      const current = await store.loadRenewal();
      if (decision.kind === 'retry-later') {
        const at = core.now() + decision.delayMs;
        await store.saveRenewal({
          ...current,
          method,
          attempt: decision.attempt,
          renewingSince: null,
        });
        await alarms.create(RENEW_ALARM, { when: at });
        return { kind: 'retrying', method, at, code: error.code };
      }
      await store.saveRenewal({ ...current, method: null, attempt: 0, renewingSince: null });
      await alarms.clear(RENEW_ALARM);
      const message = `Sign in to Genesys Cloud again for "${profile.name}": ${error.message}`;
      await core.deps.askAgent({ profileId: profile.id, code: error.code, message });
      return { kind: 'needs-agent', code: error.code, message };
    }
    if (core.epoch.value !== started) {
      return { kind: 'superseded' };
    }
    await core.adopt(profile.id, tokens);
    core.log('auth.renewed', { method });
    return { kind: 'renewed', method, expiresAt: tokens.expiresAt };
  }
}
