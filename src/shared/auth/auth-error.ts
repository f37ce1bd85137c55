/**
 * AuthError: every sign-in, renewal and environment failure carries a stable code and a message
 * written for the agent (what happened, what to do). Never put a token or a code in a message.
 */

export type AuthErrorCode =
  | 'auth.invalid-environment' // region / custom environment is not usable
  | 'auth.invalid-profile' // organisation profile fails validation
  | 'auth.state-mismatch' // the redirect does not answer the request we made
  | 'auth.redirect-mismatch' // the redirect went somewhere other than our redirect URI
  | 'auth.denied' // the agent or an administrator refused (access_denied)
  | 'auth.authorize-error' // any other error redirect from the login page
  | 'auth.cancelled' // the sign-in window was closed
  | 'auth.interaction-required' // silent sign-in needs the agent
  | 'auth.invalid-grant' // code or refresh token rejected (used, expired, wrong verifier)
  | 'auth.invalid-client' // OAuth client unknown or not allowed to use this grant
  | 'auth.no-refresh-token' // refresh asked for but none was issued
  | 'auth.network' // Genesys login could not be reached (offline, DNS, timeout)
  | 'auth.server' // Genesys login answered with something unexpected
  | 'auth.signed-out'; // there is no session to renew

/** Codes where trying again later (without the agent) may succeed. */
const RETRYABLE: ReadonlySet<AuthErrorCode> = new Set(['auth.network', 'auth.server']);

export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly code: AuthErrorCode;
  /** The OAuth `error` value from the server, when there was one (e.g. 'access_denied'). */
  readonly oauthError: string | undefined;

  constructor(
    code: AuthErrorCode,
    message: string,
    options: { cause?: unknown; oauthError?: string } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.oauthError = options.oauthError;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }

  /** Plain JSON for messages and snapshots: `{name, code, message}`. */
  toJSON(): { name: string; code: AuthErrorCode; message: string } {
    return { name: this.name, code: this.code, message: this.message };
  }
}

export function isAuthError(value: unknown): value is AuthError {
  return value instanceof AuthError;
}
