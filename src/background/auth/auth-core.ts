/**
 * What the auth service's parts share: injected ports, the clock, an epoch that makes late
 * results of superseded work harmless, and `adopt` (the one way new tokens take effect).
 */
import { AuthError, type AuthErrorCode } from '../../shared/auth/auth-error';
import type { HttpOptions } from '../../shared/auth/pkce-flow';
import type { OrgProfile } from '../../shared/auth/profile';
import { renewalTime } from '../../shared/auth/token-schedule';
import { describeTokens, type AuthTokens } from '../../shared/auth/tokens';
import { RENEW_ALARM, type AlarmsPort } from './alarms';
import type { IdentityPort } from './identity';
import { FRESH_RENEWAL, type TokenStore } from './token-store';

export interface TokenChange {
  profileId: string;
  accessToken: string;
  expiresAt: number;
}

export interface AgentProblem {
  profileId: string;
  code: AuthErrorCode;
  message: string;
}

export interface AuthServiceDeps {
  identity: IdentityPort;
  store: TokenStore;
  alarms: AlarmsPort;
  profiles: { get(id: string): Promise<OrgProfile | null>; active(): Promise<OrgProfile | null> };
  /** Wired to the offscreen document's setAccessToken; null after sign-out. */
  onTokenChanged(change: TokenChange | null): void | Promise<void>;
  /** Ask the agent to sign in (notification); the current token is kept until it expires. */
  askAgent(problem: AgentProblem): void | Promise<void>;
  http?: HttpOptions;
  now?: () => number;
  /** Never receives a token. */
  log?: (event: string, detail?: Record<string, string | number>) => void;
}

export interface AuthCore {
  deps: AuthServiceDeps;
  now: () => number;
  http: HttpOptions;
  log: (event: string, detail?: Record<string, string | number>) => void;
  /** Bumped by sign-in and sign-out. */
  epoch: { value: number };
  emit(change: TokenChange | null): Promise<void>;
  adopt(profileId: string, tokens: AuthTokens): Promise<TokenChange>;
}

export function asAuthError(e: unknown): AuthError {
  if (e instanceof AuthError) {
    return e;
  }
  const reason = e instanceof Error ? e.message : String(e);
  return new AuthError('auth.server', `Sign-in failed unexpectedly (${reason}).`, { cause: e });
}

export function createAuthCore(deps: AuthServiceDeps): AuthCore {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? (() => undefined);
  const core: AuthCore = {
    deps,
    now,
    http: { now, ...deps.http },
    log,
    epoch: { value: 0 },
    async emit(change) {
      try {
        await deps.onTokenChanged(change);
      } catch (e) {
        log('auth.token-change-undelivered', {
          reason: e instanceof Error ? e.message : String(e),
        });
      }
    },
    async adopt(profileId, tokens) {
      await deps.store.save({ profileId, tokens });
      const renewal = await deps.store.loadRenewal();
      await deps.store.saveRenewal({ ...FRESH_RENEWAL, unauthorized: renewal.unauthorized });
      await deps.alarms.create(RENEW_ALARM, { when: renewalTime(tokens) });
      log('auth.tokens', { profileId, detail: describeTokens(tokens, now()) });
      const change = { profileId, accessToken: tokens.accessToken, expiresAt: tokens.expiresAt };
      await core.emit(change);
      return change;
    },
  };
  return core;
}
