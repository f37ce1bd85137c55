/** What the control API shows about calls: a summary row and the full record. */
import { conversationJson } from '../calls/events';
import { agentOf, customerOf, type Conversation, type SoftphoneLeg } from '../calls/model';

export function callSummary(conv: Conversation) {
  const agent = agentOf(conv);
  return {
    conversationId: conv.id,
    direction: conv.direction,
    agentUserId: conv.agentUserId,
    agentState: agent?.state,
    muted: agent?.muted ?? false,
    held: agent?.held ?? false,
    customer: customerOf(conv)?.address,
    queue: agent?.queueName,
    sessionId: conv.leg?.sessionId,
    legState: conv.leg?.state,
    startTime: conv.startTime,
    endTime: conv.endTime,
    outcome: conv.outcome,
  };
}

export function callDetail(conv: Conversation) {
  return {
    ...callSummary(conv),
    conversation: conversationJson(conv),
    dtmf: conv.dtmf,
    transfers: conv.transfers,
    patches: conv.patches,
    wrapup: agentOf(conv)?.wrapup ?? null,
    attributes: customerOf(conv)?.attributes ?? {},
    eventsSent: conv.events.length,
  };
}

/** Live softphone sessions (peer connections), with the calls they carried. */
export function softphoneSessions(convs: Conversation[]) {
  const legs = new Map<SoftphoneLeg, Conversation[]>();
  for (const c of convs) {
    if (c.leg && c.leg.state !== 'ended') {
      legs.set(c.leg, [...(legs.get(c.leg) ?? []), c]);
    }
  }
  return [...legs].map(([leg, cs]) => ({
    sessionId: leg.sessionId,
    userId: leg.userId,
    state: leg.state,
    persistent: leg.persistent,
    channelId: leg.channelId,
    conversationIds: cs.map((c) => c.id),
    activeConversationId: cs.find((c) => !c.endTime)?.id,
  }));
}
