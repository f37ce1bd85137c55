/**
 * The control API under /_emulator (JSON, no auth, loopback only): place and end calls, flip
 * faults, issue tokens, register OAuth clients, and inspect sessions, calls, requests and media.
 */
import type { Hub } from '../hub';
import { apiError, ok, Router, type Reply, type Req } from '../rest/http';
import { stationJson } from '../rest/views';
import { registerAdminRoutes } from './admin-routes';
import { registerCheckRoutes } from './check-routes';
import { body, ControlError, conversationOf, userResolver } from './common';
import { registerFaultRoutes } from './fault-routes';
import * as S from './schemas';
import { callDetail, callSummary, softphoneSessions } from './views';

export { ControlError } from './common';

export function createControlRouter(hub: Hub): Router {
  const r = new Router();
  const user = userResolver(hub);
  const conv = (req: Req) => conversationOf(hub, req);

  r.add('GET', '/directory', () =>
    ok({
      orgs: [...hub.dir.orgs.values()],
      users: [...hub.dir.users.values()].map((u) => ({
        id: u.id,
        orgId: u.orgId,
        name: u.name,
        username: u.username,
        jabberId: u.jabberId,
        stationId: u.stationId,
        token: u.demoToken,
      })),
      stations: [...hub.dir.stations.values()].map(stationJson),
      queues: [...hub.dir.queues.values()],
    }),
  );

  r.add('POST', '/calls', (req) => {
    const b = body(S.PlaceCall, req);
    const c = hub.calls.placeInbound({
      toUserId: user(b.to).id,
      ...(b.from !== undefined ? { from: b.from } : {}),
      ...(b.fromName !== undefined ? { fromName: b.fromName } : {}),
      ...(b.queue !== undefined ? { queueName: b.queue } : {}),
      ...(b.attributes !== undefined ? { attributes: b.attributes } : {}),
      ...(b.autoAnswer !== undefined ? { autoAnswer: b.autoAnswer } : {}),
      ...(b.alertTimeoutMs !== undefined ? { alertTimeoutMs: b.alertTimeoutMs } : {}),
      ...(b.packetLossPercent !== undefined ? { packetLossPercent: b.packetLossPercent } : {}),
    });
    return ok({ conversationId: c.id, sessionId: c.leg?.sessionId }, 201);
  });
  r.add('GET', '/calls', () => ok(hub.calls.all().map(callSummary)));
  r.add('GET', '/calls/:id', (req) => ok(callDetail(conv(req))));
  r.add('POST', '/calls/:id/hangup', (req) => ok({ ended: hub.calls.hangUpRemote(conv(req).id) }));
  r.add('POST', '/calls/:id/packet-loss', (req) => {
    const c = conv(req);
    const { percent } = body(S.Percent, req);
    if (!c.leg?.relay) {
      throw new ControlError(409, 'this call was not placed with packetLossPercent');
    }
    c.leg.relay.lossPercent = percent ?? 0;
    return ok({ lossPercent: c.leg.relay.lossPercent });
  });
  r.add('GET', '/calls/:id/media', async (req) => ok(await hub.calls.mediaReport(conv(req).id)));
  r.add('GET', '/softphone-sessions', () => ok(softphoneSessions(hub.calls.all())));

  r.add('GET', '/sessions', (req) => {
    const ref = req.query.get('user');
    const uid = ref ? user(ref).id : undefined;
    return ok(hub.streaming.liveSessions().filter((s) => !uid || s.userId === uid));
  });
  r.add('GET', '/channels', () => ok(hub.streaming.channels()));
  // Everything of one organisation's users that is still live: sockets, channels, softphone legs.
  r.add('GET', '/orgs/:id/sessions', (req) => {
    const org = req.params['id'] ?? '';
    const inOrg = (userId: string | undefined) => hub.dir.users.get(userId ?? '')?.orgId === org;
    return ok({
      streaming: hub.streaming.liveSessions().filter((s) => inOrg(s.userId)),
      channels: hub.streaming.channels().filter((c) => inOrg(c.userId) && c.sockets > 0),
      softphone: softphoneSessions(hub.calls.all()).filter((s) => inOrg(s.userId)),
    });
  });
  r.add('GET', '/requests', (req) => {
    const since = Number(req.query.get('since') ?? 0);
    const filter = since ? { since } : {};
    return ok({ entries: hub.log.entries(filter), counts: hub.log.counts(filter) });
  });
  r.add('POST', '/requests/clear', () => {
    hub.log.clear();
    return ok({});
  });
  r.add('GET', '/presence-changes', () => ok(hub.dir.presenceChanges));

  registerFaultRoutes(r, hub);
  registerAdminRoutes(r, hub);
  registerCheckRoutes(r, hub);
  return r;
}

export async function runControl(router: Router, req: Req): Promise<Reply> {
  const match = router.match(req.method, req.path);
  if (!match) {
    return apiError(404, 'not.found', `no control route ${req.method} ${req.path}`);
  }
  if (match === 'method') {
    return apiError(405, 'method.not.allowed', req.method);
  }
  try {
    return await match.handler({ ...req, params: match.params });
  } catch (err) {
    if (err instanceof ControlError) {
      return apiError(err.status, 'control.error', err.message);
    }
    return apiError(500, 'control.error', err instanceof Error ? err.message : String(err));
  }
}
