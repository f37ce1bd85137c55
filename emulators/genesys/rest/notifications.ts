/**
 * Notification channels and their REST subscriptions. Topics sharing a prefix arrive merged as
 * `prefix?a&b` and are split into `prefix.a`, `prefix.b`.
 */
import type { Hub } from '../hub';
import { topicAllowed } from '../xmpp/router';
import { apiError, ok, type Req, type Router } from './http';

export function expandTopics(ids: string[]): string[] {
  return ids.flatMap((id) => {
    const q = id.indexOf('?');
    if (q === -1) {
      return [id];
    }
    const prefix = id.slice(0, q);
    return id
      .slice(q + 1)
      .split('&')
      .filter(Boolean)
      .map((suffix) => `${prefix}.${suffix}`);
  });
}

function topicIds(body: unknown): string[] | undefined {
  if (!Array.isArray(body)) {
    return undefined;
  }
  const ids: string[] = [];
  for (const item of body as unknown[]) {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') {
      return undefined;
    }
    ids.push(id);
  }
  return ids;
}

export function registerNotificationRoutes(router: Router, hub: Hub): void {
  const ownChannel = (req: Req) => {
    const ch = hub.streaming.channel(req.params['id'] ?? '');
    return ch && ch.userId === req.user?.id ? ch : undefined;
  };

  router.add('POST', '/notifications/channels', (req) => {
    const ch = hub.streaming.createChannel(req.user?.id ?? '');
    const wsBase = hub.baseUrl.replace(/^http/, 'ws');
    const expires = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
    return ok({ id: ch.id, connectUri: `${wsBase}/stream/channels/${ch.id}`, expires }, 200);
  });

  router.add('GET', '/notifications/channels', (req) =>
    ok({ entities: hub.streaming.channelsOf(req.user?.id ?? '').map((c) => ({ id: c.id })) }),
  );

  router.add('HEAD', '/notifications/channels/:id', (req) =>
    ownChannel(req) ? { status: 200 } : apiError(404, 'not.found', 'channel not found'),
  );

  router.add('GET', '/notifications/channels/:id/subscriptions', (req) => {
    const ch = ownChannel(req);
    return ch
      ? ok({ entities: [...ch.topics].map((id) => ({ id })) })
      : apiError(404, 'not.found', 'channel not found');
  });

  const change = (replace: boolean) => (req: Req) => {
    const ch = ownChannel(req);
    if (!ch) {
      return apiError(404, 'not.found', 'channel not found');
    }
    const ids = topicIds(req.body);
    if (!ids) {
      return apiError(400, 'bad.request', 'expected [{"id": "<topic>"}]');
    }
    const topics = expandTopics(ids);
    const denied = topics.filter((t) => !topicAllowed(req.user?.id, t));
    if (denied.length) {
      return apiError(403, 'not.authorized', `not allowed: ${denied.join(', ')}`);
    }
    hub.streaming.subscribe(ch.id, topics, replace);
    return ok({ entities: [...ch.topics].map((id) => ({ id })) });
  };
  router.add('PUT', '/notifications/channels/:id/subscriptions', change(true));
  router.add('POST', '/notifications/channels/:id/subscriptions', change(false));
  router.add('DELETE', '/notifications/channels/:id/subscriptions', (req) => {
    const ch = ownChannel(req);
    if (!ch) {
      return apiError(404, 'not.found', 'channel not found');
    }
    ch.topics.clear();
    return { status: 204 };
  });
}
