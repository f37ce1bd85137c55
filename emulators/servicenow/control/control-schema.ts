/**
 * Shapes of the control API under `/_sn/…`: request bodies the server validates and answers the
 * typed client parses. One source for both sides.
 */
import { z } from 'zod';

const count = z.number().int().positive();
const seconds = z.number().positive();
const tableFilter = z.string().min(1);
export const tableMethodSchema = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** Table API answers 403 (ACL) for a table, for every method or the listed ones, until cleared. */
export const aclFaultSchema = z.object({
  type: z.literal('acl'),
  table: tableFilter,
  methods: z.array(tableMethodSchema).optional(),
});

/**
 * 429 with `Retry-After` for the next `requests` Table API requests or for `seconds`; forever
 * when neither is given. `retryAfterSec` defaults to the time left (or 1 s for counted faults).
 */
export const rateLimitFaultSchema = z.object({
  type: z.literal('rate-limit'),
  requests: count.optional(),
  seconds: seconds.optional(),
  retryAfterSec: z.number().int().nonnegative().optional(),
  table: tableFilter.optional(),
});

/** A 5xx for the next `requests` Table API requests or for `seconds` (default: once). */
export const serverErrorFaultSchema = z.object({
  type: z.literal('server-error'),
  status: z.number().int().min(500).max(599).default(500),
  requests: count.optional(),
  seconds: seconds.optional(),
  table: tableFilter.optional(),
});

export const faultSpecSchema = z.discriminatedUnion('type', [
  aclFaultSchema,
  rateLimitFaultSchema,
  serverErrorFaultSchema,
]);
export type FaultSpec = z.input<typeof faultSpecSchema>;
export type ParsedFaultSpec = z.output<typeof faultSpecSchema>;

export const activeFaultSchema = z.object({
  id: z.number().int(),
  spec: faultSpecSchema,
  remainingRequests: z.number().int().nullable(),
  untilEpochMs: z.number().nullable(),
});
export type ActiveFault = z.infer<typeof activeFaultSchema>;
export const faultResultSchema = z.object({ fault: activeFaultSchema });

export const latencyBodySchema = z.object({ ms: z.number().int().nonnegative() });

export const resetScopeSchema = z.enum(['all', 'records', 'faults', 'log', 'sessions']);
export type ResetScope = z.infer<typeof resetScopeSchema>;
export const resetBodySchema = z.object({ scope: resetScopeSchema.default('all') });

export const requestKindSchema = z.enum(['table', 'ui', 'page', 'asset', 'other']);
export type RequestKind = z.infer<typeof requestKindSchema>;

export const requestEntrySchema = z.object({
  seq: z.number().int(),
  time: z.string(),
  kind: requestKindSchema,
  method: z.string(),
  path: z.string(),
  /** Decoded query parameters (`sysparm_query`, …). */
  query: z.record(z.string(), z.string()),
  /** Table API only. */
  table: z.string().nullable(),
  /** 0 while the answer is still pending. */
  status: z.number().int(),
  /** Injected latency applied to this request. */
  latencyMs: z.number().int(),
  durationMs: z.number().nullable(),
});
export type RequestEntry = z.infer<typeof requestEntrySchema>;

export const requestCountsSchema = z.object({
  total: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  /** Table API requests per table and method: `{interaction: {POST: 1}}`. */
  byTable: z.record(z.string(), z.record(z.string(), z.number().int())),
});
export type RequestCounts = z.infer<typeof requestCountsSchema>;

export const requestLogSchema = z.object({
  requests: z.array(requestEntrySchema),
  counts: requestCountsSchema,
});
export type RequestLog = z.infer<typeof requestLogSchema>;

export const requestFilterSchema = z.object({
  kind: requestKindSchema.optional(),
  table: z.string().optional(),
  method: z.string().optional(),
  sinceSeq: z.coerce.number().int().optional(),
});
export interface RequestFilter {
  kind?: RequestKind | undefined;
  table?: string | undefined;
  method?: string | undefined;
  /** Only entries after this sequence number. */
  sinceSeq?: number | undefined;
}

export const stateSchema = z.object({
  latencyMs: z.number().int(),
  faults: z.array(activeFaultSchema),
  sessions: z.number().int(),
});
export type StandInState = z.infer<typeof stateSchema>;

export const recordSchema = z.record(z.string(), z.string());
export const recordsSchema = z.object({ records: z.array(recordSchema) });
export const recordResultSchema = z.object({ record: recordSchema });

/** Values accepted on insert/update: scalars become strings, null becomes ''. */
export const recordValuesSchema = z.record(
  z.string(),
  z
    .union([z.string(), z.number(), z.boolean(), z.null()])
    .transform((v) => (v === null ? '' : String(v))),
);

export const sessionSchema = z.object({
  /** `glide_user_session=…`, ready for a `Cookie` header. */
  cookie: z.string(),
  /** The session's g_ck, for `X-UserToken`. */
  token: z.string(),
  userSysId: z.string(),
});
export type SessionCredentials = z.infer<typeof sessionSchema>;
