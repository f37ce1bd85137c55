/**
 * OAuth 2.0 Authorization Code + PKCE (S256) against Genesys Cloud login, built on oauth4webapi.
 * The authorization server metadata is constructed from the environment (no discovery); plain
 * http is allowed only for a loopback test server. The implicit grant is never used.
 */
import * as oauth from 'oauth4webapi';
import { AuthError } from './auth-error';
import { authorizationError, tokenEndpointError, type ErrorContext } from './oauth-errors';
import { type OrgProfile, profileEnvironment } from './profile';
import type { ResolvedEnvironment } from './regions';
import { authorizationServer, requestOptions, type HttpOptions } from './oauth-metadata';
import { DEFAULT_LIFETIME_SECONDS, type AuthTokens } from './tokens';

export type { HttpOptions } from './oauth-metadata';

export interface BeginOptions {
  /** 'login' makes Genesys ignore a remembered session (used when switching organisations). */
  prompt?: 'login';
}

export interface PendingAuthorization {
  url: string;
  state: string;
  codeVerifier: string;
  redirectUri: string;
  profile: OrgProfile;
}

export async function beginAuthorization(
  profile: OrgProfile,
  redirectUri: string,
  options: BeginOptions = {},
): Promise<PendingAuthorization> {
  const as = authorizationServer(profileEnvironment(profile));
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(as.authorization_endpoint ?? '');
  const params = url.searchParams;
  params.set('client_id', profile.clientId);
  params.set('response_type', 'code');
  params.set('redirect_uri', redirectUri);
  params.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
  params.set('code_challenge_method', 'S256');
  params.set('state', state);
  if (profile.targetOrgId !== undefined) {
    params.set('target', profile.targetOrgId);
  }
  if (profile.ssoProvider !== undefined && profile.ssoOrg !== undefined) {
    params.set('provider', profile.ssoProvider);
    params.set('org', profile.ssoOrg);
  }
  if (options.prompt !== undefined) {
    params.set('prompt', options.prompt);
  }
  return { url: url.href, state, codeVerifier, redirectUri, profile };
}

/** The authorization response parameters (query; a fragment is accepted as a fallback). */
function responseParams(redirectedTo: string, redirectUri: string): URLSearchParams {
  let url: URL;
  try {
    url = new URL(redirectedTo);
  } catch {
    throw new AuthError(
      'auth.redirect-mismatch',
      'The sign-in window returned an unreadable address.',
    );
  }
  const expected = new URL(redirectUri);
  if (url.origin !== expected.origin || url.pathname !== expected.pathname) {
    throw new AuthError(
      'auth.redirect-mismatch',
      `Sign-in returned to ${url.origin}${url.pathname} instead of ${expected.origin}${expected.pathname}.`,
    );
  }
  const query = url.searchParams;
  if (!query.has('code') && !query.has('error') && url.hash.length > 1) {
    return new URLSearchParams(url.hash.slice(1));
  }
  return query;
}

function toTokens(res: oauth.TokenEndpointResponse, now: number, previous?: string): AuthTokens {
  const lifetime = res.expires_in ?? DEFAULT_LIFETIME_SECONDS;
  const tokens: AuthTokens = {
    accessToken: res.access_token,
    issuedAt: now,
    expiresAt: now + lifetime * 1000,
  };
  const refreshToken = res.refresh_token ?? previous;
  if (refreshToken !== undefined) {
    tokens.refreshToken = refreshToken;
  }
  if (res.scope !== undefined) {
    tokens.scope = res.scope;
  }
  return tokens;
}

function context(
  profile: OrgProfile,
  env: ResolvedEnvironment,
  grant: 'code' | 'refresh',
): ErrorContext {
  return { grant, loginBase: env.loginBase, clientId: profile.clientId };
}

export async function completeAuthorization(
  redirectedTo: string,
  pending: PendingAuthorization,
  options: HttpOptions = {},
): Promise<AuthTokens> {
  const { profile } = pending;
  const env = profileEnvironment(profile);
  const as = authorizationServer(env);
  const client: oauth.Client = { client_id: profile.clientId };
  const params = responseParams(redirectedTo, pending.redirectUri);
  const returnedState = params.get('state');
  // An error redirect may omit state; it carries no credentials, so report the error itself.
  if (returnedState !== pending.state && !(returnedState === null && params.has('error'))) {
    throw new AuthError(
      'auth.state-mismatch',
      'The sign-in answer does not belong to the sign-in that was started (stale or forged). Sign in again.',
    );
  }
  let callback: URLSearchParams;
  try {
    callback = oauth.validateAuthResponse(
      as,
      client,
      params,
      returnedState === null ? oauth.skipStateCheck : pending.state,
    );
  } catch (e) {
    if (e instanceof oauth.AuthorizationResponseError) {
      throw authorizationError(e);
    }
    throw tokenEndpointError(e, context(profile, env, 'code'));
  }
  if (!callback.has('code')) {
    throw new AuthError(
      'auth.authorize-error',
      'Genesys Cloud sign-in returned neither a code nor an error.',
    );
  }
  const now = options.now ?? Date.now;
  try {
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.None(),
      callback,
      pending.redirectUri,
      pending.codeVerifier,
      requestOptions(env, options),
    );
    return toTokens(await oauth.processAuthorizationCodeResponse(as, client, response), now());
  } catch (e) {
    throw tokenEndpointError(e, context(profile, env, 'code'));
  }
}

/** Renews with the refresh token; keeps the old refresh token when none is returned. */
export async function refresh(
  profile: OrgProfile,
  tokens: AuthTokens,
  options: HttpOptions = {},
): Promise<AuthTokens> {
  if (tokens.refreshToken === undefined) {
    throw new AuthError(
      'auth.no-refresh-token',
      'Genesys Cloud issued no refresh token for this session.',
    );
  }
  const env = profileEnvironment(profile);
  const as = authorizationServer(env);
  const client: oauth.Client = { client_id: profile.clientId };
  const now = options.now ?? Date.now;
  try {
    const response = await oauth.refreshTokenGrantRequest(
      as,
      client,
      oauth.None(),
      tokens.refreshToken,
      requestOptions(env, options),
    );
    const result = await oauth.processRefreshTokenResponse(as, client, response);
    return toTokens(result, now(), tokens.refreshToken);
  } catch (e) {
    throw tokenEndpointError(e, context(profile, env, 'refresh'));
  }
}
