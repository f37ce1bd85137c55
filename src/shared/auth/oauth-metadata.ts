/**
 * oauth4webapi plumbing for Genesys Cloud login: authorization server metadata built from the
 * environment (no discovery) and request options (timeout; plain http for loopback only).
 */
import * as oauth from 'oauth4webapi';
import type { ResolvedEnvironment } from './regions';

export interface HttpOptions {
  now?: () => number;
  /** Per-request timeout for the token endpoint (default 20 s). */
  timeoutMs?: number;
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
}

export function authorizationServer(env: ResolvedEnvironment): oauth.AuthorizationServer {
  return {
    issuer: env.loginBase,
    authorization_endpoint: `${env.loginBase}/oauth/authorize`,
    token_endpoint: `${env.loginBase}/oauth/token`,
  };
}

export function requestOptions(
  env: ResolvedEnvironment,
  options: HttpOptions,
): oauth.TokenEndpointRequestOptions {
  const opts: oauth.TokenEndpointRequestOptions = {
    signal: () => AbortSignal.timeout(options.timeoutMs ?? 20_000),
  };
  if (env.loopback) {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- loopback test server only
    opts[oauth.allowInsecureRequests] = true;
  }
  if (options.fetch !== undefined) {
    opts[oauth.customFetch] = options.fetch;
  }
  return opts;
}
