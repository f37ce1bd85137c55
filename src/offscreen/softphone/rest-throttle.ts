/**
 * The adapter's Platform API requests, honouring Genesys rate limits: the SDK's HTTP client
 * (axios) rejects a 429 with its answer attached; the request is tried again after the answer's
 * Retry-After (src/shared/genesys/retry-after.ts). The SDK's own requests keep its own behaviour.
 */
import {
  honourRetryAfter,
  throttleOf,
  type RetryAfterOptions,
  type Throttle,
} from '../../shared/genesys/retry-after';
import type { ApiRequest } from './rest-actions';

interface AxiosLikeError {
  response?: { status?: unknown; headers?: Record<string, unknown> | null };
}

/** A 429 from the SDK's HTTP client, with its Retry-After; null for anything else. */
export function axiosThrottle(error: unknown, now = Date.now()): Throttle | null {
  const response = (error as AxiosLikeError | null)?.response;
  const status = typeof response?.status === 'number' ? response.status : undefined;
  const header = response?.headers?.['retry-after'];
  return throttleOf(status, typeof header === 'string' ? header : null, now);
}

export function honouringRateLimits(
  request: ApiRequest,
  options: RetryAfterOptions = {},
): ApiRequest {
  const now = options.now ?? Date.now;
  return (path, method, body) =>
    honourRetryAfter(
      () => request(path, method, body),
      (e) => axiosThrottle(e, now()),
      options,
    );
}
