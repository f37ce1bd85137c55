/**
 * Conversations and their lifecycle: inbound (event + propose, alert timeout → retract), outbound
 * (contacting + auto-answer propose), hang-up from either side. Signalling from the client is in
 * signalling.ts, call control over REST in participant-ops.ts.
 */
import type { Hub } from '../hub';
import { newId } from '../ids';
import { acdCallConnected, acdCallEnded, missedAcdCall } from '../rest/routing';
import { findQueueByName, type User } from '../state';
import type { XmppConnection } from '../xmpp/connection';
import * as s from '../xmpp/stanzas';
import { conversation, inboundParticipants, outboundParticipants } from './build';
import { ECHO_MAX_MS, isEchoCall } from './echo';
import { conversationJson } from './events';
import { mediaReport, type MediaReport } from './media-report';
import {
  agentOf,
  customerOf,
  isEnded,
  isPending,
  type Conversation,
  type Outcome,
  type SoftphoneLeg,
} from './model';
import { idlePersistentLeg, propose } from './ringing';
import { onJingleMessage, onRpc } from './signalling';

export type { MediaReport } from './media-report';

export interface InboundCall {
  toUserId: string;
  from?: string;
  fromName?: string;
  queueName?: string;
  attributes?: Record<string, string>;
  autoAnswer?: boolean;
  alertTimeoutMs?: number;
  /** Drop this share of RTP both ways (through a UDP relay). */
  packetLossPercent?: number;
}

const iso = () => new Date().toISOString();

export class CallManager {
  readonly #hub: Hub;
  readonly #convs = new Map<string, Conversation>();
  readonly #timers = new Map<string, NodeJS.Timeout>();

  constructor(hub: Hub) {
    this.#hub = hub;
  }

  get(id: string): Conversation | undefined {
    return this.#convs.get(id);
  }

