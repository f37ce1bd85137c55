/**
 * Listens on the streaming client itself, beside the SDK: inbound traffic (for health), the raw
 * conversation notifications (names, queue, attributes the SDK drops), and every incoming media
 * session (re-invites get no `sessionStarted`). Returns a function that removes the listeners.
 */
import type { CallEvent, CallFields } from '../../shared/calls/call-events';
import type { CallRegistry } from './call-registry';
import { isEndedCallState, mapRawConversation } from './conversation-map';
import { guardIncomingFrames } from './frame-guard';
import type { MediaWatch } from './media-watch';
import type { MediaSession, StreamingClient } from './sdk-internals';
import { endReason } from './sdk-events';

export interface TapContext {
  registry: CallRegistry;
  media: MediaWatch;
  emit(event: CallEvent): void;
  onInbound(at: number): void;
  /** A notification that was not used: malformed, or older than what is already known. */
  ignored?(reason: 'malformed' | 'out-of-order', conversationId?: string): void;
}

/** The warning an ignored notification leaves in the log. */
export function ignoredTrace(reason: string, conversationId?: string) {
  const about = conversationId === undefined ? '' : ` on ${conversationId}`;
  return {
    type: 'trace',
    level: 'warn',
    message: `conversation event ignored: ${reason}${about}`,
  } as const;
}

/** How far a participant's call has got; a notification never moves it back. */
const PROGRESS: Record<string, number> = {
  alerting: 0,
  contacting: 0,
  dialing: 0,
  connected: 1,
  disconnected: 2,
  terminated: 2,
};

function isMalformed(payload: unknown): boolean {
  const body = (payload as { eventBody?: unknown } | null)?.eventBody;
  if (typeof body !== 'object' || body === null) {
    return true;
  }
  const { id, participants } = body as { id?: unknown; participants?: unknown };
  return typeof id !== 'string' || !Array.isArray(participants);
}

/** The same participant's call going back (connected → alerting): a late, reordered event. */
function isStale(ctx: TapContext, fields: CallFields, participantId: string | undefined): boolean {
  const id = fields.conversationId;
  const before = PROGRESS[ctx.registry.fields(id).state ?? ''];
  const now = PROGRESS[fields.state ?? ''];
  return (
    participantId !== undefined &&
    participantId === ctx.registry.participantId(id) &&
    before !== undefined &&
    now !== undefined &&
    now < before
  );
}

/** Folds one raw conversation notification in; emits only for calls this softphone handles. */
export function onRawConversation(payload: unknown, userId: string, ctx: TapContext): void {
  if (isMalformed(payload)) {
    ctx.ignored?.('malformed');
    return;
  }
  const body = (payload as { eventBody?: unknown }).eventBody;
  const mapped = mapRawConversation(body, userId);
  if (mapped === null) {
    return;
  }
  const { fields, userParticipantId } = mapped;
  const id = fields.conversationId;
  if (isStale(ctx, fields, userParticipantId)) {
    ctx.ignored?.('out-of-order', id);
    return;
  }
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
  // Each connection has a new socket: guard it as soon as the client says it is connected.
  const guard = () =>
    guardIncomingFrames(client.activeStanzaInstance?.transport, () => ctx.ignored?.('malformed'));
  guard();
  const topic = `notify:v2.users.${userId ?? '-'}.conversations`;
  const onConversation = (payload: unknown) => {
    if (userId !== undefined) {
      onRawConversation(payload, userId, ctx);
    }
  };
  client.on('raw', onRaw);
  client.on('connected', guard);
  client.on(topic, onConversation);
  client.webrtcSessions?.on('incomingRtcSession', onOffer);
  return () => {
    client.off('raw', onRaw);
    client.off('connected', guard);
    client.off(topic, onConversation);
    client.webrtcSessions?.off('incomingRtcSession', onOffer);
  };
}
