/** The diagnostics page's link to the worker: requests, and the snapshots the worker broadcasts. */
import browser from 'webextension-polyfill';
import type { WorkerApi } from '../shared/protocol/contract';
import { createRequester } from '../shared/protocol/messenger';
import { uiReceiver } from '../shared/protocol/ui-receiver';
import type { SessionSnapshot } from '../shared/session/snapshot';

export const toWorker = createRequester<WorkerApi>('worker', (message) =>
  browser.runtime.sendMessage(message),
);

export function subscribe(listener: (snapshot: SessionSnapshot) => void): () => void {
  const handle = uiReceiver(browser.runtime, {
    'session.changed': (snapshot) => {
      listener(snapshot);
      return null;
    },
    'settings.changed': () => null,
    'auth.changed': () => null,
  });
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}
