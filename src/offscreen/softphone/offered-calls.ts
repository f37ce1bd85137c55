/**
 * Calls offered from the platform's list: the platform has them alerting for this agent, but
 * their propose never reached this client (they rang before the softphone listened). They are
 * announced as alerting and acted on through the Platform API: an answer PATCHes the agent's
 * participant to `connected`, after which the platform proposes the media session again (flagged
 * auto-answer) and sdk-events.ts accepts it at once; a decline PATCHes `disconnected`.
 */
import type { CallEvent, CallFields } from '../../shared/calls/call-events';
import type { CallRegistry } from './call-registry';
import * as rest from './rest-actions';
import { toSoftphoneError } from './softphone-error';

export interface OfferedContext {
  registry: CallRegistry;
  emit(event: CallEvent): void;
  request: rest.ApiRequest;
  participantId(conversationId: string): Promise<string>;
}

/** Announces the call as alerting; false when this client knows it already. */
export function offer(ctx: OfferedContext, call: rest.PlatformCall): boolean {
  const { conversationId } = call;
  if (ctx.registry.isKnown(conversationId)) {
    return false;
  }
  const fields: CallFields = { ...call.fields, conversationId, direction: 'inbound' };
  ctx.registry.noteOffered(fields, call.participantId);
  ctx.emit({
    type: 'call-alerting',
    call: { ...ctx.registry.fields(conversationId), direction: 'inbound', autoAnswer: false },
  });
  return true;
}

/** PATCHes the agent's participant to `state`; failures as SoftphoneError. */
async function patchState(
  ctx: OfferedContext,
  conversationId: string,
  state: 'connected' | 'disconnected',
): Promise<void> {
  try {
    const participantId = await ctx.participantId(conversationId);
    const patch = state === 'connected' ? rest.connectParticipant : rest.disconnectParticipant;
    await patch(ctx.request, conversationId, participantId);
  } catch (error) {
    throw toSoftphoneError(error);
  }
}

export async function answer(ctx: OfferedContext, conversationId: string): Promise<void> {
  ctx.registry.noteLocal(conversationId, 'answer');
  try {
    await patchState(ctx, conversationId, 'connected');
  } catch (error) {
    ctx.registry.noteLocal(conversationId, undefined);
    throw error;
  }
}

export async function decline(ctx: OfferedContext, conversationId: string): Promise<void> {
  ctx.registry.noteLocal(conversationId, 'decline');
  await patchState(ctx, conversationId, 'disconnected');
  if (ctx.registry.noteEnded(conversationId)) {
    ctx.emit({ type: 'call-ended', conversationId, reason: 'declined' });
  }
}
