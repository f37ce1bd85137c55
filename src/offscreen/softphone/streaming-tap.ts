/**
 * Listens on the streaming client itself, beside the SDK: inbound traffic (for health), the raw
 * conversation notifications (names, queue, attributes the SDK drops), and every incoming media
 * session (re-invites get no `sessionStarted`). Returns a function that removes the listeners.
 */
import type { CallEvent } from '../../shared/calls/call-events';
import type { CallRegistry } from './call-registry';
import { isEndedCallState, mapRawConversation } from './conversation-map';
import type { MediaWatch } from './media-watch';
import type { MediaSession, StreamingClient } from './sdk-internals';
import { endReason } from './sdk-events';

export interface TapContext {
  registry: CallRegistry;
  media: MediaWatch;
  emit(event: CallEvent): void;
  onInbound(at: number): void;
}

/** Folds one raw conversation notification in; emits only for calls this softphone handles. */
export function onRawConversation(payload: unknown, userId: string, ctx: TapContext): void {
  const body = (payload as { eventBody?: unknown } | null)?.eventBody;
  const mapped = mapRawConversation(body, userId);
  if (mapped === null) {
    return;
  }
  const { fields, userParticipantId } = mapped;
  const id = fields.conversationId;
  ctx.registry.noteFields(fields, userParticipantId);
  if (!ctx.registry.isKnown(id)) {
    return;
  }
  // The end first, with its reason: a later `disconnected` state alone would read as "missed".
  if (isEndedCallState(fields.state) && ctx.registry.noteEnded(id)) {
    const reason = endReason(ctx.registry.local(id), undefined);
    ctx.emit({ type: 'call-ended', conversationId: id, reason });
  }
  ctx.emit({ type: 'call-updated', call: fields });
}

export function tapStreaming(
  client: StreamingClient,
  userId: string | undefined,
  ctx: TapContext,
): () => void {
  const onRaw = (direction: unknown) => {
    if (direction === 'incoming') {
      ctx.onInbound(Date.now());
    }
  };
  const onOffer = (session: MediaSession) => {
    if (session.sessionType === 'softphone') {
      ctx.media.watch(session);
    }
  };
  const topic = `notify:v2.users.${userId ?? '-'}.conversations`;
  const onConversation = (payload: unknown) => {
    if (userId !== undefined) {
      onRawConversation(payload, userId, ctx);
    }
  };
  client.on('raw', onRaw);
  client.on(topic, onConversation);
  client.webrtcSessions?.on('incomingRtcSession', onOffer);
  return () => {
    client.off('raw', onRaw);
    client.off(topic, onConversation);
    client.webrtcSessions?.off('incomingRtcSession', onOffer);
  };
}
