/**
 * Typed client for the ServiceNow stand-in's control API (`/_sn/…`): inject latency and faults,
 * read the request log, read/insert/reset records, open sessions. Answers are schema-checked.
 */
import { z } from 'zod';
import {
  faultResultSchema,
  recordResultSchema,
  recordsSchema,
  requestLogSchema,
  sessionSchema,
  stateSchema,
  type ActiveFault,
  type FaultSpec,
  type RequestFilter,
  type RequestLog,
  type ResetScope,
  type SessionCredentials,
  type StandInState,
} from './control/control-schema';

export type SnRecord = Record<string, string>;
export type TableMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Without<T, K extends keyof T> = Omit<T, K>;
type RateLimitFault = Extract<FaultSpec, { type: 'rate-limit' }>;
type ServerErrorFault = Extract<FaultSpec, { type: 'server-error' }>;

export interface ServiceNowControl {
  state(): Promise<StandInState>;
  /** Delay of Table API GETs in ms (0 = none). */
  setLatency(ms: number): Promise<void>;
  addFault(spec: FaultSpec): Promise<ActiveFault>;
  /** 403 for this table (all methods, or only those listed) until cleared. */
  denyTable(table: string, methods?: TableMethod[]): Promise<ActiveFault>;
  /** 429 + Retry-After for the next `requests` requests or `seconds` (forever if neither). */
  rateLimit(options: Without<RateLimitFault, 'type'>): Promise<ActiveFault>;
  /** A 5xx (default 500) for the next `requests` requests (default 1) or `seconds`. */
  serverError(options?: Without<ServerErrorFault, 'type'>): Promise<ActiveFault>;
  clearFaults(): Promise<void>;
  requests(filter?: RequestFilter): Promise<RequestLog>;
  clearRequests(): Promise<void>;
  /** Records of a table as stored (all fields), optionally filtered by an encoded query. */
  records(table: string, encodedQuery?: string): Promise<SnRecord[]>;
  /** The interaction records carrying this conversation id in `u_conversation_id`. */
  interactionsFor(conversationId: string): Promise<SnRecord[]>;
  insertRecord(table: string, values: Record<string, string>): Promise<SnRecord>;
  /** `all` restores seed records, clears faults and the log and restores the default latency. */
  reset(scope?: ResetScope): Promise<void>;
  /** A fresh agent session, as a page visit would open: `Cookie` value and `X-UserToken`. */
  createSession(): Promise<SessionCredentials>;
  expireSessions(): Promise<void>;
}

export function createServiceNowControl(
  baseUrl: string,
  fetchImpl: typeof fetch = fetch,
): ServiceNowControl {
  const call = async <S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    payload?: unknown,
  ): Promise<z.output<S>> => {
    const res = await fetchImpl(new URL(`/_sn/${path}`, baseUrl), {
      method,
      headers: payload === undefined ? {} : { 'Content-Type': 'application/json' },
      ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
    });
    const json: unknown = await res.json();
    if (!res.ok) {
      throw new Error(
        `ServiceNow control ${method} ${path} failed (${res.status}): ${JSON.stringify(json)}`,
      );
    }
    return schema.parse(json);
  };
  const ok = z.unknown();
  const send = async (method: string, path: string, payload?: unknown): Promise<void> => {
    await call(method, path, ok, payload);
  };
  const addFault = async (spec: FaultSpec): Promise<ActiveFault> =>
    (await call('POST', 'faults', faultResultSchema, spec)).fault;
  const records = async (table: string, query = ''): Promise<SnRecord[]> =>
    (
      await call(
        'GET',
        `records/${encodeURIComponent(table)}?sysparm_query=${encodeURIComponent(query)}`,
        recordsSchema,
      )
    ).records;

  return {
    state: () => call('GET', 'state', stateSchema),
    setLatency: (ms) => send('PUT', 'latency', { ms }),
    addFault,
    denyTable: (table, methods) =>
      addFault({ type: 'acl', table, ...(methods ? { methods } : {}) }),
    rateLimit: (options) => addFault({ type: 'rate-limit', ...options }),
    serverError: (options = {}) => addFault({ type: 'server-error', ...options }),
    clearFaults: () => send('DELETE', 'faults'),
    requests: (filter = {}) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(filter) as [
        string,
        string | number | undefined,
      ][]) {
        if (value !== undefined) {
          params.set(key, String(value));
        }
      }
      return call('GET', `requests?${params.toString()}`, requestLogSchema);
    },
    clearRequests: () => send('DELETE', 'requests'),
    records,
    interactionsFor: (id) =>
      records('interaction', `u_conversation_id=${id.replaceAll('^', '^^')}`),
    insertRecord: async (table, values) =>
      (await call('POST', `records/${encodeURIComponent(table)}`, recordResultSchema, values))
        .record,
    reset: (scope = 'all') => send('POST', 'reset', { scope }),
    createSession: () => call('POST', 'sessions', sessionSchema),
    expireSessions: () => send('DELETE', 'sessions'),
  };
}
