/**
 * What a bound client may send: pings, XEP-0215 ICE discovery, pub/sub (un)subscribe, SDP-over-XMPP
 * JSON-RPC (to the call manager) and jingle messages (proceed/reject to gjoll, accept/reject
 * broadcast to the user's other clients).
 */
import type { XMLElement } from 'stanza/jxt';
import type { Hub } from '../hub';
import { newId } from '../ids';
import type { XmppConnection } from './connection';
import { bareOf, sessionIdOfGjoll } from './jid';
import { NS } from './ns';
import * as s from './stanzas';

const SERVER_PINGS_NODE = 'enable.server.side.pings';

export function routeStanza(hub: Hub, conn: XmppConnection, stanza: XMLElement): void {
  if (stanza.name === 'iq') {
    routeIq(hub, conn, stanza);
  } else if (stanza.name === 'message') {
    routeMessage(hub, conn, stanza);
  }
}

function routeIq(hub: Hub, conn: XmppConnection, iq: XMLElement): void {
  const type = iq.getAttribute('type');
  const id = iq.getAttribute('id') ?? '';
  const to = iq.getAttribute('to');
  const reply = { ...(to ? { from: to } : {}), to: conn.fullJid };
  if (type === 'result' || type === 'error') {
    if (type === 'result' && id.startsWith('ping-')) {
      conn.serverPingsAnswered += 1;
    }
    return;
  }
  if (iq.getChild('ping', NS.ping)) {
    return conn.send(s.iqResult(id, reply));
  }
  const services = iq.getChild('services', NS.extdisco);
  if (services && type === 'get') {
    const kind = services.getAttribute('type') ?? 'stun';
    const list = kind === 'turn' ? hub.options.turnServers : hub.options.stunServers;
    return conn.send(s.iqResult(id, reply, s.extdiscoServices(kind, list)));
  }
  const pubsub = iq.getChild('pubsub', NS.pubsub);
  if (pubsub && type === 'set') {
    return handlePubsub(hub, conn, iq, pubsub, reply);
  }
  const rpc = iq.getChild('genesys-webrtc', NS.genesys);
  if (rpc && type === 'set') {
    void hub.calls.onRpc(conn, rpc.getText()).then(
      (ok) => conn.send(ok ? s.iqResult(id, reply) : s.iqError(id, 'item-not-found', reply)),
      () => conn.send(s.iqError(id, 'internal-server-error', reply)),
    );
    return;
  }
  conn.send(s.iqError(id, 'service-unavailable', reply));
}

function handlePubsub(
  hub: Hub,
  conn: XmppConnection,
  iq: XMLElement,
  pubsub: XMLElement,
  reply: { from?: string; to: string },
): void {
  const id = iq.getAttribute('id') ?? '';
  const sub = pubsub.getChild('subscribe');
  const unsub = pubsub.getChild('unsubscribe');
  const node = (sub ?? unsub)?.getAttribute('node');
  if (!node) {
    return conn.send(s.iqError(id, 'bad-request', reply));
  }
  const jid = (sub ?? unsub)?.getAttribute('jid') ?? bareOf(conn.fullJid);
  if (unsub) {
    hub.streaming.channel(conn.channelId)?.topics.delete(node);
    return conn.send(s.iqResult(id, reply));
  }
  if (node === SERVER_PINGS_NODE) {
    hub.streaming.enableServerPings(conn);
  } else {
    if (!topicAllowed(conn.user?.id, node)) {
      return conn.send(s.iqError(id, 'forbidden', reply));
    }
    hub.streaming.subscribe(conn.channelId, [node]);
  }
  conn.send(s.iqResult(id, reply, s.pubsubSubscription(node, jid)));
}

/** A user may subscribe to its own user topics only. */
export function topicAllowed(userId: string | undefined, topic: string): boolean {
  const m = /^v2\.users\.([^.?]+)[.?]/.exec(topic);
  return !m || m[1] === userId;
}

function routeMessage(hub: Hub, conn: XmppConnection, msg: XMLElement): void {
  const to = msg.getAttribute('to') ?? '';
  for (const kind of ['proceed', 'reject', 'accept', 'retract'] as const) {
    const child = msg.getChild(kind, NS.jingleMessage);
    if (!child) {
      continue;
    }
    const sid = child.getAttribute('id') ?? '';
    const gjollSid = sessionIdOfGjoll(to);
    if (gjollSid !== undefined) {
      hub.calls.onJingleMessage(conn, kind, sid);
    } else if (conn.user?.jabberId === bareOf(to)) {
      // A notice to the user's other clients that this one handled the session.
      for (const other of hub.streaming.connectionsOf(conn.user.id)) {
        if (other !== conn) {
          other.send(s.jingleMessage(kind, conn.fullJid, other.fullJid, newId(), sid));
        }
      }
    }
    return;
  }
}
