/**
 * Content script entry (ServiceNow pages only). Everything long-lived hangs off one page-lifetime
 * AbortController, which aborts on page hide and when the extension context is invalidated (after
 * an update), so an orphaned script goes quiet instead of throwing.
 */
import { h } from 'preact';
import browser from 'webextension-polyfill';
import { createTranslator } from '../shared/i18n';
import { createLogger } from '../shared/logger';
import { contentApi, type WorkerApi } from '../shared/protocol/contract';
import { isEnvelope } from '../shared/protocol/envelope';
import { createReceiver, createRequester, type Handlers } from '../shared/protocol/messenger';
import type { CallCommand } from '../shared/protocol/schemas';
import { classifySender, policyFromRuntime } from '../shared/protocol/sender';
import type { SessionSnapshot } from '../shared/session/snapshot';
import { mountShadowUi } from './screen-pop/mount';
import { ScreenPop } from './screen-pop/ScreenPop';

const log = createLogger('content');
const lifetime = new AbortController();
const t = createTranslator((key, subs) => browser.i18n.getMessage(key, subs));
const toWorker = createRequester<WorkerApi>('worker', (message) =>
  browser.runtime.sendMessage(message),
);
const ui = mountShadowUi(lifetime.signal);
let latest: SessionSnapshot | null = null;

function contextAlive(): boolean {
  try {
    return Boolean(browser.runtime.id);
  } catch {
    return false;
  }
}

function send(command: CallCommand): void {
  if (!contextAlive()) {
    lifetime.abort();
    return;
  }
  void toWorker('call.command', command).catch(() => undefined);
}

function show(snapshot: SessionSnapshot | null): void {
  if (snapshot && latest && snapshot.seq <= latest.seq) {
    return; // stale or duplicate
  }
  latest = snapshot ?? latest;
  ui.update(h(ScreenPop, { snapshot: latest, t, onCommand: send }));
}

const handlers: Handlers<typeof contentApi> = {
  'session.changed': (snapshot) => {
    show(snapshot);
    return null;
  },
  'content.snapshot': ({ snapshot }) => {
    show(snapshot);
    return null;
  },
};

const policy = policyFromRuntime(browser.runtime, () => false);
const receive = createReceiver(
  'content',
  contentApi,
  handlers,
  (sender) => classifySender(sender, policy),
  (code, detail) => log.warn('message refused', { code, detail }),
);

const listener = (message: unknown, sender: browser.Runtime.MessageSender) => {
  if (!isEnvelope(message) || message.to !== 'content') {
    return undefined;
  }
  return receive(message, sender);
};
browser.runtime.onMessage.addListener(listener);
lifetime.signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));

show(null);
void toWorker('content.ready', { url: location.href }).then(
  ({ snapshot }) => show(snapshot),
  () => undefined,
);
