/**
 * Offscreen document composition root: owns the softphone session and answers the worker.
 * Only chrome.runtime exists here; storage, identity and tabs go through the worker.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { createLogger } from '../shared/logger';
import { offscreenApi, type WorkerApi } from '../shared/protocol/contract';
import { isEnvelope } from '../shared/protocol/envelope';
import { createReceiver, createRequester, type Handlers } from '../shared/protocol/messenger';
import { classifySender, policyFromRuntime } from '../shared/protocol/sender';
import { createSnapshotPublisher } from './snapshot-publisher';

const log = createLogger('offscreen');
const bootId = crypto.randomUUID();

const toWorker = createRequester<WorkerApi>('worker', (message) =>
  browser.runtime.sendMessage(message),
);
const publisher = createSnapshotPublisher((snapshot) => toWorker('session.changed', snapshot));

const handlers: Handlers<typeof offscreenApi> = {
  'session.configure': () => publisher.current(),
  'session.snapshot': () => publisher.current(),
  'session.publish': () => publisher.publish(),
  'call.command': (command) => {
    throw new Error(`No softphone session for ${command.type}`);
  },
  // The worker saw the machine wake up: the session supervisor re-validates (its `wake` event).
  'session.revalidate': ({ gapMs }) => {
    log.info('wake reported by the worker', { gapMs });
    return null;
  },
};

const policy = policyFromRuntime(browser.runtime, () => false);
const receive = createReceiver('offscreen', offscreenApi, handlers, (sender) =>
  classifySender(sender, policy),
);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isEnvelope(message) || message.to !== 'offscreen') {
    return undefined;
  }
  return receive(message, sender);
});

void toWorker('offscreen.ready', { bootId }).then(
  () => publisher.publish(),
  (error: unknown) => log.error('worker did not answer the ready handshake', { error: String(error) }),
);
