/**
 * Service worker composition root. Every listener is registered synchronously at top level (Chrome
 * may start this worker for any event and kill it at any time); no state lives only in globals:
 * the snapshot is in storage.session, settings in storage.local, the softphone in the offscreen
 * document.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { createLogger } from '../shared/logger';
import { createReceiver, createRequester, type Handlers } from '../shared/protocol/messenger';
import { workerApi, type OffscreenApi } from '../shared/protocol/contract';
import { isEnvelope } from '../shared/protocol/envelope';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings/schema';
import { ensureOffscreen } from './offscreen-lifecycle';
import { relaySnapshot } from './relay';
import { workerClassifier } from './sender-policy';
import { readSnapshot, storeSnapshot } from './session-store';
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

const classify = workerClassifier(() => settings.servicenow.instances);

const toOffscreen = createRequester<OffscreenApi>('offscreen', async (message) => {
  await ensureOffscreen();
  return browser.runtime.sendMessage(message);
});

const handlers: Handlers<typeof workerApi> = {
  'offscreen.ready': ({ bootId }) => {
    log.info('offscreen document ready', { bootId });
    return { config: null };
  },
  'session.changed': async (snapshot) => {
    if (await storeSnapshot(snapshot)) {
      await relaySnapshot(snapshot, settings.servicenow.instances);
    }
    return null;
  },
  'content.ready': async () => {
    void ensureOffscreen();
    return { snapshot: await readSnapshot() };
  },
  'ui.state': async () => ({ snapshot: await readSnapshot() }),
  'session.refresh': () => toOffscreen('session.publish', null),
  'call.command': async (command) => {
    await toOffscreen('call.command', command);
    return null;
  },
};

const receive = createReceiver('worker', workerApi, handlers, classify, (code, detail) =>
  log.warn('message refused', { code, detail }),
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
