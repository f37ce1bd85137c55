/**
 * Service worker composition root. Every listener is registered synchronously at top level (Chrome
 * may start this worker for any event and kill it at any time); no state lives only in globals:
 * the snapshot is in storage.session, settings in storage.local, the softphone in the offscreen
 * document. Feature handlers live in handlers/ and are composed here.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { createTranslator } from '../shared/i18n';
import { createLogger } from '../shared/logger';
import { isUrlOnInstances } from '../shared/settings/instances';
import { workerApi, type OffscreenApi } from '../shared/protocol/contract';
import { isEnvelope } from '../shared/protocol/envelope';
import { createReceiver, createRequester, type Handlers } from '../shared/protocol/messenger';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings/schema';
import { createSessionControls, createWorkerAuth, sessionConfigFor } from './auth-wiring';
import { authHandlers } from './handlers/auth';
import { contentHandlers } from './handlers/content';
import { diagnosticsHandlers } from './handlers/diagnostics';
import { chromeScriptingPort, syncContentScripts } from './content-scripts';
import { tabFocusListeners } from './tab-focus';
import type { WorkerDeps } from './handlers/deps';
import { sessionHandlers } from './handlers/session';
import { createUiFeatures } from './handlers/ui-events';
import { createLifecycle } from './lifecycle';
import { createWorkerRecords } from './records/wiring';
import { createWorkerPresence } from './presence/wiring';
import { ensureOffscreen } from './offscreen-lifecycle';
import { workerClassifier } from './sender-policy';
import { SETTINGS_KEY, readSettings } from './settings-store';
import { notifyPages } from './ui/broadcast';
import { createTriggers } from './ui/triggers';

const log = createLogger('worker');
const t = createTranslator((key, subs) => browser.i18n.getMessage(key, subs));
const KEEPALIVE_ALARM = 'offscreen-check';

let settings: Settings = DEFAULT_SETTINGS;
const settingsReady = readSettings().then(({ settings: loaded, problem, problems }) => {
  settings = loaded;
  if (problem) {
    log.warn('settings replaced by defaults', { problem });
  }
  if (problems.length > 0) {
    log.warn('policy values ignored', { problems });
  }
});

const toOffscreen = createRequester<OffscreenApi>('offscreen', async (message) => {
  await ensureOffscreen();
  return browser.runtime.sendMessage(message);
});
const appVersion = browser.runtime.getManifest().version;

const auth = createWorkerAuth({
  settings: () => settings,
  settingsReady,
  log: log.child('auth'),
  onTokenChanged: async (change) => {
    // A new token (sign-in, renewal) or none (sign-out) reconfigures the softphone.
    await toOffscreen('session.configure', sessionConfigFor(settings, change, appVersion));
    notifyPages('auth.changed');
  },
  onAgentNeeded: (message) => ui.notifier.signInNeeded(message),
});

const deps: WorkerDeps = {
  settings: () => settings,
  toOffscreen,
  sessionConfig: async () => {
    await settingsReady;
    return sessionConfigFor(settings, await auth.currentToken(), appVersion);
  },
  snapshotObservers: [],
  reportUnauthorized: () => auth.reportUnauthorized(),
  log,
};

// Sign-out leaves the session completely; the organisation switch (auth/org-switch-wiring.ts).
const sessionControls = createSessionControls(deps, auth, log.child('auth'));
const ui = createUiFeatures(deps, () => auth.signIn(), t);
const lifecycle = createLifecycle(deps, auth);
const records = createWorkerRecords(deps, settingsReady);
const presence = createWorkerPresence(deps, auth, t);
// Notification buttons and shortcuts: Chrome's listeners and the ui.trigger message run these.
const triggers = createTriggers({
  ready: settingsReady,
  calls: {
    buttonClicked: (id, index) => ui.notifier.buttonClicked(id, index),
    shortcut: (name) => ui.shortcut(name),
  },
  presence,
  log,
});

const handlers: Handlers<typeof workerApi> = {
  ...sessionHandlers(deps),
  ...authHandlers(deps, auth, sessionControls),
  ...contentHandlers(deps),
  ...lifecycle.handlers,
  ...records.handlers,
  ...presence.handlers,
  ...triggers.handlers,
  ...diagnosticsHandlers(deps, { version: appVersion }),
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
  if ((area === 'local' && SETTINGS_KEY in changes) || area === 'managed') {
    void readSettings().then(({ settings: loaded }) => {
      settings = loaded;
      notifyPages('settings.changed');
      reconfigureSession();
      syncCustomHosts();
    });
  }
});

browser.notifications.onButtonClicked.addListener((id, index) => {
  void triggers.onNotificationButton(id, index);
});
browser.notifications.onClicked.addListener((id) => void ui.notifier.clicked(id));
browser.commands.onCommand.addListener((name) => void triggers.onCommand(name));

browser.alarms.onAlarm.addListener((alarm) => {
  void auth.handleAlarm(alarm);
  records.onAlarm(alarm);
  presence.onAlarm(alarm);
  if (alarm.name === KEEPALIVE_ALARM) {
    lifecycle.onKeepAlive();
    void ensureOffscreen().then((created) => {
      if (created) {
        log.warn('offscreen document was missing and has been recreated');
      }
    });
  }
});

/** Settings that shape the softphone (network profile, calls) apply without a new sign-in. */
function reconfigureSession(): void {
  void deps
    .sessionConfig()
    .then((config) => (config ? toOffscreen('session.configure', config) : null))
    .catch((error: unknown) =>
      log.warn('softphone reconfiguration failed', { error: String(error) }),
    );
}

// Screen pop: which ServiceNow tab pops (last focused), and the content script on custom hosts.
const tabFocus = tabFocusListeners(async (url) =>
  settingsReady.then(
    () => url !== undefined && isUrlOnInstances(url, settings.servicenow.instances),
  ),
);
browser.tabs.onActivated.addListener(tabFocus.onActivated);
browser.tabs.onUpdated.addListener(tabFocus.onUpdated);
browser.tabs.onRemoved.addListener(tabFocus.onRemoved);
browser.windows.onFocusChanged.addListener(tabFocus.onFocusChanged);
function syncCustomHosts(): void {
  void settingsReady
    .then(() => syncContentScripts(settings.servicenow.instances, chromeScriptingPort()))
    .catch((error: unknown) =>
      log.warn('content script registration failed', { error: String(error) }),
    );
}
browser.permissions.onAdded.addListener(syncCustomHosts);
browser.permissions.onRemoved.addListener(syncCustomHosts);
syncCustomHosts();

browser.runtime.onStartup.addListener(() => {
  void ensureOffscreen();
  lifecycle.onStartup();
  records.onBrowserStart();
});
browser.runtime.onInstalled.addListener((details) => {
  void ensureOffscreen();
  lifecycle.onInstalled(details);
});
// Updates wait until no call is live (lifecycle/updater.ts).
browser.runtime.onUpdateAvailable.addListener(lifecycle.onUpdateAvailable);

void browser.alarms.create(KEEPALIVE_ALARM, { periodInMinutes: 0.5 });
void ensureOffscreen();
void auth
  .restore()
  .catch((error: unknown) => log.warn('token restore failed', { error: String(error) }));
lifecycle.start();
records.start();
