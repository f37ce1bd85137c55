/**
 * One streaming WebSocket: RFC 7395 framing, SASL PLAIN (`authKey:<token>`), resource bind and
 * the client's pings. Bound stanzas go to xmpp/router.ts. Faults: latency each way, pause
 * (black hole), SASL failures.
 */
import { parse, type XMLElement } from 'stanza/jxt';
import type { WebSocket } from 'ws';
import type { Hub } from '../hub';
import { newId, shortId } from '../ids';
import { findUserByJid, type User } from '../state';
import { NS } from './ns';
import * as s from './stanzas';

export type ConnectionState = 'open' | 'authed' | 'bound' | 'closed';

export interface ConnectionEvents {
  onBound(conn: XmppConnection): void;
  onClosed(conn: XmppConnection): void;
  onStanza(conn: XmppConnection, stanza: XMLElement): void;
}

export class XmppConnection {
  readonly id = newId();
  readonly openedAt = Date.now();
  state: ConnectionState = 'open';
  user: User | undefined;
  fullJid = '';
  boundAt: number | undefined;
  /** The client ended the stream with `<close/>`. */
  closedCleanly = false;
  paused = false;
  serverPingsSent = 0;
  serverPingsAnswered = 0;
  readonly #ws: WebSocket;
  readonly #hub: Hub;
  readonly #events: ConnectionEvents;
  #domain = '';
  #outDue = 0;
  #inDue = 0;

  constructor(
    ws: WebSocket,
    readonly channelId: string,
    readonly pubsubHost: string,
    hub: Hub,
    events: ConnectionEvents,
  ) {
    this.#ws = ws;
    this.#hub = hub;
    this.#events = events;
    ws.on('message', (data: Buffer) => this.#receive(data.toString('utf8')));
    ws.on('close', () => this.#closed());
    ws.on('error', () => this.#closed());
  }

  get domain(): string {
    return this.#domain;
  }

  send(stanza: XMLElement): void {
    if (this.state === 'closed' || this.paused) {
      return;
    }
    const text = stanza.toString();
    this.#later('out', () => {
      if (this.state !== 'closed' && !this.paused) {
        this.#ws.send(text);
      }
    });
  }

  /** Black hole: stop reading and writing, keep the TCP connection open. */
  pause(): void {
    this.paused = true;
    this.#socket()?.pause();
  }

  resume(): void {
    this.paused = false;
    this.#socket()?.resume();
  }

  /** TCP destroy with no close frame. */
  destroy(): void {
    this.#ws.terminate();
  }

  closeCleanly(code = 1001): void {
    this.send(s.streamClose());
    this.#later('out', () => this.#ws.close(code));
  }

  #socket(): { pause(): void; resume(): void } | undefined {
    return (this.#ws as unknown as { _socket?: { pause(): void; resume(): void } })._socket;
  }

  /** Runs `fn` after the configured latency, keeping order within each direction. */
  #later(dir: 'in' | 'out', fn: () => void): void {
    const latency = this.#hub.faults.wsLatencyMs;
    const now = Date.now();
    const prev = dir === 'in' ? this.#inDue : this.#outDue;
    if (latency <= 0 && prev <= now) {
      fn();
      return;
    }
    const due = Math.max(now + latency, prev);
    if (dir === 'in') {
      this.#inDue = due;
    } else {
      this.#outDue = due;
    }
    setTimeout(fn, due - now);
  }

  #receive(text: string): void {
    if (this.paused) {
      return;
    }
    this.#later('in', () => {
      let stanza: XMLElement;
      try {
        stanza = parse(text);
      } catch {
        this.send(s.streamError('not-well-formed'));
        this.closeCleanly(1000);
        return;
      }
      this.#handle(stanza);
    });
  }

  #handle(stanza: XMLElement): void {
    if (this.state === 'closed') {
      return;
    }
    const ns = stanza.getNamespace();
    if (stanza.name === 'open' && ns === NS.framing) {
      this.#onOpen(stanza);
    } else if (stanza.name === 'close' && ns === NS.framing) {
      this.closedCleanly = true;
      this.send(s.streamClose());
      this.#later('out', () => this.#ws.close(1000));
    } else if (stanza.name === 'auth' && ns === NS.sasl) {
      this.#onAuth(stanza);
    } else if (
      this.state === 'authed' &&
      stanza.name === 'iq' &&
      stanza.getChild('bind', NS.bind)
    ) {
      this.#onBind(stanza);
    } else if (this.state === 'bound') {
      this.#events.onStanza(this, stanza);
    }
  }

  #onOpen(stanza: XMLElement): void {
    this.#domain = stanza.getAttribute('to') ?? this.#domain;
    this.send(s.streamOpen(this.#domain, shortId()));
    const feature = this.state === 'authed' ? s.bindFeature() : s.saslMechanisms();
    this.send(s.features([feature]));
  }

  #onAuth(stanza: XMLElement): void {
    const fail = (text: string) => {
      this.send(s.saslFailure('not-authorized', text));
      setTimeout(() => this.#ws.close(1000), 1000).unref();
    };
    if (stanza.getAttribute('mechanism') !== 'PLAIN') {
      return fail('only PLAIN is offered');
    }
    const [, authcid = '', password = ''] = Buffer.from(stanza.getText(), 'base64')
      .toString('utf8')
      .split('\0');
    if (this.#hub.faults.takeSaslFailure()) {
      return fail('SASL failure injected');
    }
    const token = password.startsWith('authKey:') ? password.slice('authKey:'.length) : '';
    const found = this.#hub.tokens.lookup(token);
    const user = findUserByJid(this.#hub.dir, authcid);
    const channel = this.#hub.streaming.channel(this.channelId);
    if (!found.ok) {
      return fail(`token ${found.reason}`);
    }
    if (!user) {
      return fail('unknown jid');
    }
    if (found.record.userId !== user.id || channel?.userId !== user.id) {
      return fail('jid does not match token or channel');
    }
    this.user = user;
    this.state = 'authed';
    this.send(s.saslSuccess());
  }

  #onBind(stanza: XMLElement): void {
    const user = this.user;
    if (!user) {
      return;
    }
    const requested = stanza.getChild('bind', NS.bind)?.getChild('resource')?.getText();
    const resource = requested ? `${requested}-${shortId()}` : `sb-${shortId()}`;
    this.fullJid = `${user.jabberId}/${resource}`;
    this.state = 'bound';
    this.boundAt = Date.now();
    this.send(s.bindResult(stanza.getAttribute('id') ?? '', this.fullJid));
    this.#events.onBound(this);
  }

  #closed(): void {
    if (this.state === 'closed') {
      return;
    }
    this.state = 'closed';
    this.#events.onClosed(this);
  }
}
