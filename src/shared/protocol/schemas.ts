/**
 * Runtime schemas for the payloads that cross context boundaries. Every ingress validates with
 * these; the TypeScript types in session/snapshot.ts are checked against them at compile time.
 */
import { z } from 'zod';
import type { CallSnapshot, SessionSnapshot } from '../session/snapshot';

const text = (max: number) => z.string().max(max);
const epoch = z.number().int().nonnegative();
const errorSchema = z.object({ code: text(64), message: text(1000) });

const measure = z.number().nonnegative().max(1_000_000).nullable();

export const callQualitySchema = z.object({
  at: epoch,
  mos: z.number().min(1).max(5).nullable(),
  level: z.enum(['good', 'fair', 'poor']).nullable(),
  lossPct: z.number().min(0).max(100).nullable(),
  jitterMs: measure,
  rttMs: measure,
  codec: text(64).nullable(),
  path: z.enum(['relay', 'direct']).nullable(),
  warning: z.enum(['loss', 'jitter', 'latency', 'unknown']).nullable(),
});

export const callSnapshotSchema = z.object({
  conversationId: text(128).min(1),
  direction: z.enum(['inbound', 'outbound']),
  state: z.enum(['alerting', 'connecting', 'connected', 'ended', 'missed', 'declined', 'failed']),
  remote: z.object({ name: text(512).exactOptional(), number: text(128).exactOptional() }),
  queue: text(512).exactOptional(),
  muted: z.boolean(),
  held: z.boolean(),
  alertedAt: epoch.exactOptional(),
  answeredAt: epoch.exactOptional(),
  mediaConnectedAt: epoch.exactOptional(),
  endedAt: epoch.exactOptional(),
  attributes: z.record(text(256), text(4096)),
  attributesTruncated: z.boolean(),
  recordingId: text(128).exactOptional(),
  error: errorSchema.exactOptional(),
  quality: callQualitySchema.exactOptional(),
});

export const sessionSnapshotSchema = z.object({
  v: z.literal(1),
  connection: z.object({
    state: z.enum([
      'signed-out',
      'stopped',
      'starting',
      'connected',
      'reconnecting',
      'backing-off',
      'failed',
      'mic-blocked',
    ]),
    since: epoch,
    attempt: z.number().int().nonnegative(),
    nextRetryAt: epoch.exactOptional(),
    lastRecoveryMs: z.number().nonnegative().exactOptional(),
    error: errorSchema.exactOptional(),
  }),
  calls: z.array(callSnapshotSchema).max(64),
  networkProfile: z.enum(['standard', 'high-latency', 'custom']),
  seq: z.number().int().nonnegative(),
  updatedAt: epoch,
});

const conversationId = text(128).min(1);

export const callCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('answer'), conversationId }),
  z.object({ type: z.literal('decline'), conversationId }),
  z.object({ type: z.literal('hangup'), conversationId }),
  z.object({ type: z.literal('mute'), conversationId, muted: z.boolean() }),
  z.object({ type: z.literal('hold'), conversationId, held: z.boolean() }),
  z.object({
    type: z.literal('dtmf'),
    conversationId,
    digits: z.string().regex(/^[0-9*#A-D]{1,32}$/, 'Digits are 0-9, *, #, A-D (at most 32)'),
  }),
  z.object({ type: z.literal('dial'), number: z.string().regex(/^\+?[0-9 ()*#.-]{2,32}$/) }),
  z.object({ type: z.literal('transfer'), conversationId, address: text(128).min(2) }),
]);
export type CallCommand = z.infer<typeof callCommandSchema>;

/** What the offscreen document needs to start the softphone. Never leaves worker/offscreen. */
export const sessionConfigSchema = z.object({
  sdkEnvironment: text(256).min(1),
  wsHost: text(256).exactOptional(),
  accessToken: text(8192).min(1),
  appVersion: text(32),
  network: z.record(z.string(), z.unknown()),
  /** The sign-in profile: another profile is another session, never just a new token. */
  profileId: text(64).exactOptional(),
  /** Call settings the softphone applies (auto-answer, ringtone volume). */
  calls: z
    .object({ autoAnswer: z.boolean(), ringVolume: z.number().min(0).max(1) })
    .exactOptional(),
  /** The agent's audio devices ('default' is the system default); absent means the defaults. */
  devices: z
    .object({ microphoneId: text(256), speakerId: text(256), ringerId: text(256) })
    .exactOptional(),
});
export type SessionConfig = z.infer<typeof sessionConfigSchema>;

// Compile-time check that the schemas and the hand-written types agree in both directions.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const callTypesAgree: Same<z.infer<typeof callSnapshotSchema>, CallSnapshot> = true;
const sessionTypesAgree: Same<z.infer<typeof sessionSnapshotSchema>, SessionSnapshot> = true;
export const schemaTypeChecks = [callTypesAgree, sessionTypesAgree] as const;
