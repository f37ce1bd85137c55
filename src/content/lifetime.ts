/**
 * The page lifetime of this content script: one AbortController that everything long-lived
 * (listeners, observers, timers, the UI, lookups) is bound to. It ends when the extension context
 * goes away (the extension was updated, reloaded or removed: "Extension context invalidated"),
 * which is noticed on any failed request and checked when the page becomes visible or focused and
 * every few seconds. After that the script is quiet: no UI, no listeners, no errors.
 */

export interface Lifetime {
  signal: AbortSignal;
  /** Ends the lifetime (idempotent). */
  end(reason: string): void;
  /** Ends the lifetime if the extension context is gone; true while alive. */
  check(): boolean;
}

export const CHECK_EVERY_MS = 5000;

export function createLifetime(
  isAlive: () => boolean,
  win: Window = window,
  onEnd: (reason: string) => void = () => undefined,
): Lifetime {
  const controller = new AbortController();
  const { signal } = controller;
  const end = (reason: string): void => {
    if (!signal.aborted) {
      controller.abort(new Error(reason));
      onEnd(reason);
    }
  };
  const check = (): boolean => {
    let alive: boolean;
    try {
      alive = isAlive();
    } catch {
      alive = false;
    }
    if (!alive) {
      end('extension context invalidated');
    }
    return alive;
  };
  for (const type of ['visibilitychange', 'focus', 'pageshow']) {
    win.addEventListener(type, check, { signal });
  }
  const timer = win.setInterval(check, CHECK_EVERY_MS);
  signal.addEventListener('abort', () => win.clearInterval(timer), { once: true });
  return { signal, end, check };
}
