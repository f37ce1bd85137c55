/**
 * Genesys conversation payloads → plain call fields. Two sources: the raw notification body of
 * `v2.users.{id}.conversations` (names, addresses, queue, attributes) and the SDK's own
 * `conversationUpdate` entries (state, mute, hold). Both are untrusted and parsed leniently:
 * a field that does not fit is left out, never guessed.
 */
import { z } from 'zod';
import type { CallDirection, CallFields } from '../../shared/calls/call-events';
import { capAttributes } from '../../shared/screenpop/attributes';

const text = z.string().optional().catch(undefined);
const flag = z.boolean().optional().catch(undefined);

const callSchema = z.object({
  state: text,
  direction: text,
  muted: flag,
  held: flag,
  recordingId: text,
  other: z.object({ name: text, addressNormalized: text }).optional().catch(undefined),
});

const participantSchema = z.object({
  id: text,
  purpose: text,
  userId: text,
  name: text,
  address: text,
  queueName: text,
  queue: z.object({ name: text }).optional().catch(undefined),
  /** Passed by reference; capped below without walking more than the limits. */
  attributes: z.unknown().optional(),
  calls: z.array(callSchema).optional().catch(undefined),
});

const conversationSchema = z.object({
  id: z.string().min(1).max(128),
  participants: z.array(participantSchema.catch({ attributes: undefined })).catch([]),
});

type Participant = z.infer<typeof participantSchema>;
type Call = z.infer<typeof callSchema>;

const ENDED = new Set(['disconnected', 'terminated']);
const REMOTE_PURPOSES = new Set(['customer', 'external']);

export interface RawConversation {
  fields: CallFields;
  /** The agent's participant id, needed for digits, transfer and call control over REST. */
  userParticipantId?: string;
}

function pickLast<T>(items: T[], preferred: (item: T) => boolean): T | undefined {
  return items.findLast(preferred) ?? items.at(-1);
}

function directionOf(value: string | undefined): CallDirection | undefined {
  return value === 'inbound' || value === 'outbound' ? value : undefined;
}

/** 'tel:+15550001' → '+15550001'; other addresses are kept as they are. */
export function displayAddress(address: string | undefined): string | undefined {
  if (address === undefined || address === '') {
    return undefined;
  }
  return address.replace(/^(tel|sip):/i, '');
}

/** Drops undefined values, so optional fields are absent rather than undefined. */
function defined<T extends object>(value: { [K in keyof T]?: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Maps a raw conversation notification body; null when it is not one or lacks our participant. */
export function mapRawConversation(body: unknown, userId: string): RawConversation | null {
  const parsed = conversationSchema.safeParse(body);
  if (!parsed.success) {
    return null;
  }
  const { id, participants } = parsed.data;
  const mine = participants.filter((p) => p.userId === userId);
  const user = pickLast(mine, (p) => (p.calls ?? []).some((c) => !ENDED.has(c.state ?? '')));
  if (user === undefined) {
    return null;
  }
  const calls = user.calls ?? [];
  const call: Call | undefined = pickLast(calls, (c) => !ENDED.has(c.state ?? ''));
  const remote: Participant | undefined =
    participants.find((p) => p !== user && REMOTE_PURPOSES.has(p.purpose ?? '')) ??
    participants.find((p) => p !== user && p.purpose !== 'acd' && p.userId !== userId);
  const acd = participants.find((p) => p.purpose === 'acd');
  const source = remote?.attributes ?? user.attributes;
  const capped = source === undefined ? undefined : capAttributes(source);
  const fields = defined<CallFields>({
    conversationId: id,
    direction: directionOf(call?.direction),
    state: call?.state,
    muted: call?.muted,
    held: call?.held,
    recordingId: call?.recordingId,
    queue: acd?.name ?? user.queueName ?? user.queue?.name,
    remote: defined<NonNullable<CallFields['remote']>>({
      name: remote?.name ?? call?.other?.name,
      number: displayAddress(remote?.address ?? call?.other?.addressNormalized),
    }),
    attributes: capped?.attributes,
    attributesTruncated: capped?.truncated,
  });
  return user.id === undefined ? { fields } : { fields, userParticipantId: user.id };
}

const sdkStateSchema = z.object({
  conversationId: z.string().min(1).max(128),
  mostRecentCallState: callSchema.optional().catch(undefined),
});

/** Maps one entry of the SDK's `conversationUpdate.current`; null when it is not usable. */
export function mapSdkConversationState(entry: unknown): CallFields | null {
  const parsed = sdkStateSchema.safeParse(entry);
  if (!parsed.success) {
    return null;
  }
  const call = parsed.data.mostRecentCallState;
  return defined<CallFields>({
    conversationId: parsed.data.conversationId,
    direction: directionOf(call?.direction),
    state: call?.state,
    muted: call?.muted,
    held: call?.held,
  });
}

export function isPendingCallState(state: string | undefined): boolean {
  return state === 'alerting' || state === 'contacting';
}

export function isEndedCallState(state: string | undefined): boolean {
  return state !== undefined && ENDED.has(state);
}
