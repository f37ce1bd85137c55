/**
 * Serialises a conversation the way Genesys Cloud's conversation notifications and
 * GET /conversations/{id} show it (the fields the SDK and the product read, plus common extras).
 */
import type { Conversation, Participant } from './model';

function callJson(conv: Conversation, p: Participant, other: Participant | undefined) {
  return {
    id: p.callId,
    state: p.state,
    recording: p.recordingId !== undefined,
    recordingState: p.recordingId !== undefined ? 'active' : 'none',
    recordingId: p.recordingId,
    muted: p.muted,
    confined: p.confined,
    held: p.held,
    direction: p.direction,
    provider: 'Edge',
    self: { addressNormalized: p.address },
    other: other ? { name: other.name, addressNormalized: other.address } : undefined,
    connectedTime: p.connectedTime,
    disconnectedTime: p.endTime,
    disconnectType: p.disconnectType,
    peerId: conv.leg?.sessionId,
  };
}

export function participantJson(conv: Conversation, p: Participant) {
  const other = conv.participants.find((o) => o !== p && o.purpose !== 'acd');
  return {
    id: p.id,
    name: p.name,
    address: p.address,
    startTime: p.startTime,
    connectedTime: p.connectedTime,
    endTime: p.endTime,
    purpose: p.purpose,
    state: p.state,
    direction: p.direction,
    disconnectType: p.disconnectType,
    held: p.held,
    muted: p.muted,
    confined: p.confined,
    wrapupRequired: p.wrapupRequired,
    wrapup: p.wrapup,
    userId: p.userId,
    user: p.userId ? { id: p.userId } : undefined,
    queueId: p.queueId,
    queue: p.queueId ? { id: p.queueId, name: p.queueName } : undefined,
    queueName: p.queueName,
    attributes: p.attributes,
    calls: p.purpose === 'acd' ? [] : [callJson(conv, p, other)],
  };
}

/** The event body (and REST representation) of a conversation. */
export function conversationJson(conv: Conversation) {
  return {
    id: conv.id,
    startTime: conv.startTime,
    endTime: conv.endTime,
    address: conv.participants.find((p) => p.purpose === 'customer')?.address,
    recordingState: 'none',
    maxParticipants: 10,
    participants: conv.participants.map((p) => participantJson(conv, p)),
    selfUri: `/api/v2/conversations/${conv.id}`,
  };
}
