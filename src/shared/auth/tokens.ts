/**
 * AuthTokens: what a successful sign-in or renewal yields. Times are epoch milliseconds.
 * Tokens stay in the service worker and the offscreen document; never log or display them.
 */

export interface AuthTokens {
  accessToken: string;
  /** When the token was obtained (start of its lifetime). */
  issuedAt: number;
  expiresAt: number;
  /** Genesys may or may not issue one; renew with it when present. */
  refreshToken?: string;
  scope?: string;
}

/** Genesys Cloud's default token lifetime, used when a response gives no `expires_in`. */
export const DEFAULT_LIFETIME_SECONDS = 3600;

export function isExpired(tokens: Pick<AuthTokens, 'expiresAt'>, now: number): boolean {
  return now >= tokens.expiresAt;
}

/** A loggable description: never the token itself. */
export function describeTokens(tokens: AuthTokens, now: number): string {
  const mins = Math.round((tokens.expiresAt - now) / 60_000);
  const refresh = tokens.refreshToken === undefined ? 'no refresh token' : 'refresh token';
  return `access token expiring in ${mins} min, ${refresh}`;
}
