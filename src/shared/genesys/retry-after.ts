/**
 * Genesys Cloud's rate limit, honoured in one place for the Platform API calls Switchboard makes
 * itself (the worker's presence calls; the offscreen document's participant, digits and transfer
 * requests): a 429 is tried again after its Retry-After — or, when it names none, after a delay
 * that doubles — a few times within a time budget. Any other failure, and a wait that would pass
 * the budget, is passed on unchanged. Each request waits on its own: no parallel retries.
 */
import { parseRetryAfter } from '../servicenow/errors';

export interface Throttle {
  /** The server's Retry-After, in ms, when it sent one. */
  retryAfterMs?: number;
}

export interface RetryAfterOptions {
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Attempts in all, the first included. */
  maxAttempts?: number;
  /** How long all the waits together may take. */
  budgetMs?: number;
  /** The first wait when the answer names no Retry-After (doubles each time). */
  defaultWaitMs?: number;
}

export const RETRY_AFTER_DEFAULTS = {
  maxAttempts: 6,
  budgetMs: 60_000,
  defaultWaitMs: 2_000,
  /** Never sooner than this, whatever the header says. */
  minWaitMs: 500,
} as const;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A 429 answer's throttle (with its Retry-After header, if any); null for any other status. */
export function throttleOf(
  status: number | undefined,
  retryAfter: string | null | undefined,
  now: number,
): Throttle | null {
  if (status !== 429) {
    return null;
  }
  const retryAfterMs = parseRetryAfter(retryAfter ?? null, now);
  return retryAfterMs === undefined ? {} : { retryAfterMs };
}

export async function honourRetryAfter<T>(
  attempt: () => Promise<T>,
  throttled: (error: unknown) => Throttle | null,
  options: RetryAfterOptions = {},
): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const maxAttempts = options.maxAttempts ?? RETRY_AFTER_DEFAULTS.maxAttempts;
  const defaultWaitMs = options.defaultWaitMs ?? RETRY_AFTER_DEFAULTS.defaultWaitMs;
  const deadline = now() + (options.budgetMs ?? RETRY_AFTER_DEFAULTS.budgetMs);
  for (let n = 1; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      const throttle = throttled(error);
      if (throttle === null || n >= maxAttempts) {
        throw error;
      }
      const wait = Math.max(
        RETRY_AFTER_DEFAULTS.minWaitMs,
        throttle.retryAfterMs ?? defaultWaitMs * 2 ** (n - 1),
      );
      if (now() + wait > deadline) {
        throw error;
      }
      await sleep(wait);
    }
  }
}
