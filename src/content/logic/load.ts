/**
 * Loads the logic chunk once (single flight); a failed load may be retried by the next caller.
 * `prefetchLogic` warms it when the page is idle so the first call does not wait for it.
 */
import type * as LogicModule from './logic';

export type Logic = typeof LogicModule;

let loading: Promise<Logic> | null = null;

export function loadLogic(): Promise<Logic> {
  loading ??= import('./logic').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

export function prefetchLogic(signal: AbortSignal): void {
  const start = (): void => {
    if (!signal.aborted) {
      void loadLogic().catch(() => undefined);
    }
  };
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(start, { timeout: 2000 });
    signal.addEventListener('abort', () => cancelIdleCallback(handle), { once: true });
  } else {
    const handle = setTimeout(start, 200);
    signal.addEventListener('abort', () => clearTimeout(handle), { once: true });
  }
}
