/**
 * Token renewal policy, pure: when to renew, which method to try next (refresh token → silent
 * re-authorisation → ask the agent), and how to react to a 401 mid-shift without a storm.
 *
 *   renew due ──▶ refresh (if a refresh token exists) ──fails──▶ silent (interactive:false)
 *                   │ transient: retry with backoff             │ transient: retry with backoff
 *                   ▼                                           ▼ needs the agent
 *                 done                                        ask-agent (notification)
 */
import type { AuthErrorCode } from './auth-error';
import type { AuthTokens } from './tokens';

export interface RenewPolicy {
  /** Renew at this fraction of the lifetime… */
  fraction: number;
  /** …or this long before expiry, whichever is earlier. */
  leadMs: number;
  /** Never renew a token younger than this (chrome.alarms fire at most every 30 s anyway). */
  floorMs: number;
  /** Transient failures (network, 5xx): first retry delay, doubling, capped. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** After this many transient failures of one method, move on to the next one. */
  maxTransientAttempts: number;
}

export const DEFAULT_RENEW_POLICY: RenewPolicy = {
  fraction: 0.8,
  leadMs: 5 * 60_000,
  floorMs: 30_000,
  retryBaseMs: 30_000,
  retryMaxMs: 5 * 60_000,
  maxTransientAttempts: 6,
};

/** Epoch ms at which to renew. May lie in the past (e.g. after a browser restart): renew now. */
export function renewalTime(
  tokens: Pick<AuthTokens, 'issuedAt' | 'expiresAt'>,
  policy: RenewPolicy = DEFAULT_RENEW_POLICY,
): number {
  const lifetime = tokens.expiresAt - tokens.issuedAt;
  const ideal = Math.min(
    tokens.issuedAt + lifetime * policy.fraction,
    tokens.expiresAt - policy.leadMs,
  );
  return Math.max(Math.round(ideal), tokens.issuedAt + policy.floorMs);
}

export type RenewMethod = 'refresh' | 'silent';

export function firstRenewMethod(tokens: Pick<AuthTokens, 'refreshToken'>): RenewMethod {
  return tokens.refreshToken === undefined ? 'silent' : 'refresh';
}

export type RenewDecision =
  | { kind: 'try'; method: RenewMethod; attempt: 0 }
  | { kind: 'retry-later'; method: RenewMethod; attempt: number; delayMs: number }
  | { kind: 'ask-agent' };

export interface RenewFailure {
  method: RenewMethod;
  error: { code: AuthErrorCode; retryable: boolean };
  /** Transient failures of this method so far, before this one. */
  attempt: number;
}

export function retryDelay(attempt: number, policy: RenewPolicy = DEFAULT_RENEW_POLICY): number {
  return Math.min(policy.retryBaseMs * 2 ** attempt, policy.retryMaxMs);
}

/** What to do after a renewal method failed. */
export function afterRenewFailure(
  failure: RenewFailure,
  policy: RenewPolicy = DEFAULT_RENEW_POLICY,
): RenewDecision {
  const { method, error, attempt } = failure;
  if (error.retryable && attempt + 1 < policy.maxTransientAttempts) {
    return {
      kind: 'retry-later',
      method,
      attempt: attempt + 1,
      delayMs: retryDelay(attempt, policy),
    };
  }
  if (method === 'refresh') {
    return { kind: 'try', method: 'silent', attempt: 0 };
  }
  return { kind: 'ask-agent' };
}

// ── 401 mid-shift ────────────────────────────────────────────────────────────────────────────

export interface UnauthorizedPolicy {
  /** A 401 within this time of obtaining the token was about the previous token: ignore it. */
  freshMs: number;
  /** Forced renewals back off: base, doubling, capped. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Forced renewals in a row before asking the agent. */
  maxForced: number;
  /** Forget earlier forced renewals after this long without a 401. */
  resetAfterMs: number;
}

export const DEFAULT_UNAUTHORIZED_POLICY: UnauthorizedPolicy = {
  freshMs: 10_000,
  backoffBaseMs: 30_000,
  backoffMaxMs: 10 * 60_000,
  maxForced: 4,
  resetAfterMs: 15 * 60_000,
};

/** Persisted between worker lifetimes (chrome.storage.session). */
export interface UnauthorizedMemory {
  forced: number;
  lastForcedAt: number | null;
}

export const NO_UNAUTHORIZED: UnauthorizedMemory = { forced: 0, lastForcedAt: null };

export type UnauthorizedDecision =
  | { kind: 'renew-now'; memory: UnauthorizedMemory }
  | { kind: 'ignore'; reason: 'renewing'; memory: UnauthorizedMemory }
  | { kind: 'wait'; until: number; memory: UnauthorizedMemory }
  | { kind: 'ask-agent'; memory: UnauthorizedMemory };

export function onUnauthorized(
  memory: UnauthorizedMemory,
  ctx: { now: number; tokenIssuedAt: number; renewing: boolean },
  policy: UnauthorizedPolicy = DEFAULT_UNAUTHORIZED_POLICY,
): UnauthorizedDecision {
  const { now } = ctx;
  const stale = memory.lastForcedAt !== null && now - memory.lastForcedAt > policy.resetAfterMs;
  const m = stale ? NO_UNAUTHORIZED : memory;
  if (ctx.renewing) {
    return { kind: 'ignore', reason: 'renewing', memory: m };
  }
  if (now - ctx.tokenIssuedAt < policy.freshMs) {
    // Most likely about the previous token (the softphone has the new one). If this token is
    // refused too, the softphone waits for a token: renew once it is no longer fresh, counted
    // like a forced renewal so that refused fresh tokens end with the agent, not in a loop.
    if (m.forced >= policy.maxForced) {
      return { kind: 'ask-agent', memory: m };
    }
    return {
      kind: 'wait',
      until: ctx.tokenIssuedAt + policy.freshMs,
      memory: { forced: m.forced + 1, lastForcedAt: now },
    };
  }
  if (m.forced >= policy.maxForced) {
    return { kind: 'ask-agent', memory: m };
  }
  if (m.lastForcedAt !== null && m.forced > 0) {
    const backoff = Math.min(policy.backoffBaseMs * 2 ** (m.forced - 1), policy.backoffMaxMs);
    if (now < m.lastForcedAt + backoff) {
      return { kind: 'wait', until: m.lastForcedAt + backoff, memory: m };
    }
  }
  return { kind: 'renew-now', memory: { forced: m.forced + 1, lastForcedAt: now } };
}
