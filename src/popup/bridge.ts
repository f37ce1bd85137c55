/** The popup's link to the worker: requests, and the worker's broadcasts to extension pages. */
import browser from 'webextension-polyfill';
import type { WorkerApi } from '../shared/protocol/contract';
import { createRequester } from '../shared/protocol/messenger';
import { uiReceiver } from '../shared/protocol/ui-receiver';
import type { PageEvent } from './Popup';
import { presenceChanged } from './presence-events';

export const toWorker = createRequester<WorkerApi>('worker', (message) =>
  browser.runtime.sendMessage(message),
);

export function subscribe(listener: (event: PageEvent) => void): () => void {
  const handle = uiReceiver(browser.runtime, {
    'session.changed': (snapshot) => {
      listener({ type: 'session.changed', snapshot });
      return null;
    },
    'settings.changed': () => null,
    'auth.changed': () => {
      listener({ type: 'auth.changed' });
      return null;
    },
    'presence.changed': ({ status }) => {
      presenceChanged(status);
      return null;
    },
  });
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}
