/**
 * Call control that SDK 9.2.4 leaves to the Platform API: DTMF digits and blind transfer, on
 * the agent's participant of the conversation. The HTTP call itself is injected (the adapter
 * routes it through the SDK's authenticated client), so this file is plain and tested in node.
 */
import { mapRawConversation } from './conversation-map';
import { SoftphoneError } from './softphone-error';

export type ApiRequest = (path: string, method: 'get' | 'post', body?: unknown) => Promise<unknown>;

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
