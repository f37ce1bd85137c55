/**
 * Call events: what a softphone reports about one conversation, as plain data. The softphone port
 * emits them, the call tracker folds them into CallSnapshots. `parseCallEvent` is the boundary:
 * anything else (wrong shape, oversized ids) is dropped there, never inside the reducer.
 */
import { z } from 'zod';

export type CallDirection = 'inbound' | 'outbound';

/** Why a call ended, as far as this client can tell. */
export const CALL_END_REASONS = [
  'local-hangup', // this agent hung up
  'remote-hangup', // the other side or the platform ended it
  'declined', // this agent declined while it was alerting
  'answered-elsewhere', // another client of the same agent took it
  'failed', // media or signalling failure
  'shutdown', // the softphone was destroyed with the call live
  'unknown',
] as const;
export type CallEndReason = (typeof CALL_END_REASONS)[number];

/** RTCPeerConnection.connectionState, plus 'interrupted' as some SDK paths report it. */
export const MEDIA_STATES = [
  'new',
  'connecting',
  'connected',
  'disconnected',
  'interrupted',
  'failed',
  'closed',
] as const;
export type MediaConnectionState = (typeof MEDIA_STATES)[number];

/** Plain call fields; every field but the id is optional so updates can be partial. */
export interface CallFields {
  conversationId: string;
  direction?: CallDirection;
  /** Platform call state as reported: alerting, contacting, dialing, connected, disconnected… */
  state?: string;
  muted?: boolean;
  held?: boolean;
  remote?: { name?: string; number?: string };
  queue?: string;
  /** Untrusted participant data; capped by the tracker, possibly already by the sender. */
  attributes?: Record<string, unknown>;
  attributesTruncated?: boolean;
  recordingId?: string;
}

export type CallEvent =
  | { type: 'call-alerting'; call: CallFields & { direction: CallDirection; autoAnswer?: boolean } }
  | { type: 'call-cancelled'; conversationId: string }
  | { type: 'call-started'; conversationId: string; direction?: CallDirection }
  | { type: 'call-media'; conversationId: string; connectionState: MediaConnectionState }
  | { type: 'call-updated'; call: CallFields }
  | { type: 'call-ended'; conversationId: string; reason: CallEndReason; detail?: string };

export type CallEventType = CallEvent['type'];

const id = z.string().min(1).max(128);
const direction = z.enum(['inbound', 'outbound']);
/** Checked without copying or walking it: a 1 MB map costs nothing here; the tracker caps it. */
const attributeMap = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
);

const fields = {
  conversationId: id,
  direction: direction.exactOptional(),
  state: z.string().max(64).exactOptional(),
  muted: z.boolean().exactOptional(),
  held: z.boolean().exactOptional(),
  remote: z
    .object({ name: z.string().exactOptional(), number: z.string().exactOptional() })
    .exactOptional(),
  queue: z.string().exactOptional(),
  attributes: attributeMap.exactOptional(),
  attributesTruncated: z.boolean().exactOptional(),
  recordingId: z.string().max(128).exactOptional(),
};

const callEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('call-alerting'),
    call: z.object({ ...fields, direction, autoAnswer: z.boolean().exactOptional() }),
  }),
  z.object({ type: z.literal('call-cancelled'), conversationId: id }),
  z.object({
    type: z.literal('call-started'),
    conversationId: id,
    direction: direction.exactOptional(),
  }),
  z.object({
    type: z.literal('call-media'),
    conversationId: id,
    connectionState: z.enum(MEDIA_STATES),
  }),
  z.object({ type: z.literal('call-updated'), call: z.object(fields) }),
  z.object({
    type: z.literal('call-ended'),
    conversationId: id,
    reason: z.enum(CALL_END_REASONS),
    detail: z.string().max(256).exactOptional(),
  }),
]);

const CALL_EVENT_TYPES: ReadonlySet<string> = new Set<CallEventType>([
  'call-alerting',
  'call-cancelled',
  'call-started',
  'call-media',
  'call-updated',
  'call-ended',
]);

/** True for values whose `type` names a call event (valid or not); other events pass by. */
export function isCallEventType(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    CALL_EVENT_TYPES.has(String((value as { type?: unknown }).type))
  );
}

/** The validated event, or null when the value is not a well-formed call event. */
export function parseCallEvent(value: unknown): CallEvent | null {
  const parsed = callEventSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
