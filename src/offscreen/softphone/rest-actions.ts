/**
 * Call control that SDK 9.2.4 leaves to the Platform API: DTMF digits and blind transfer, on
 * the agent's participant of the conversation. The HTTP call itself is injected (the adapter
 * routes it through the SDK's authenticated client), so this file is plain and tested in node.
 */
import type { CallFields } from '../../shared/calls/call-events';
import { isEndedCallState, mapRawConversation } from './conversation-map';
import { SoftphoneError } from './softphone-error';

export type ApiRequest = (
  path: string,
  method: 'get' | 'post' | 'patch',
  body?: unknown,
) => Promise<unknown>;

/** A call the platform still has for this agent, with the agent's own call state. */
export interface PlatformCall {
  conversationId: string;
  state?: string;
  participantId?: string;
  /** What the platform says of it (direction, caller, queue…), for a call offered from here. */
  fields?: CallFields;
}

const DIGITS = /^[0-9*#A-D]{1,32}$/;
const ADDRESS = /^[^\s<>"']{2,128}$/;

const participantPath = (conversationId: string, participantId: string) =>
  `/conversations/calls/${encodeURIComponent(conversationId)}/participants/${encodeURIComponent(participantId)}`;

export function normaliseDigits(digits: string): string {
  const upper = digits.replace(/[\s-]/g, '').toUpperCase();
  if (!DIGITS.test(upper)) {
    throw new SoftphoneError('invalid-argument', 'Digits are 0-9, *, #, A-D (at most 32).');
  }
  return upper;
}

export async function sendDigits(
  request: ApiRequest,
  conversationId: string,
  participantId: string,
  digits: string,
): Promise<void> {
  const normalised = normaliseDigits(digits);
  await request(`${participantPath(conversationId, participantId)}/digits`, 'post', {
    digits: normalised,
  });
}

export function normaliseAddress(address: string): string {
  const trimmed = address.trim();
  if (!ADDRESS.test(trimmed)) {
    throw new SoftphoneError('invalid-argument', 'A transfer needs a number or address.');
  }
  return trimmed;
}

export async function blindTransfer(
  request: ApiRequest,
  conversationId: string,
  participantId: string,
  address: string,
): Promise<void> {
  await request(`${participantPath(conversationId, participantId)}/replace`, 'post', {
    address: normaliseAddress(address),
  });
}

/** The agent's participant id, read from GET /conversations/{id}. */
export async function lookupParticipantId(
  request: ApiRequest,
  conversationId: string,
  userId: string,
): Promise<string> {
  const body = await request(`/conversations/${encodeURIComponent(conversationId)}`, 'get');
  const participantId = mapRawConversation(body, userId)?.userParticipantId;
  if (participantId === undefined) {
    throw new SoftphoneError('no-call', `This agent is not on conversation ${conversationId}.`);
  }
  return participantId;
}

/** The agent's calls that are not over on the platform (GET /conversations/calls). */
export async function listCalls(request: ApiRequest, userId: string): Promise<PlatformCall[]> {
  const body = await request('/conversations/calls', 'get');
  const entities = (body as { entities?: unknown } | null)?.entities;
  const calls: PlatformCall[] = [];
  for (const entity of Array.isArray(entities) ? entities : []) {
    const mapped = mapRawConversation(entity, userId);
    if (mapped === null || isEndedCallState(mapped.fields.state)) {
      continue;
    }
    calls.push({
      conversationId: mapped.fields.conversationId,
      ...(mapped.fields.state !== undefined && { state: mapped.fields.state }),
      ...(mapped.userParticipantId !== undefined && { participantId: mapped.userParticipantId }),
      fields: mapped.fields,
    });
  }
  return calls;
}

/** Takes the agent's participant off the call on the platform (PATCH state disconnected). */
export async function disconnectParticipant(
  request: ApiRequest,
  conversationId: string,
  participantId: string,
): Promise<void> {
  await request(participantPath(conversationId, participantId), 'patch', {
    state: 'disconnected',
  });
}

/**
 * Answers an alerting call on the platform (PATCH state connected), as the SDK does for a call on
 * a persistent connection; the platform then brings the media session to this client.
 */
export async function connectParticipant(
  request: ApiRequest,
  conversationId: string,
  participantId: string,
): Promise<void> {
  await request(participantPath(conversationId, participantId), 'patch', { state: 'connected' });
}
