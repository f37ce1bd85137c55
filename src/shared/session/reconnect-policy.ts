/**
 * Reconnect policy: how long to wait before the next full restart, or null to give up. Injectable
 * so the supervisor and its tests can swap it; `DefaultReconnectPolicy` is exponential from the
 * profile's initial delay, capped, jittered by an injected random(), with Retry-After as a floor.
 */
import { isFatal, type SessionErrorReason } from './errors';
import type { ReconnectSettings } from './network-profile';

export interface ReconnectContext {
  /** 1-based number of the attempt about to be scheduled (1 = first retry). */
  attempt: number;
  /** Time since the connection was first lost (or since the first start failed). */
  elapsedMs: number;
  /** Why the previous attempt failed. */
  reason: SessionErrorReason;
  /** Server's Retry-After, in ms, when it sent one. */
  retryAfterMs?: number;
}

export interface ReconnectPolicy {
  /** Delay before attempt `ctx.attempt`, or null to give up. */
  nextDelayMs(ctx: ReconnectContext): number | null;
}

/** Shorten `delayMs` by up to `ratio` of itself: delay × (1 − ratio × r), r ∈ [0, 1). */
export function jitterDown(delayMs: number, ratio: number, random: () => number): number {
  const r = Math.min(Math.max(random(), 0), 1);
  const k = Math.min(Math.max(ratio, 0), 1);
  return Math.round(delayMs * (1 - k * r));
}

export class DefaultReconnectPolicy implements ReconnectPolicy {
  constructor(
    private readonly settings: ReconnectSettings,
    private readonly random: () => number = Math.random,
  ) {}

  nextDelayMs(ctx: ReconnectContext): number | null {
    const { initialDelayMs, maxDelayMs, jitterRatio, maxAttempts } = this.settings;
    if (isFatal(ctx.reason)) {
      return null;
    }
    const attempt = Math.max(1, Math.floor(ctx.attempt));
    if (maxAttempts > 0 && attempt > maxAttempts) {
      return null;
    }
    const exponential = Math.min(initialDelayMs * 2 ** (attempt - 1), maxDelayMs);
    const delay = jitterDown(exponential, jitterRatio, this.random);
    return Math.max(delay, Math.ceil(ctx.retryAfterMs ?? 0));
  }
}
