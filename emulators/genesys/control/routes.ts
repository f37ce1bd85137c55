/**
 * The control API under /_emulator (JSON, no auth, loopback only): place and end calls, flip
 * faults, issue tokens, register OAuth clients, and inspect sessions, calls, requests and media.
 */
import type { Hub } from '../hub';
import { newId } from '../ids';
import { apiError, ok, Router, type Reply, type Req } from '../rest/http';
import { stationJson } from '../rest/views';
import { resolveOrg, resolveUser } from './resolve';
import * as S from './schemas';
import { callDetail, callSummary, softphoneSessions } from './views';
import type { z } from 'zod';

function body<T extends z.ZodType>(schema: T, req: Req): z.infer<T> {
  const parsed = schema.safeParse(req.body ?? {});
  if (!parsed.success) {
    throw new ControlError(400, parsed.error.message);
  }
  return parsed.data;
}

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function createControlRouter(hub: Hub): Router {
  const r = new Router();
  const user = (ref: string) => {
    const u = resolveUser(hub.dir, ref);
    if (!u) {
      throw new ControlError(404, `unknown user ${ref}`);
    }
    return u;
  };
  const conv = (req: Req) => {
    const c = hub.calls.get(req.params['id'] ?? '');
    if (!c) {
      throw new ControlError(404, 'unknown conversation');
    }
    return c;
  };

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
  r.add('POST', '/faults/packet-loss', (req) => {
    const { percent } = body(S.Percent, req);
    hub.faults.mediaLossPercent = percent;
    for (const c of hub.calls.all()) {
      if (c.leg?.relay && percent !== null) {
        c.leg.relay.lossPercent = percent;
      }
    }
    return ok(hub.faults.snapshot());
  });
  r.add('GET', '/calls/:id/media', async (req) => ok(await hub.calls.mediaReport(conv(req).id)));
  r.add('GET', '/softphone-sessions', () => ok(softphoneSessions(hub.calls.all())));

  r.add('GET', '/sessions', (req) => {
    const ref = req.query.get('user');
    const uid = ref ? user(ref).id : undefined;
    return ok(hub.streaming.liveSessions().filter((s) => !uid || s.userId === uid));
  });
  r.add('GET', '/channels', () => ok(hub.streaming.channels()));
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

  r.add('GET', '/faults', () => ok(hub.faults.snapshot()));
  r.add('POST', '/faults/clear', () => {
    hub.faults.clear();
    hub.streaming.restore();
    hub.tokens.restoreDemo();
    return ok(hub.faults.snapshot());
  });
  r.add('POST', '/faults/drop', (req) => {
    const b = body(S.Drop, req);
    return ok({
      dropped: hub.streaming.drop(b.mode, b.user ? user(b.user).id : undefined),
      t: Date.now(),
    });
  });
  r.add('POST', '/faults/blackhole', (req) => {
    hub.streaming.blackhole(body(S.Seconds, req).seconds * 1000);
    return ok({ until: hub.faults.blackholeUntil, t: Date.now() });
  });
  r.add('POST', '/faults/restore', () => {
    hub.streaming.restore();
    hub.faults.refuseUpgradesUntil = 0;
    return ok({ t: Date.now() });
  });
  r.add('POST', '/faults/refuse-upgrades', (req) => {
    hub.faults.refuseUpgradesUntil = Date.now() + body(S.Seconds, req).seconds * 1000;
    return ok({ until: hub.faults.refuseUpgradesUntil, t: Date.now() });
  });
  r.add('POST', '/faults/latency', (req) => {
    const b = body(S.Latency, req);
    hub.faults.restLatencyMs = b.restMs ?? hub.faults.restLatencyMs;
    hub.faults.wsLatencyMs = b.wsMs ?? hub.faults.wsLatencyMs;
    return ok(hub.faults.snapshot());
  });
  r.add('POST', '/faults/rest', (req) => {
    const b = body(S.RestFaultBody, req);
    hub.faults.addRestFault({
      status: b.status,
      ...(b.retryAfterSec !== undefined ? { retryAfterSec: b.retryAfterSec } : {}),
      ...(b.pathPrefix !== undefined ? { pathPrefix: b.pathPrefix } : {}),
      ...(b.count !== undefined ? { remaining: b.count } : {}),
      ...(b.seconds !== undefined ? { untilMs: Date.now() + b.seconds * 1000 } : {}),
      ...(b.count === undefined && b.seconds === undefined ? { remaining: 1 } : {}),
    });
    return ok(hub.faults.snapshot());
  });
  r.add('POST', '/faults/sasl', (req) => {
    const b = body(S.SaslFault, req);
    hub.faults.failSasl({
      ...(b.count !== undefined ? { count: b.count } : {}),
      ...(b.seconds !== undefined ? { seconds: b.seconds } : {}),
    });
    return ok(hub.faults.snapshot());
  });
  r.add('POST', '/faults/no-longer-subscribed', (req) => {
    const b = body(S.UserRef, req);
    return ok({ sent: hub.streaming.noLongerSubscribed(b.user ? user(b.user).id : undefined) });
  });
  r.add('POST', '/faults/event', (req) => {
    const b = body(S.EventFault, req);
    const c = hub.calls.get(b.conversationId);
    if (!c) {
      throw new ControlError(404, 'unknown conversation');
    }
    const topic = `v2.users.${c.agentUserId}.conversations`;
    const wrap = (eventBody: string) =>
      `{"topicName":${JSON.stringify(topic)},"version":"2","eventBody":${eventBody},"metadata":{"CorrelationId":"${newId()}"}}`;
    const last = c.events.at(-1) ?? '{}';
    const raws: Record<typeof b.kind, string[]> = {
      'malformed-json': [
        `{"topicName":${JSON.stringify(topic)},"eventBody":{"id":"${c.id}","participants":[`,
      ],
      'malformed-shape': [wrap(JSON.stringify({ id: c.id, participants: 'not-a-list' }))],
      duplicate: [wrap(last), wrap(last)],
      'out-of-order': [wrap(c.events.at(-2) ?? last)],
    };
    let sent = 0;
    for (const raw of raws[b.kind]) {
      sent += hub.streaming.publish(topic, undefined, { raw });
    }
    return ok({ sent });
  });

  r.add('POST', '/tokens', (req) => {
    const b = body(S.IssueToken, req);
    const u = user(b.user);
    const t = hub.tokens.issue(
      u.id,
      u.orgId,
      b.expiresInSec !== undefined ? { expiresInSec: b.expiresInSec } : {},
    );
    return ok({ token: t.token, userId: u.id, expiresAt: t.expiresAt }, 201);
  });
  r.add('POST', '/tokens/expire', (req) =>
    ok({ found: hub.tokens.expire(body(S.TokenRef, req).token) }),
  );
  r.add('POST', '/tokens/revoke', (req) =>
    ok({ found: hub.tokens.revoke(body(S.TokenRef, req).token) }),
  );
  r.add('POST', '/tokens/revoke-user', (req) =>
    ok({
      revoked: hub.tokens.revokeUser(user(body(S.IssueToken.pick({ user: true }), req).user).id),
    }),
  );

  r.add('PATCH', '/stations/:id', (req) => {
    const st =
      hub.dir.stations.get(req.params['id'] ?? '') ??
      hub.dir.stations.get(resolveUser(hub.dir, req.params['id'] ?? '')?.stationId ?? '');
    if (!st) {
      throw new ControlError(404, 'unknown station');
    }
    Object.assign(
      st,
      Object.fromEntries(
        Object.entries(body(S.StationPatch, req)).filter(([, v]) => v !== undefined),
      ),
    );
    return ok(stationJson(st));
  });

  r.add('POST', '/oauth/clients', (req) => {
    const b = body(S.OAuthClientBody, req);
    const org = resolveOrg(hub.dir, b.org);
    if (!org) {
      throw new ControlError(404, `unknown org ${b.org}`);
    }
    return ok(
      hub.oauth.register({
        clientId: b.clientId ?? newId(),
        orgId: org.id,
        name: b.name ?? 'Switchboard',
        redirectUris: b.redirectUris,
        refreshTokens: b.refreshTokens ?? false,
      }),
      201,
    );
  });
  r.add('POST', '/oauth/auto-approve', (req) => {
    const b = body(S.AutoApprove, req);
    hub.oauth.autoApproveUserId = b.user === null ? null : user(b.user).id;
    return ok({ autoApproveUserId: hub.oauth.autoApproveUserId });
  });
  r.add('POST', '/oauth/settings', (req) => {
    hub.options.tokenExpiresInSec = body(S.OAuthSettings, req).tokenExpiresInSec;
    return ok({ tokenExpiresInSec: hub.options.tokenExpiresInSec });
  });
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
