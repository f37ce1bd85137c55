/** The popup's link to the worker: requests, and the worker's broadcasts to extension pages. */
import browser, { type Runtime } from 'webextension-polyfill';
import { uiApi, type WorkerApi } from '../shared/protocol/contract';
import { isEnvelope } from '../shared/protocol/envelope';
import { createReceiver, createRequester } from '../shared/protocol/messenger';
import { classifySender, policyFromRuntime } from '../shared/protocol/sender';
import type { PageEvent } from './Popup';

export const toWorker = createRequester<WorkerApi>('worker', (message) =>
  browser.runtime.sendMessage(message),
);

export function subscribe(listener: (event: PageEvent) => void): () => void {
  const policy = policyFromRuntime(browser.runtime, () => false);
  const receive = createReceiver(
    'ui',
    uiApi,
    {
      'session.changed': (snapshot) => {
        listener({ type: 'session.changed', snapshot });
        return null;
      },
      'settings.changed': () => null,
      'auth.changed': () => {
        listener({ type: 'auth.changed' });
        return null;
      },
    },
    (sender) => classifySender(sender, policy),
  );
  const handle = (message: unknown, sender: Runtime.MessageSender) =>
    isEnvelope(message) && message.to === 'ui' ? receive(message, sender) : undefined;
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}
