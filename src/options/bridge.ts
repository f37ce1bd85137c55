/** The options page's link to the worker: requests, and the worker's broadcasts to pages. */
import browser, { type Runtime } from 'webextension-polyfill';
import { uiApi, type WorkerApi } from '../shared/protocol/contract';
import { isEnvelope } from '../shared/protocol/envelope';
import { createReceiver, createRequester } from '../shared/protocol/messenger';
import { classifySender, policyFromRuntime } from '../shared/protocol/sender';
import type { Broadcast } from './OptionsApp';

export const toWorker = createRequester<WorkerApi>('worker', (message) =>
  browser.runtime.sendMessage(message),
);

export function onBroadcast(listener: (type: Broadcast) => void): () => void {
  const policy = policyFromRuntime(browser.runtime, () => false);
  const receive = createReceiver(
    'ui',
    uiApi,
    {
      'session.changed': () => null,
      'settings.changed': () => {
        listener('settings.changed');
        return null;
      },
      'auth.changed': () => {
        listener('auth.changed');
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
