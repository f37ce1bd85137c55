/** Control routes that flip faults: sockets, latency, REST errors, SASL, events, packet loss. */
import type { Hub } from '../hub';
import { newId } from '../ids';
import { ok, type Router } from '../rest/http';
import { body, ControlError, userResolver } from './common';
import * as S from './schemas';

export function registerFaultRoutes(r: Router, hub: Hub): void {
  const user = userResolver(hub);
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
  r.add('GET', '/faults', () => ok(hub.faults.snapshot()));
  r.add('POST', '/faults/clear', () => {
    hub.faults.clear();
    hub.streaming.faults.restore();
    hub.tokens.restoreDemo();
    return ok(hub.faults.snapshot());
  });
  r.add('POST', '/faults/drop', (req) => {
    const b = body(S.Drop, req);
    return ok({
      dropped: hub.streaming.faults.drop(b.mode, b.user ? user(b.user).id : undefined),
      t: Date.now(),
    });
  });
  r.add('POST', '/faults/blackhole', (req) => {
    const b = body(S.Blackhole, req);
    hub.streaming.faults.blackhole(b.seconds * 1000, b.upgrades);
    return ok({ until: hub.faults.blackholeUntil, t: Date.now() });
  });
  r.add('POST', '/faults/restore', () => {
    hub.streaming.faults.restore();
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
    return ok({
      sent: hub.streaming.faults.noLongerSubscribed(b.user ? user(b.user).id : undefined),
    });
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
}