  all(): Conversation[] {
    return [...this.#convs.values()];
  }

  /** The newest conversation on a softphone session (a persistent one carries several). */
  bySession(sessionId: string): Conversation | undefined {
    return this.all().findLast((c) => c.leg?.sessionId === sessionId);
  }

  activeFor(userId: string): Conversation[] {
    return this.all().filter((c) => c.agentUserId === userId && !c.endTime);
  }

  placeInbound(call: InboundCall): Conversation {
    const user = this.#user(call.toUserId);
    const queue = call.queueName
      ? findQueueByName(this.#hub.dir, user.orgId, call.queueName)
      : undefined;
    if (call.queueName && !queue) {
      throw new Error(`unknown queue ${call.queueName}`);
    }
    const timeout = call.alertTimeoutMs ?? this.#hub.options.defaultAlertTimeoutMs;
    const conv = conversation(user, 'inbound', inboundParticipants(user, queue, call), timeout);
    this.#convs.set(conv.id, conv);
    this.emit(conv);
    this.#attach(conv, user, call.autoAnswer ?? false, call.packetLossPercent);
    return conv;
  }

  placeOutbound(user: User, target: string): Conversation {
    const timeout = this.#hub.options.defaultAlertTimeoutMs;
    const conv = conversation(user, 'outbound', outboundParticipants(user, target), timeout);
    this.#convs.set(conv.id, conv);
    this.emit(conv);
    this.#attach(conv, user, true, undefined);
    return conv;
  }

  /** Publishes the conversation's current state to every user on it. */
  emit(conv: Conversation): void {
    const body = conversationJson(conv);
    conv.events.push(JSON.stringify(body));
    for (const p of conv.participants) {
      if (p.userId) {
        this.#hub.streaming.publish(`v2.users.${p.userId}.conversations`, body);
      }
    }
  }

  /** The agent's leg is up: ICE connected (info active) or, without real media, answered. */
  markActive(conv: Conversation): void {
    const agent = agentOf(conv);
    if (!agent || !conv.leg || conv.leg.state === 'active' || isEnded(agent.state)) {
      return;
    }
    conv.leg.state = 'active';
    agent.recordingId ??= newId(); // media established: the recording has audio
    const station = this.#hub.dir.stations.get(
      this.#hub.dir.users.get(conv.agentUserId)?.stationId ?? '',
    );
    conv.leg.persistent = Boolean(
      station?.webRtcPersistentEnabled && station.type === 'inin_webrtc_softphone',
    );
    this.#connect(conv);
  }

  /** A call on a persistent connection is accepted (PATCH connected) or auto-answered. */
  connectPersistent(conv: Conversation): void {
    const agent = agentOf(conv);
    if (conv.leg?.persistent && conv.leg.state === 'active' && agent && isPending(agent.state)) {
      void conv.leg.peer?.setSending(true).catch(() => undefined);
      this.#connect(conv);
    }
  }

  #connect(conv: Conversation): void {
    const agent = agentOf(conv);
    if (!agent) {
      return;
    }
    this.#clearTimer(conv.id);
    agent.state = 'connected';
    agent.connectedTime = iso();
    this.emit(conv);
    this.#acdRouting(conv, acdCallConnected);
    const far = customerOf(conv);
    if (conv.direction === 'outbound' && far) {
      const echo = isEchoCall(conv);
      this.#later(conv.id, echo ? 0 : this.#hub.options.outboundAnswerDelayMs, () => {
        far.state = 'connected';
        far.connectedTime = iso();
        this.emit(conv);
        if (echo) {
          this.#later(conv.id, ECHO_MAX_MS, () => this.hangUpRemote(conv.id));
        }
      });
    }
  }

  /** Ends the conversation for the agent; `terminate` tells the client to close the peer connection. */
  end(
    conv: Conversation,
    outcome: Outcome,
    opts: { terminate: boolean; disconnectType: string },
  ): void {
    if (conv.endTime) {
      return;
    }
    this.#clearTimer(conv.id);
    const now = iso();
    conv.outcome = outcome;
    conv.endTime = now;
    for (const p of conv.participants) {
      if (!isEnded(p.state)) {
        p.state = 'disconnected';
        p.endTime = now;
        p.disconnectType = p.userId === conv.agentUserId ? opts.disconnectType : 'endpoint';
      }
    }
    this.emit(conv);
    this.#acdRouting(conv, acdCallEnded);
    const leg = conv.leg;
    if (!leg) {
      return;
    }
    if (leg.persistent && leg.state === 'active') {
      void leg.peer?.setSending(false).catch(() => undefined);
      return; // the peer connection stays up for the next call
    }
    if (leg.state === 'proposed') {
      for (const c of this.#hub.streaming.connectionsOf(leg.userId)) {
        c.send(s.jingleMessage('retract', leg.gjollJid, c.fullJid, newId(), leg.sessionId));
      }
    } else if (opts.terminate && leg.state !== 'ended') {
      const conn = this.legConnection(conv);
      conn?.send(
        s.genesysWebrtc(leg.gjollJid, conn.fullJid, newId(), {
          jsonrpc: '2.0',
          id: newId(),
          method: 'terminate',
          params: { sessionId: leg.sessionId, reason: 'success' },
        }),
      );
    }
    leg.state = 'ended';
    leg.endedAt = Date.now();
    void leg.peer?.close().catch(() => undefined);
    leg.relay?.close();
  }

  hangUpRemote(id: string): boolean {
    const conv = this.#convs.get(id);
    if (!conv || conv.endTime) {
      return false;
    }
    this.end(conv, 'remote-hangup', { terminate: true, disconnectType: 'peer' });
    return true;
  }

  /** The socket signalling for this call goes to: the newest of the proceeding client's channel. */
  legConnection(conv: Conversation): XmppConnection | undefined {
    const channelId = conv.leg?.channelId;
    const channel = channelId ? this.#hub.streaming.channel(channelId) : undefined;
    return channel ? this.#hub.streaming.current(channel) : undefined;
  }

  onJingleMessage(conn: XmppConnection, kind: string, sessionId: string): void {
    onJingleMessage(this.#hub, this, conn, kind, sessionId);
  }

  onRpc(conn: XmppConnection, text: string): Promise<boolean> {
    return onRpc(this.#hub, this, conn, text);
  }

  /** The client closed the session's peer connection: every call on it ends, persistent or not. */
  terminateLeg(leg: SoftphoneLeg, outcome: Outcome): void {
    leg.persistent = false;
    for (const conv of this.all()) {
      if (conv.leg === leg && !conv.endTime) {
        this.end(conv, outcome, { terminate: false, disconnectType: 'client' });
      }
    }
    if (leg.state !== 'ended') {
      leg.state = 'ended';
      leg.endedAt = Date.now();
      void leg.peer?.close().catch(() => undefined);
      leg.relay?.close();
    }
  }

  /** A client that closed its stream on purpose and has no other socket on the channel has left. */
  onConnectionClosed(conn: XmppConnection): void {
    if (!conn.closedCleanly) {
      return;
    }
    for (const conv of this.all()) {
      const leg = conv.leg;
      if (
        leg &&
        leg.state !== 'ended' &&
        leg.channelId === conn.channelId &&
        !this.legConnection(conv)
      ) {
        this.terminateLeg(leg, 'client-closed');
      }
    }
  }

  async mediaReport(id: string): Promise<MediaReport | undefined> {
    const conv = this.#convs.get(id);
    return conv ? mediaReport(conv) : undefined;
  }

  close(): void {
    for (const t of this.#timers.values()) {
      clearTimeout(t);
    }
    for (const conv of this.#convs.values()) {
      void conv.leg?.peer?.close().catch(() => undefined);
      conv.leg?.relay?.close();
    }
  }

  /** Rings the agent: on an idle persistent connection by event only, otherwise with a propose. */
  #attach(conv: Conversation, user: User, autoAnswer: boolean, loss: number | undefined): void {
    const leg = idlePersistentLeg(this.#hub, this.all(), user.id, (c) => !!this.legConnection(c));
    if (leg) {
      conv.leg = leg;
    } else {
      propose(
        this.#hub,
        conv,
        user,
        autoAnswer,
        loss ?? this.#hub.faults.mediaLossPercent ?? undefined,
      );
    }
    if (leg && autoAnswer) {
      this.#later(conv.id, 200, () => this.connectPersistent(conv));
      return;
    }
    this.#later(conv.id, conv.alertTimeoutMs, () => {
      const agent = agentOf(conv);
      if (agent && isPending(agent.state)) {
        this.end(conv, 'alert-timeout', { terminate: true, disconnectType: 'timeout' });
        if (conv.participants.some((p) => p.queueId !== undefined)) {
          missedAcdCall(this.#hub, user);
        }
      }
    });
  }

  /** Queue calls move the agent's routing status (rest/routing.ts). */
  #acdRouting(conv: Conversation, change: (hub: Hub, user: User) => void): void {
    const user = this.#hub.dir.users.get(conv.agentUserId);
    if (user && conv.participants.some((p) => p.queueId !== undefined)) {
      change(this.#hub, user);
    }
  }

  #user(id: string): User {
    const user = this.#hub.dir.users.get(id);
    if (!user) {
      throw new Error(`unknown user ${id}`);
    }
    return user;
  }

  #later(id: string, ms: number, fn: () => void): void {
    this.#clearTimer(id);
    const t = setTimeout(() => {
      this.#timers.delete(id);
      fn();
    }, ms);
    t.unref();
    this.#timers.set(id, t);
  }

  #clearTimer(id: string): void {
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
  }
}
