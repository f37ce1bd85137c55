/**
 * Faults on the streaming sockets: drop (TCP reset or clean close), black hole (nothing read or
 * written, new upgrades held until restore or opened and ignored), and channel loss via `no_longer_subscribed`.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Hub } from '../hub';
import { newId } from '../ids';
import * as s from './stanzas';
import type { Streaming } from './streaming';

export class SocketFaults {
  #held: { req: IncomingMessage; socket: Duplex; head: Buffer }[] = [];
  #restoreTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly hub: Hub,
    private readonly streaming: Streaming,
  ) {}

  /** Keeps an upgrade request unanswered until the black hole ends. */
  hold(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#held.push({ req, socket, head });
  }

  /** `destroy` is a TCP reset with no close frame, `close` a clean close. */
  drop(mode: 'destroy' | 'close', userId?: string): number {
    const targets = this.streaming.all().filter((c) => !userId || c.user?.id === userId);
    for (const conn of targets) {
      if (mode === 'destroy') {
        conn.destroy();
      } else {
        conn.closeCleanly();
      }
    }
    return targets.length;
  }

  /**
   * Nothing is read or written on live sockets for `ms`. New upgrades are held unanswered, or with
   * `open` completed and then ignored (the socket opens, XMPP never answers).
   */
  blackhole(ms: number, upgrades: 'hold' | 'open' = 'hold'): void {
    this.hub.faults.blackholeUntil = Date.now() + ms;
    this.hub.faults.blackholeUpgrades = upgrades;
    for (const conn of this.streaming.all()) {
      conn.pause();
    }
    clearTimeout(this.#restoreTimer);
    this.#restoreTimer = setTimeout(() => this.restore(), ms);
    this.#restoreTimer.unref();
  }

  /** Ends a black hole: resumes paused sockets and completes held upgrades. */
  restore(): void {
    clearTimeout(this.#restoreTimer);
    this.hub.faults.blackholeUntil = 0;
    for (const conn of this.streaming.all()) {
      if (conn.paused) {
        conn.resume();
      }
    }
    const held = this.#held;
    this.#held = [];
    for (const { req, socket, head } of held) {
      if (!socket.destroyed) {
        this.streaming.handleUpgrade(req, socket, head);
      }
    }
  }

  /**
   * What the service does when it drops a subscription: the `no_longer_subscribed` notification,
   * then the channel ends. The client comes back on a new channel.
   */
  noLongerSubscribed(userId?: string): number {
    let sent = 0;
    for (const channel of this.streaming.allChannels()) {
      const conn =
        !userId || channel.userId === userId ? this.streaming.current(channel) : undefined;
      if (!conn) {
        continue;
      }
      const node = `${channel.id}.no_longer_subscribed`;
      const json = JSON.stringify({
        topicName: 'channel.metadata',
        eventBody: { message: 'no_longer_subscribed' },
      });
      conn.send(
        s.pubsubEvent({ from: conn.pubsubHost, to: conn.fullJid, id: newId(), node, json }),
      );
      sent += 1;
      setTimeout(() => this.streaming.endChannel(channel.id), 250).unref();
    }
    return sent;
  }
}
