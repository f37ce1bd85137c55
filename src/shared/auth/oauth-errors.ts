/**
 * Maps oauth4webapi and fetch failures to AuthError codes with messages an agent can act on.
 */
import {
  type AuthorizationResponseError,
  OperationProcessingError,
  ResponseBodyError,
  WWWAuthenticateChallengeError,
} from 'oauth4webapi';
import { AuthError } from './auth-error';

export interface ErrorContext {
  /** 'code' for the sign-in exchange, 'refresh' for renewal. */
  grant: 'code' | 'refresh';
  loginBase: string;
  clientId: string;
}

function describe(error: string, description: string | undefined): string {
  return description === undefined || description === '' ? error : `${error}: ${description}`;
}

export function authorizationError(e: AuthorizationResponseError): AuthError {
  const what = describe(e.error, e.error_description);
  if (e.error === 'access_denied') {
    return new AuthError(
      'auth.denied',
      `Genesys Cloud refused the sign-in (${what}). Check that your user may use this OAuth ` +
        'client in this organisation, then sign in again.',
      { cause: e, oauthError: e.error },
    );
  }
  return new AuthError('auth.authorize-error', `Genesys Cloud sign-in failed (${what}).`, {
    cause: e,
    oauthError: e.error,
  });
}

/** oauth4webapi's own argument errors are TypeErrors with a code; fetch's are not. */
function libraryCode(e: unknown): string | undefined {
  const code: unknown = e instanceof Error ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

function isNetworkFailure(e: unknown): boolean {
  if (e instanceof TypeError) {
    return libraryCode(e) === undefined; // fetch: "fetch failed" / "Failed to fetch"
  }
  return e instanceof DOMException && (e.name === 'TimeoutError' || e.name === 'AbortError');
}

/** For errors thrown while calling the token endpoint. */
export function tokenEndpointError(e: unknown, ctx: ErrorContext): AuthError {
  if (e instanceof AuthError) {
    return e;
  }
  if (e instanceof ResponseBodyError) {
    const what = describe(e.error, e.error_description);
    if (e.error === 'invalid_grant') {
      const message =
        ctx.grant === 'code'
          ? `Genesys Cloud rejected the sign-in code (${what}). It expired or was already used. Sign in again.`
          : `Your Genesys Cloud session can no longer be renewed (${what}). Sign in again.`;
      return new AuthError('auth.invalid-grant', message, { cause: e, oauthError: e.error });
    }
    if (e.error === 'invalid_client' || e.error === 'unauthorized_client') {
      return new AuthError(
        'auth.invalid-client',
        `Genesys Cloud does not accept OAuth client ${ctx.clientId} (${what}). Check the client ID ` +
          'in the organisation profile and that the client uses the Code Authorization grant with PKCE.',
        { cause: e, oauthError: e.error },
      );
    }
    return new AuthError(
      e.status >= 500 || e.status === 429 ? 'auth.server' : 'auth.authorize-error',
      `Genesys Cloud sign-in failed (HTTP ${e.status}, ${what}).`,
      { cause: e, oauthError: e.error },
    );
  }
  if (e instanceof WWWAuthenticateChallengeError) {
    return new AuthError(
      'auth.invalid-client',
      `Genesys Cloud did not authenticate OAuth client ${ctx.clientId} (HTTP ${e.status}). Check the ` +
        'client ID in the organisation profile.',
      { cause: e },
    );
  }
  if (libraryCode(e) === 'OAUTH_HTTP_REQUEST_FORBIDDEN') {
    return new AuthError(
      'auth.invalid-environment',
      `Refusing plain http to ${ctx.loginBase}: only a local test server may use http.`,
      { cause: e },
    );
  }
  if (isNetworkFailure(e)) {
    const reason = e instanceof Error ? e.message : String(e);
    return new AuthError(
      'auth.network',
      `Could not reach Genesys Cloud sign-in at ${ctx.loginBase} (${reason}). Check the network ` +
        'connection; it will be tried again.',
      { cause: e },
    );
  }
  if (e instanceof OperationProcessingError) {
    const status = e.cause instanceof Response ? `HTTP ${e.cause.status}, ` : '';
    return new AuthError(
      'auth.server',
      `Genesys Cloud sign-in at ${ctx.loginBase} answered unexpectedly (${status}${e.message}).`,
      { cause: e },
    );
  }
  const reason = e instanceof Error ? e.message : String(e);
  return new AuthError('auth.server', `Sign-in failed unexpectedly (${reason}).`, { cause: e });
}
