/**
 * Notification channels and the streaming sockets on them. Subscriptions belong to the channel, so
 * a soft reconnect (same channel, new socket) keeps them; events go to the channel's newest bound
 * socket. Also the socket-level faults: drop, clean close, black hole, refused upgrades.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Hub } from '../hub';
import { newId } from '../ids';
import { XmppConnection } from './connection';
import { routeStanza } from './router';
import { SocketFaults } from './socket-faults';
import * as s from './stanzas';

export interface Channel {
  id: string;
  userId: string;
  createdAt: number;
  topics: Set<string>;
  serverPings: boolean;
  connections: XmppConnection[];
}

export interface LiveSession {
  connectionId: string;
  channelId: string;
  userId: string | undefined;
  fullJid: string;
  state: string;
  openedAt: number;
  boundAt: number | undefined;
  paused: boolean;
  current: boolean;
  serverPingsSent: number;
  serverPingsAnswered: number;
}

export class Streaming {
  readonly #hub: Hub;
  readonly #channels = new Map<string, Channel>();
  readonly #wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has('xmpp') ? 'xmpp' : false),
  });
  readonly #pingTimers = new Map<XmppConnection, NodeJS.Timeout>();
  /** Drop, clean close, black hole and channel loss. */
  readonly faults: SocketFaults;

  constructor(hub: Hub) {
    this.#hub = hub;
    this.faults = new SocketFaults(hub, this);
  }

  createChannel(userId: string): Channel {
    const channel: Channel = {
      id: `streaming-${newId()}`,
      userId,
      createdAt: Date.now(),
      topics: new Set(),
      serverPings: false,
      connections: [],
    };
    this.#channels.set(channel.id, channel);
    return channel;
  }

  channel(id: string): Channel | undefined {
    return this.#channels.get(id);
  }

  channelsOf(userId: string): Channel[] {
    return [...this.#channels.values()].filter((c) => c.userId === userId);
  }

  /** The socket events for this channel go to: the newest bound, live one. */
  current(channel: Channel): XmppConnection | undefined {
    for (let i = channel.connections.length - 1; i >= 0; i -= 1) {
      const conn = channel.connections[i];
      if (conn?.state === 'bound') {
        return conn;
      }
    }
    return undefined;
  }

  subscribe(channelId: string, topics: string[], replace = false): void {
    const channel = this.#channels.get(channelId);
    if (!channel) {
      return;
    }
    if (replace) {
      channel.topics.clear();
    }
    for (const topic of topics) {
      channel.topics.add(topic);
    }
  }

  enableServerPings(conn: XmppConnection): void {
    const channel = this.#channels.get(conn.channelId);
    if (channel) {
      channel.serverPings = true;
    }
    this.#startPings(conn);
  }

  /** Sends a notification to every channel subscribed to `topic`. */
  publish(topic: string, body: unknown, opts: { raw?: string } = {}): number {
    const json =
      opts.raw ??
      JSON.stringify({
        topicName: topic,
        version: '2',
        eventBody: body,
        metadata: { CorrelationId: newId() },
      });
    let sent = 0;
    for (const channel of this.#channels.values()) {
      const conn = channel.topics.has(topic) ? this.current(channel) : undefined;
      if (conn) {
        conn.send(
          s.pubsubEvent({
            from: conn.pubsubHost,
            to: conn.fullJid,
            id: newId(),
            node: topic,
            json,
          }),
        );
        sent += 1;
      }
    }
    return sent;
  }

  /** Every live bound socket of a user (one per channel). */
  connectionsOf(userId: string): XmppConnection[] {
    return this.channelsOf(userId)
      .map((c) => this.current(c))
      .filter((c): c is XmppConnection => c !== undefined);
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://x');
    const match = /^\/stream\/channels\/([^/]+)$/.exec(url.pathname);
    const reject = (status: number, text: string) => {
      this.#hub.log.add({
        t: Date.now(),
        kind: 'upgrade',
        method: 'GET',
        path: url.pathname,
        status,
      });
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (!match?.[1]) {
      return reject(404, 'Not Found');
    }
    if (this.#hub.faults.refusing()) {
      return reject(503, 'Service Unavailable');
    }
    if (this.#hub.faults.blackholed() && this.#hub.faults.blackholeUpgrades === 'hold') {
      this.faults.hold(req, socket, head);
      return;
    }
    const channel = this.#channels.get(match[1]);
    if (!channel) {
      return this.#refuseChannel(req, socket, head, url.pathname);
    }
    this.#hub.log.add({
      t: Date.now(),
      kind: 'upgrade',
      method: 'GET',
      path: '/stream/channels/{id}',
      status: 101,
      userId: channel.userId,
    });
    const host = req.headers.host ?? '127.0.0.1';
    const apiHost = new URL(this.#hub.baseUrl).host;
    this.#wss.handleUpgrade(req, socket, head, (ws) => {
      const conn = new XmppConnection(
        ws,
        channel.id,
        `notifications.${apiHost || host}`,
        this.#hub,
        {
          onBound: (c) => this.#onBound(c),
          onClosed: (c) => this.#onClosed(c),
          onStanza: (c, st) => routeStanza(this.#hub, c, st),
        },
      );
      channel.connections.push(conn);
      if (this.#hub.faults.blackholed()) {
        conn.pause();
      }
    });
  }

  /**
   * A channel it does not know (a reachability probe, a forgotten channel): the upgrade is
   * accepted, then the socket closed at once with 1008, so an unauthenticated client can tell a
   * healthy host (it opens) from a refusing one (HTTP 503, no open).
   */
  #refuseChannel(req: IncomingMessage, socket: Duplex, head: Buffer, path: string): void {
    this.#hub.log.add({ t: Date.now(), kind: 'upgrade', method: 'GET', path, status: 101 });
    this.#wss.handleUpgrade(req, socket, head, (ws) => {
      ws.close(1008, 'unknown channel');
    });
  }

  #onBound(conn: XmppConnection): void {
    const channel = this.#channels.get(conn.channelId);
    if (channel?.serverPings) {
      this.#startPings(conn);
    }
  }

  #onClosed(conn: XmppConnection): void {
    clearInterval(this.#pingTimers.get(conn));
    this.#pingTimers.delete(conn);
    const channel = this.#channels.get(conn.channelId);
    if (channel) {
      channel.connections = channel.connections.filter((c) => c !== conn);
    }
    this.#hub.calls.onConnectionClosed(conn);
  }

  #startPings(conn: XmppConnection): void {
    if (this.#pingTimers.has(conn)) {
      return;
    }
    const timer = setInterval(() => {
      if (conn.state === 'bound') {
        conn.serverPingsSent += 1;
        conn.send(s.ping(conn.domain, conn.fullJid, `ping-${newId()}`));
      }
    }, this.#hub.options.serverPingIntervalMs);
    timer.unref();
    this.#pingTimers.set(conn, timer);
  }

  all(): XmppConnection[] {
    return [...this.#channels.values()].flatMap((c) => c.connections);
  }

  /** Ends a channel: it is forgotten and its sockets are closed cleanly. */
  endChannel(id: string): void {
    const channel = this.#channels.get(id);
    this.#channels.delete(id);
    for (const c of channel?.connections ?? []) {
      c.closeCleanly(1000);
    }
  }

  allChannels(): Channel[] {
    return [...this.#channels.values()];
  }

  liveSessions(): LiveSession[] {
    return [...this.#channels.values()].flatMap((channel) => {
      const current = this.current(channel);
      return channel.connections.map((c) => ({
        connectionId: c.id,
        channelId: channel.id,
        userId: c.user?.id,
        fullJid: c.fullJid,
        state: c.state,
        openedAt: c.openedAt,
        boundAt: c.boundAt,
        paused: c.paused,
        current: c === current,
        serverPingsSent: c.serverPingsSent,
        serverPingsAnswered: c.serverPingsAnswered,
      }));
    });
  }

  channels(): {
    id: string;
    userId: string;
    topics: string[];
    serverPings: boolean;
    sockets: number;
  }[] {
    return [...this.#channels.values()].map((c) => ({
      id: c.id,
      userId: c.userId,
      topics: [...c.topics],
      serverPings: c.serverPings,
      sockets: c.connections.length,
    }));
  }

  close(): void {
    this.faults.restore();
    for (const conn of this.all()) {
      conn.destroy();
    }
    for (const t of this.#pingTimers.values()) {
      clearInterval(t);
    }
    this.#wss.close();
  }
}
