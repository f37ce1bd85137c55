/** Pure constructors for conversations and their participants (inbound with or without a queue, outbound). */
import { newId } from '../ids';
import type { Queue, User } from '../state';
import type { Conversation, Participant } from './model';

const iso = () => new Date().toISOString();

type Required = Pick<Participant, 'purpose' | 'name' | 'address' | 'state' | 'direction'>;

export function participant(p: Partial<Participant> & Required): Participant {
  return {
    id: newId(),
    callId: newId(),
    muted: false,
    held: false,
    confined: false,
    attributes: {},
    wrapupRequired: false,
    startTime: iso(),
    ...p,
  };
}

export function conversation(
  user: User,
  direction: 'inbound' | 'outbound',
  participants: Participant[],
  alertTimeoutMs: number,
): Conversation {
  return {
    id: newId(),
    orgId: user.orgId,
    agentUserId: user.id,
    direction,
    startTime: iso(),
    participants,
    alertTimeoutMs,
    dtmf: [],
    transfers: [],
    patches: [],
    events: [],
  };
}

/** Customer (with the call's attributes), the queue if any, and the alerting agent. */
export function inboundParticipants(
  user: User,
  queue: Queue | undefined,
  call: { from?: string; fromName?: string; attributes?: Record<string, string> },
): Participant[] {
  const customer = participant({
    purpose: 'customer',
    name: call.fromName ?? 'Customer',
    address: call.from ?? 'tel:+15550100',
    state: 'connected',
    direction: 'inbound',
    attributes: { ...(call.attributes ?? {}) },
    connectedTime: iso(),
  });
  const agent = participant({
    purpose: queue ? 'agent' : 'user',
    userId: user.id,
    name: user.name,
    address: `sip:${user.id}@localhost`,
    state: 'alerting',
    direction: 'inbound',
    wrapupRequired: queue?.afterCallWork === 'mandatory',
    ...(queue ? { queueId: queue.id, queueName: queue.name } : {}),
  });
  if (!queue) {
    return [customer, agent];
  }
  const acd = participant({
    purpose: 'acd',
    name: queue.name,
    address: '',
    state: 'connected',
    direction: 'inbound',
    queueId: queue.id,
    queueName: queue.name,
  });
  return [customer, acd, agent];
}

/** The agent placing the call and the far end, both contacting. */
export function outboundParticipants(user: User, target: string): Participant[] {
  return [
    participant({
      purpose: 'user',
      userId: user.id,
      name: user.name,
      address: `sip:${user.id}@localhost`,
      state: 'contacting',
      direction: 'outbound',
    }),
    participant({
      purpose: 'external',
      name: target,
      address: target.startsWith('+') ? `tel:${target}` : target,
      state: 'contacting',
      direction: 'outbound',
    }),
  ];
}

/** What POST /conversations/calls dials: a phone number, a user or a queue. */
export function dialTarget(body: Record<string, unknown>): string | undefined {
  return [body['phoneNumber'], body['callUserId'], body['callQueueId']].find(
    (v): v is string => typeof v === 'string' && v !== '',
  );
}
