/**
 * Service worker composition root. Every listener is registered synchronously at top level (Chrome
 * may start this worker for any event and kill it at any time); no state lives only in globals:
 * the snapshot is in storage.session, settings in storage.local, the softphone in the offscreen
 * document. Feature handlers live in handlers/ and are composed here.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { createLogger } from '../shared/logger';
import { workerApi, type OffscreenApi } from '../shared/protocol/contract';
import { isEnvelope } from '../shared/protocol/envelope';
import { createReceiver, createRequester, type Handlers } from '../shared/protocol/messenger';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings/schema';
import type { WorkerDeps } from './handlers/deps';
import { sessionHandlers } from './handlers/session';
import { ensureOffscreen } from './offscreen-lifecycle';
import { workerClassifier } from './sender-policy';
import { SETTINGS_KEY, readSettings } from './settings-store';

const log = createLogger('worker');
const KEEPALIVE_ALARM = 'offscreen-check';

let settings: Settings = DEFAULT_SETTINGS;
const settingsReady = readSettings().then(({ settings: loaded, problem }) => {
  settings = loaded;
  if (problem) {
    log.warn('settings replaced by defaults', { problem });
  }
});

const deps: WorkerDeps = {
  settings: () => settings,
  toOffscreen: createRequester<OffscreenApi>('offscreen', async (message) => {
    await ensureOffscreen();
    return browser.runtime.sendMessage(message);
  }),
  sessionConfig: () => Promise.resolve(null),
  log,
};

const handlers: Handlers<typeof workerApi> = {
  ...sessionHandlers(deps),
};

const receive = createReceiver(
  'worker',
  workerApi,
  handlers,
  workerClassifier(() => settings.servicenow.instances),
  (code, detail) => log.warn('message refused', { code, detail }),
);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isEnvelope(message) || message.to !== 'worker') {
    return undefined; // for another context: never reply
  }
  return settingsReady.then(() => receive(message, sender));
});

browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && SETTINGS_KEY in changes) {
    void readSettings().then(({ settings: loaded }) => {
      settings = loaded;
    });
  }
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === KEEPALIVE_ALARM) {
    void ensureOffscreen().then((created) => {
      if (created) {
        log.warn('offscreen document was missing and has been recreated');
      }
    });
  }
});

browser.runtime.onStartup.addListener(() => void ensureOffscreen());
browser.runtime.onInstalled.addListener(() => void ensureOffscreen());

void browser.alarms.create(KEEPALIVE_ALARM, { periodInMinutes: 0.5 });
void ensureOffscreen();
