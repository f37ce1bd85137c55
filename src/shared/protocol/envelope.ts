/**
 * The wire format of every runtime message: {v, to, type, data}, and the reply
 * {ok: true, value} | {ok: false, error}. `v` is bumped on breaking contract changes so that a
 * content script left over from an older version is recognised and told to retire.
 */
import { z } from 'zod';
import type { SerializedError } from '../errors';

export const PROTOCOL_VERSION = 1;

export const CONTEXTS = ['worker', 'offscreen', 'content', 'ui'] as const;
export type Context = (typeof CONTEXTS)[number];

export const envelopeSchema = z.object({
  v: z.number().int(),
  to: z.enum(CONTEXTS),
  type: z.string().min(1).max(64),
  data: z.unknown(),
});

export type Envelope = z.infer<typeof envelopeSchema>;

export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: SerializedError };

const replySchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ name: z.string(), code: z.string(), message: z.string() }),
  }),
]);

export function isEnvelope(message: unknown): message is Envelope {
  return envelopeSchema.safeParse(message).success;
}

export function parseReply(reply: unknown): Reply {
  const parsed = replySchema.safeParse(reply);
  if (!parsed.success) {
    return {
      ok: false,
      error: { name: 'AppError', code: 'protocol.bad-reply', message: 'No valid reply received' },
    };
  }
  return parsed.data;
}

export function envelope(to: Context, type: string, data: unknown): Envelope {
  return { v: PROTOCOL_VERSION, to, type, data };
}
