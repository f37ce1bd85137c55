/** Request bodies of the control API (/_emulator/...), shared by the server and the typed client. */
import { z } from 'zod';

export const PlaceCall = z.object({
  /** User id, login (`agent1`) or username. */
  to: z.string(),
  from: z.string().optional(),
  fromName: z.string().optional(),
  queue: z.string().optional(),
  attributes: z.record(z.string(), z.string()).optional(),
  autoAnswer: z.boolean().optional(),
  alertTimeoutMs: z.number().int().positive().optional(),
  packetLossPercent: z.number().min(0).max(100).optional(),
});
export type PlaceCall = z.infer<typeof PlaceCall>;

export const Drop = z.object({
  mode: z.enum(['destroy', 'close']).default('destroy'),
  user: z.string().optional(),
});
export const Percent = z.object({ percent: z.number().min(0).max(100).nullable() });
export const Seconds = z.object({ seconds: z.number().positive() });
export const Blackhole = Seconds.extend({ upgrades: z.enum(['hold', 'open']).optional() });
export const Latency = z.object({
  restMs: z.number().min(0).optional(),
  wsMs: z.number().min(0).optional(),
});
export const RestFaultBody = z.object({
  status: z.number().int().min(400).max(599),
  count: z.number().int().positive().optional(),
  seconds: z.number().positive().optional(),
  retryAfterSec: z.number().min(0).optional(),
  pathPrefix: z.string().optional(),
});
export const SaslFault = z.object({
  count: z.number().int().positive().optional(),
  seconds: z.number().positive().optional(),
});
export const UserRef = z.object({ user: z.string().optional() });
export const EventFault = z.object({
  conversationId: z.string(),
  kind: z.enum(['malformed-json', 'malformed-shape', 'duplicate', 'out-of-order']),
});
export const IssueToken = z.object({
  user: z.string(),
  expiresInSec: z.number().positive().optional(),
});
export const TokenRef = z.object({ token: z.string() });
export const StationPatch = z.object({
  webRtcPersistentEnabled: z.boolean().optional(),
  webRtcForceTurn: z.boolean().optional(),
  webRtcCallAppearances: z.number().int().min(1).optional(),
});
export const OAuthClientBody = z.object({
  clientId: z.string().optional(),
  org: z.string(),
  name: z.string().optional(),
  redirectUris: z.array(z.url()).min(1),
  refreshTokens: z.boolean().optional(),
});
export const AutoApprove = z.object({ user: z.string().nullable() });
export const OAuthSettings = z.object({ tokenExpiresInSec: z.number().int().positive() });
export const RedirectFault = z.object({ kind: z.enum(['wrong-state', 'replay-code']) });

const IceService = z.object({
  type: z.enum(['stun', 'turn']),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  transport: z.enum(['udp', 'tcp']).optional(),
  username: z.string().optional(),
  password: z.string().optional(),
});
export const IceServers = z.object({
  stun: z.array(IceService).optional(),
  turn: z.array(IceService).optional(),
});
