/**
 * How the instance trusts a request: the session cookie plus `X-UserToken` equal to that
 * session's g_ck; writes must come from the instance's own origin.
 */
import type { IncomingMessage } from 'node:http';
import type { AgentSession, SessionRegistry } from './sessions';

export function authenticate(
  sessions: SessionRegistry,
  req: IncomingMessage,
): AgentSession | undefined {
  const session = sessions.fromRequest(req);
  const token = req.headers['x-usertoken'];
  return session && typeof token === 'string' && token === session.token ? session : undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A write whose Origin is not this host, or that the browser marks as cross-site. */
export function isCrossOriginWrite(req: IncomingMessage): boolean {
  if (SAFE_METHODS.has(req.method ?? 'GET')) {
    return false;
  }
  const origin = req.headers.origin;
  // Behind the e2e TLS proxy the page is https: the proxy says so in x-forwarded-proto.
  const scheme = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  if (origin !== undefined && origin !== `${scheme}://${req.headers.host ?? ''}`) {
    return true;
  }
  return req.headers['sec-fetch-site'] === 'cross-site';
}
