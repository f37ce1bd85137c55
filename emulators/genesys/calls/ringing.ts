/**
 * How a new call reaches the agent's client: a propose from a fresh gjoll session to every bound
 * socket, or, when the station keeps a persistent connection that is idle, nothing but the event.
 */
import type { Hub } from '../hub';
import { newId } from '../ids';
import type { User } from '../state';
import { gjollJid } from '../xmpp/jid';
import * as s from '../xmpp/stanzas';
import type { Conversation, SoftphoneLeg } from './model';

/** Starts a new softphone session for the call and proposes it to the user's clients. */
export function propose(
  hub: Hub,
  conv: Conversation,
  user: User,
  autoAnswer: boolean,
  lossPercent: number | undefined,
): void {
  const org = hub.dir.orgs.get(user.orgId);
  const sessionId = newId();
  const from = gjollJid(sessionId, org?.domain ?? 'localhost');
  conv.leg = {
    sessionId,
    userId: user.id,
    gjollJid: from,
    autoAnswer,
    state: 'proposed',
    persistent: false,
    startedAt: Date.now(),
    ...(lossPercent !== undefined ? { lossPercent } : {}),
  };
  for (const c of hub.streaming.connectionsOf(user.id)) {
    c.send(s.propose(from, c.fullJid, newId(), { sessionId, conversationId: conv.id, autoAnswer }));
  }
}

/** The user's persistent session if it is up, reachable and carrying no call (line appearance 1). */
export function idlePersistentLeg(
  hub: Hub,
  convs: Conversation[],
  userId: string,
  reachable: (conv: Conversation) => boolean,
): SoftphoneLeg | undefined {
  const station = hub.dir.stations.get(hub.dir.users.get(userId)?.stationId ?? '');
  if (!station?.webRtcPersistentEnabled) {
    return undefined;
  }
  const owner = convs.findLast(
    (c) => c.leg?.userId === userId && c.leg.persistent && c.leg.state === 'active',
  );
  const leg = owner?.leg;
  if (!owner || !leg) {
    return undefined;
  }
  const busy = convs.some((c) => c.leg === leg && !c.endTime);
  return !busy && reachable(owner) ? leg : undefined;
}

/**
 * The agent answered a call over REST (PATCH state connected) that rings with a propose, e.g. a
 * client that started after the propose went out: the session is proposed again to the user's
 * bound clients, flagged auto-answer, as the platform does for a call answered elsewhere.
 */
export function reproposeAnswered(hub: Hub, conv: Conversation): boolean {
  const leg = conv.leg;
  if (!leg || leg.persistent || leg.state !== 'proposed') {
    return false;
  }
  leg.autoAnswer = true;
  const { sessionId } = leg;
  for (const c of hub.streaming.connectionsOf(leg.userId)) {
    c.send(
      s.propose(leg.gjollJid, c.fullJid, newId(), {
        sessionId,
        conversationId: conv.id,
        autoAnswer: true,
      }),
    );
  }
  return true;
}
