/** The options page's link to the worker: requests, and the worker's broadcasts to pages. */
import browser from 'webextension-polyfill';
import type { WorkerApi } from '../shared/protocol/contract';
import { createRequester } from '../shared/protocol/messenger';
import { uiReceiver } from '../shared/protocol/ui-receiver';
import type { Broadcast } from './OptionsApp';

export const toWorker = createRequester<WorkerApi>('worker', (message) =>
  browser.runtime.sendMessage(message),
);

export function onBroadcast(listener: (type: Broadcast) => void): () => void {
  const handle = uiReceiver(browser.runtime, {
    'session.changed': () => null,
    'settings.changed': () => {
      listener('settings.changed');
      return null;
    },
    'auth.changed': () => {
      listener('auth.changed');
      return null;
    },
  });
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}
