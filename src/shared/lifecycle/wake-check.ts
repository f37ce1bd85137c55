/**
 * Sleep and wake seen from the service worker, pure: the worker's keep-alive alarm ticks every
 * 30 s; when the gap since the last tick is far longer than that, the machine slept (or Chrome was
 * frozen) and the softphone must re-validate its connection at once instead of waiting for its
 * own timers, which were suspended too.
 */

export const KEEPALIVE_PERIOD_MS = 30_000;
/** Lateness beyond which a tick means the machine slept; alarms may run a little late anyway. */
export const WAKE_LATENESS_MS = 60_000;

/**
 * The length of the gap when the tick at `now` came so late after `lastTickAt` that the machine
 * must have slept; null for an ordinary tick, the first tick, or a clock that moved backwards.
 */
export function sleepGap(
  lastTickAt: number | null,
  now: number,
  periodMs: number = KEEPALIVE_PERIOD_MS,
  latenessMs: number = WAKE_LATENESS_MS,
): number | null {
  if (lastTickAt === null || now < lastTickAt) {
    return null;
  }
  const gap = now - lastTickAt;
  return gap - periodMs > latenessMs ? gap : null;
}
