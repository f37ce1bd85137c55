/**
 * The Platform API under /api/v2: latency and injected errors first, then bearer-token auth, then
 * the routes. Every request is logged with its final status.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Hub } from '../hub';
import { registerTokenRoutes, tokenRef } from '../oauth/token-routes';
import { bearerToken } from '../tokens';
import { registerConversationRoutes } from './conversations';
import { apiError, delay, parseBody, readBody, Router, send, type Reply, type Req } from './http';
import { registerMeRoutes } from './me';
import { registerNotificationRoutes } from './notifications';
import { registerPresenceRoutes } from './presence';

export const API_PREFIX = '/api/v2';

export function createApiRouter(hub: Hub): Router {
  const router = new Router();
  registerMeRoutes(router, hub);
  registerNotificationRoutes(router, hub);
  registerConversationRoutes(router, hub);
  registerPresenceRoutes(router, hub);
  registerTokenRoutes(router, hub);
  return router;
}

/** Pattern-like key for the request log: ids replaced by `{id}` so counts group by endpoint. */
export function logPath(path: string): string {
  return path
    .split('/')
    .map((seg) => (/^[0-9a-f]{8}-[0-9a-f]{4}-|^streaming-/i.test(seg) ? '{id}' : seg))
    .join('/');
}

export async function handleApi(
  hub: Hub,
  router: Router,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  const path = url.pathname.slice(API_PREFIX.length) || '/';
  const method = req.method ?? 'GET';
  const used: { token?: string } = {};
  const reply = async (r: Reply, userId?: string) => {
    await delay(hub.faults.restLatencyMs);
    hub.log.add({
      t: Date.now(),
      kind: 'rest',
      method,
      path: logPath(url.pathname),
      status: r.status,
      ...(userId ? { userId } : {}),
      ...(used.token ? { token: used.token } : {}),
    });
    send(res, req, r);
  };
  await delay(hub.faults.restLatencyMs);
  let raw: string;
  try {
    raw = await readBody(req);
  } catch {
    return reply(apiError(413, 'request.too.large', 'body too large'));
  }
  const fault = hub.faults.takeRestFault(path);
  if (fault) {
    const headers: Record<string, string> =
      fault.retryAfterSec !== undefined ? { 'retry-after': String(fault.retryAfterSec) } : {};
    const code = fault.status === 429 ? 'too.many.requests' : 'service.unavailable';
    return reply(apiError(fault.status, code, `injected ${fault.status}`, headers));
  }
  const found = hub.tokens.lookup(bearerToken(req.headers.authorization));
  if (found.ok) {
    used.token = tokenRef(found.record.token);
  }
  if (!found.ok) {
    return reply(
      apiError(401, 'bad.credentials', `Invalid login credentials (token ${found.reason}).`),
    );
  }
  const user = hub.dir.users.get(found.record.userId);
  const match = router.match(method, path);
  if (!match || !user) {
    return reply(apiError(404, 'not.found', `no route for ${method} ${path}`), user?.id);
  }
  if (match === 'method') {
    return reply(apiError(405, 'method.not.allowed', `${method} not allowed on ${path}`), user.id);
  }
  const r: Req = {
    method,
    path,
    query: url.searchParams,
    headers: req.headers,
    params: match.params,
    body: parseBody(raw, req.headers['content-type']),
    rawBody: raw,
    user,
    token: found.record,
  };
  try {
    return await reply(await match.handler(r), user.id);
  } catch (err) {
    return reply(
      apiError(500, 'internal.server.error', err instanceof Error ? err.message : String(err)),
      user.id,
    );
  }
}
