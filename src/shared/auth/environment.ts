/**
 * Environments: the base URLs and permissions of a Genesys Cloud environment, from a region's
 * `{env}` domain or from a custom environment string (a domain, or a loopback test server).
 */
import { AuthError } from './auth-error';

export interface ResolvedEnvironment {
  /** Region key, or 'custom'. */
  key: string;
  /** The `{env}` domain, or the origin for a loopback environment. */
  env: string;
  /** Value for the SDK's `environment` option. */
  sdkEnvironment: string;
  apiBase: string;
  loginBase: string;
  /** WebSocket base; hand it to the SDK as `wsHost`. */
  streamingBase: string;
  /** Match patterns to request with `chrome.permissions.request` before signing in. */
  hostPermissions: string[];
  /** True for http(s)://127.0.0.1 or localhost: the only place plain http is allowed. */
  loopback: boolean;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

function invalid(input: string, why: string): AuthError {
  return new AuthError(
    'auth.invalid-environment',
    `Custom environment "${input}" is not usable: ${why}. Use a Genesys Cloud domain such as ` +
      '"mypurecloud.com" (or https://mypurecloud.com), or http://127.0.0.1:PORT for a local test server.',
  );
}

export function fromDomain(key: string, env: string): ResolvedEnvironment {
  return {
    key,
    env,
    sdkEnvironment: env,
    apiBase: `https://api.${env}`,
    loginBase: `https://login.${env}`,
    streamingBase: `wss://streaming.${env}`,
    hostPermissions: [`https://api.${env}/*`, `https://login.${env}/*`],
    loopback: false,
  };
}

function fromLoopback(url: URL): ResolvedEnvironment {
  const origin = url.origin;
  const ws = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return {
    key: 'custom',
    env: origin,
    sdkEnvironment: origin,
    apiBase: origin,
    loginBase: origin,
    streamingBase: `${ws}//${url.host}`,
    // Match patterns carry no port: this one covers every port on the loopback host.
    hostPermissions: [`${url.protocol}//${url.hostname}/*`],
    loopback: true,
  };
}

/** Parses a custom environment string; throws AuthError('auth.invalid-environment'). */
export function parseCustomEnvironment(input: string): ResolvedEnvironment {
  const raw = input.trim();
  if (raw === '') {
    throw invalid(input, 'it is empty');
  }
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw);
  let url: URL;
  try {
    // A bare loopback host means the local test server, which speaks plain http.
    const bareScheme = /^(127\.0\.0\.1|localhost)(:\d+)?\/?$/i.test(raw) ? 'http' : 'https';
    url = new URL(hasScheme ? raw : `${bareScheme}://${raw}`);
  } catch {
    throw invalid(input, 'it is not a domain or URL');
  }
  if (url.username !== '' || url.password !== '') {
    throw invalid(input, 'it must not contain a user name or password');
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    throw invalid(input, 'give only the domain, without a path, query or fragment');
  }
  if (LOOPBACK_HOSTS.has(url.hostname)) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw invalid(input, 'a local test server must use http:// or https://');
    }
    return fromLoopback(url);
  }
  if (url.protocol !== 'https:') {
    throw invalid(
      input,
      `"${url.protocol}//" is only allowed for 127.0.0.1 or localhost; use https`,
    );
  }
  if (url.port !== '') {
    throw invalid(input, 'a Genesys Cloud domain has no port');
  }
  if (!DOMAIN.test(url.hostname)) {
    throw invalid(input, 'it is not a domain name (IP addresses are only allowed for 127.0.0.1)');
  }
  return fromDomain('custom', url.hostname);
}

export function parseWsHost(input: string, loopback: boolean): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw wsInvalid(input, 'it is not a URL');
  }
  const insecureOk = loopback || LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'wss:' && !(url.protocol === 'ws:' && insecureOk)) {
    throw wsInvalid(input, 'it must start with wss:// (ws:// only for 127.0.0.1 or localhost)');
  }
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/$/, '')}`;
}

function wsInvalid(input: string, why: string): AuthError {
  return new AuthError(
    'auth.invalid-environment',
    `Streaming host "${input}" is not usable: ${why}, e.g. wss://streaming.mypurecloud.com.`,
  );
}
