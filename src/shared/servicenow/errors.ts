/**
 * Typed failures of the ServiceNow Table API. Codes are stable and cross context boundaries as
 * AppError codes; `retryAfterMs` carries a 429's Retry-After.
 */
import { AppError } from '../errors';

export type ServiceNowErrorCode =
  | 'servicenow.unauthorized' // 401: the agent's ServiceNow session or g_ck is no longer valid
  | 'servicenow.forbidden' // 403: ACLs deny this table or record
  | 'servicenow.not-found' // 404
  | 'servicenow.rate-limited' // 429
  | 'servicenow.http' // any other 4xx
  | 'servicenow.server' // 5xx
  | 'servicenow.timeout'
  | 'servicenow.aborted'
  | 'servicenow.network'
  | 'servicenow.bad-response'; // not the {result} JSON the Table API answers with

export class ServiceNowError extends AppError {
  override readonly name = 'ServiceNowError';
  declare readonly code: ServiceNowErrorCode;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(
    code: ServiceNowErrorCode,
    message: string,
    details: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(code, message, details.cause === undefined ? undefined : { cause: details.cause });
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}

export const MAX_RETRY_AFTER_MS = 3_600_000;

/** Retry-After as milliseconds (delta-seconds or HTTP date), capped; undefined if absent/bad. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  let ms: number;
  if (/^\d+$/.test(text)) ms = Number(text) * 1000;
  else {
    const date = Date.parse(text);
    if (Number.isNaN(date)) return undefined;
    ms = Math.max(0, date - now);
  }
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}

/** The error for a non-2xx response. */
export function errorForStatus(
  status: number,
  retryAfter: string | null,
  now: number,
): ServiceNowError {
  if (status === 401)
    return new ServiceNowError('servicenow.unauthorized', 'ServiceNow session is not valid', {
      status,
    });
  if (status === 403)
    return new ServiceNowError('servicenow.forbidden', 'ServiceNow denied access', { status });
  if (status === 404)
    return new ServiceNowError('servicenow.not-found', 'ServiceNow record or table not found', {
      status,
    });
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(retryAfter, now);
    return new ServiceNowError('servicenow.rate-limited', 'ServiceNow rate limit reached', {
      status,
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    });
  }
  if (status >= 500)
    return new ServiceNowError('servicenow.server', `ServiceNow server error ${status}`, {
      status,
    });
  return new ServiceNowError('servicenow.http', `ServiceNow answered ${status}`, { status });
}
