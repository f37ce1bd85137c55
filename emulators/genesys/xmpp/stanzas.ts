/** Builders for every element the emulator writes on the streaming socket (stanza's jxt). */
import { XMLElement } from 'stanza/jxt';
import { NS } from './ns';

type Child = XMLElement | string;

function el(name: string, attrs: Record<string, string | undefined> = {}, children: Child[] = []) {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined) {
      clean[k] = v;
    }
  }
  return new XMLElement(name, clean, children);
}

export function streamOpen(domain: string, id: string): XMLElement {
  return el('open', { xmlns: NS.framing, from: domain, id, version: '1.0', 'xml:lang': 'en' });
}

export function streamClose(): XMLElement {
  return el('close', { xmlns: NS.framing });
}

export function features(children: Child[]): XMLElement {
  return el('stream:features', { 'xmlns:stream': NS.streams }, children);
}

export function saslMechanisms(): XMLElement {
  return el('mechanisms', { xmlns: NS.sasl }, [el('mechanism', {}, ['PLAIN'])]);
}

export function bindFeature(): XMLElement {
  return el('bind', { xmlns: NS.bind });
}

export function saslSuccess(): XMLElement {
  return el('success', { xmlns: NS.sasl });
}

export function saslFailure(condition = 'not-authorized', text?: string): XMLElement {
  const children: Child[] = [el(condition)];
  if (text) {
    children.push(el('text', { 'xml:lang': 'en' }, [text]));
  }
  return el('failure', { xmlns: NS.sasl }, children);
}

export function streamError(condition: string): XMLElement {
  return el('stream:error', { 'xmlns:stream': NS.streams }, [
    el(condition, { xmlns: NS.streamErrors }),
  ]);
}

/** A result for a client IQ. `from` is omitted unless given (the bind result must have none). */
export function iqResult(
  id: string,
  opts: { from?: string; to?: string } = {},
  payload?: XMLElement,
) {
  return el(
    'iq',
    { xmlns: NS.client, type: 'result', id, from: opts.from, to: opts.to },
    payload ? [payload] : [],
  );
}

export function iqError(
  id: string,
  condition: string,
  opts: { from?: string; to?: string; type?: 'cancel' | 'modify' | 'wait' } = {},
): XMLElement {
  return el('iq', { xmlns: NS.client, type: 'error', id, from: opts.from, to: opts.to }, [
    el('error', { type: opts.type ?? 'cancel' }, [el(condition, { xmlns: NS.stanzas })]),
  ]);
}

export function bindResult(id: string, fullJid: string): XMLElement {
  return iqResult(id, {}, el('bind', { xmlns: NS.bind }, [el('jid', {}, [fullJid])]));
}

export interface IceService {
  type: 'stun' | 'turn';
  host: string;
  port: number;
  transport?: 'udp' | 'tcp';
  username?: string;
  password?: string;
}

export function extdiscoServices(type: string, services: IceService[]): XMLElement {
  return el(
    'services',
    { xmlns: NS.extdisco, type },
    services.map((s) =>
      el('service', {
        type: s.type,
        host: s.host,
        port: String(s.port),
        transport: s.transport ?? 'udp',
        username: s.username,
        password: s.password,
      }),
    ),
  );
}

export function pubsubSubscription(node: string, jid: string): XMLElement {
  return el('pubsub', { xmlns: NS.pubsub }, [
    el('subscription', { node, jid, subscription: 'subscribed' }),
  ]);
}

/** A pub/sub notification carrying JSON text, as the notifications service sends it. */
export function pubsubEvent(opts: {
  from: string;
  to: string;
  id: string;
  node: string;
  json: string;
}) {
  return el('message', { xmlns: NS.client, from: opts.from, to: opts.to, id: opts.id }, [
    el('event', { xmlns: NS.pubsubEvent }, [
      el('items', { node: opts.node }, [
        el('item', { id: opts.id }, [el('json', { xmlns: NS.json }, [opts.json])]),
      ]),
    ]),
  ]);
}

export interface ProposeAttrs {
  sessionId: string;
  conversationId: string;
  autoAnswer: boolean;
  persistentConversationId?: string;
  privAnswerMode?: string;
  fromUserId?: string;
}

export function propose(from: string, to: string, id: string, p: ProposeAttrs): XMLElement {
  return el('message', { xmlns: NS.client, from, to, id }, [
    el(
      'propose',
      {
        xmlns: NS.jingleMessage,
        id: p.sessionId,
        'inin-cid': p.conversationId,
        'inin-persistent-cid': p.persistentConversationId,
        'inin-autoanswer': String(p.autoAnswer),
        'inin-sdp-over-xmpp': 'true',
        'inin-priv-answer-mode': p.privAnswerMode,
        'inin-user-id': p.fromUserId,
      },
      [el('description', { xmlns: NS.jingleRtp, media: 'audio' })],
    ),
  ]);
}

/** A jingle-message sibling of propose: `retract`, `accept`, `reject` or `proceed`. */
export function jingleMessage(kind: string, from: string, to: string, id: string, sid: string) {
  return el('message', { xmlns: NS.client, from, to, id }, [
    el(kind, { xmlns: NS.jingleMessage, id: sid }),
  ]);
}

/** SDP-over-XMPP JSON-RPC request from the media server to the client. */
export function genesysWebrtc(from: string, to: string, id: string, payload: unknown): XMLElement {
  return el('iq', { xmlns: NS.client, type: 'set', from, to, id }, [
    el('genesys-webrtc', { xmlns: NS.genesys }, [JSON.stringify(payload)]),
  ]);
}

export function ping(from: string, to: string, id: string): XMLElement {
  return el('iq', { xmlns: NS.client, type: 'get', from, to, id }, [
    el('ping', { xmlns: NS.ping }),
  ]);
}
