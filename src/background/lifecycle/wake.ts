/**
 * The worker's side of sleep and wake. Every keep-alive alarm (and every worker start) records a
 * tick in storage.session; a tick that comes far too late means the machine slept, and the
 * offscreen document is told to re-validate at once (`session.revalidate`), feeding its session
 * machine's `wake` event. The offscreen document also notices late timers itself; this is the
 * second witness, and the one that works even when the document's own timers were frozen.
 */
import type { Logger } from '../../shared/logger';
import { sleepGap } from '../../shared/lifecycle/wake-check';

export const LAST_TICK_KEY = 'lifecycle.lastTick';

export interface WakePorts {
  /** chrome.storage.session. */
  area: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
  now(): number;
  revalidate(gapMs: number): Promise<unknown>;
  log: Logger;
}

let queue: Promise<unknown> = Promise.resolve();

/** Records a tick; returns the sleep gap when one was detected (and reported), else null. */
export function noteTick(ports: WakePorts): Promise<number | null> {
  // One tick at a time: a worker started by the alarm ticks twice at once, and reports once.
  const next = queue.then(() => tick(ports));
  queue = next.catch(() => undefined);
  return next;
}

async function tick(ports: WakePorts): Promise<number | null> {
  const stored = (await ports.area.get(LAST_TICK_KEY))[LAST_TICK_KEY];
  const now = ports.now();
  await ports.area.set({ [LAST_TICK_KEY]: now });
  const gap = sleepGap(typeof stored === 'number' ? stored : null, now);
  if (gap === null) {
    return null;
  }
  ports.log.info('machine woke up: asking the softphone to re-validate', { gapMs: gap });
  try {
    await ports.revalidate(gap);
  } catch (error) {
    ports.log.warn('re-validation request failed', { error: String(error) });
  }
  return gap;
}
