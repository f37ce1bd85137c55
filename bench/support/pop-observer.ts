/**
 * Watches the Switchboard shadow root in a ServiceNow tab from the page's own world: when a call
 * card first appears it notes the time, waits for the next animation frame (the frame that paints
 * it) and reports both to Node through an exposed binding. Nothing of the extension is touched.
 */
import type { Page } from 'playwright-core';

export interface PaintReport {
  inserted: number;
  painted: number;
}

export interface PopObserver {
  /** Resolves when the card for `conversationId` has been painted. */
  painted(conversationId: string, timeoutMs: number): Promise<PaintReport>;
}

// A string, not a function: the page runs it as written (no transpiler helpers inside).
const OBSERVER = String.raw`(() => {
  const now = () => performance.timeOrigin + performance.now();
  const root = document.querySelector('switchboard-root')?.shadowRoot;
  if (!root) throw new Error('no Switchboard shadow root');
  const seen = new Set();
  new MutationObserver(() => {
    for (const card of root.querySelectorAll('.sb-card[data-call]')) {
      const id = card.dataset.call || '';
      if (!seen.has(id)) {
        seen.add(id);
        const inserted = now();
        requestAnimationFrame(() => window.benchPopPainted(id, inserted, now()));
      }
    }
  }).observe(root, { childList: true, subtree: true });
})()`;

export async function observePops(tab: Page): Promise<PopObserver> {
  const reports = new Map<string, PaintReport>();
  const waiters = new Map<string, (r: PaintReport) => void>();
  await tab.exposeFunction('benchPopPainted', (id: string, inserted: number, painted: number) => {
    const report = { inserted, painted };
    reports.set(id, report);
    waiters.get(id)?.(report);
  });
  await tab.evaluate(OBSERVER);
  return {
    painted(conversationId, timeoutMs) {
      const known = reports.get(conversationId);
      if (known) {
        return Promise.resolve(known);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(conversationId);
          reject(new Error(`no pop painted for ${conversationId} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.set(conversationId, (r) => {
          clearTimeout(timer);
          waiters.delete(conversationId);
          resolve(r);
        });
      });
    },
  };
}
