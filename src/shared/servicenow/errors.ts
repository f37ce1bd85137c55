/**
 * Typed failures of the ServiceNow Table API. Codes come from the shared error catalogue
 * (`servicenow.*`), so the UI has a message and a remedy for each; `reason` tells what happened
 * underneath, and `retryAfterMs` carries a 429's Retry-After. 'servicenow.aborted' is a
 * cancellation asked for by the caller, never shown as a failure.
 */
import { codeForHttpStatus } from '../diagnostics/classify-http';
import type { ErrorCode } from '../diagnostics/error-catalogue';
import { AppError } from '../errors';

export type ServiceNowErrorCode = Extract<ErrorCode, `servicenow.${string}`> | 'servicenow.aborted';

export type ServiceNowFailure = 'http' | 'timeout' | 'aborted' | 'network' | 'bad-response';

export interface ServiceNowErrorDetails {
  reason: ServiceNowFailure;
  status?: number;
  retryAfterMs?: number;
  cause?: unknown;
}

export class ServiceNowError extends AppError {
  override readonly name = 'ServiceNowError';
  declare readonly code: ServiceNowErrorCode;
  readonly reason: ServiceNowFailure;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(code: ServiceNowErrorCode, message: string, details: ServiceNowErrorDetails) {
    super(code, message, details.cause === undefined ? undefined : { cause: details.cause });
    this.reason = details.reason;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
  }
}

export const MAX_RETRY_AFTER_MS = 3_600_000;

/** Retry-After as milliseconds (delta-seconds or HTTP date), capped; undefined if absent/bad. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null) {
    return undefined;
  }
  const text = header.trim();
  let ms: number;
  if (/^\d+$/.test(text)) {
    ms = Number(text) * 1000;
  } else {
    const date = Date.parse(text);
    if (Number.isNaN(date)) {
      return undefined;
    }
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
  const code = codeForHttpStatus(status, 'servicenow') as ServiceNowErrorCode;
  const retryAfterMs = status === 429 ? parseRetryAfter(retryAfter, now) : undefined;
  return new ServiceNowError(code, `ServiceNow answered HTTP ${status}`, {
    reason: 'http',
    status,
    ...(retryAfterMs !== undefined && { retryAfterMs }),
  });
}

export const timeoutError = (ms: number): ServiceNowError =>
  new ServiceNowError('servicenow.timeout', `ServiceNow did not answer in ${ms} ms`, {
    reason: 'timeout',
  });

export const abortedError = (): ServiceNowError =>
  new ServiceNowError('servicenow.aborted', 'ServiceNow request was cancelled', {
    reason: 'aborted',
  });

export const networkError = (cause: unknown): ServiceNowError =>
  new ServiceNowError('servicenow.request-failed', 'ServiceNow could not be reached', {
    reason: 'network',
    cause,
  });

export const badResponseError = (message: string, cause?: unknown): ServiceNowError =>
  new ServiceNowError('servicenow.request-failed', message, { reason: 'bad-response', cause });
