/**
 * The extension's lifecycle in the worker: start with the browser (resume a signed-in agent),
 * first-run welcome page, updates that wait for the call to end, and sleep/wake detection.
 * index.ts registers the Chrome listeners at top level and calls into what this returns.
 *
 *   worker start · onStartup · onInstalled ─▶ resume (silent) · check pending update · tick
 *   onInstalled{install} ─▶ welcome page
 *   onUpdateAvailable · lifecycle.applyUpdate ─▶ updater.request ─▶ reload when no call is live
 *   every snapshot ─▶ updater.check          keep-alive alarm ─▶ tick (wake?) · updater.check
 */
import browser from 'webextension-polyfill';
import type { Handlers } from '../../shared/protocol/messenger';
import type { lifecycleToWorker } from '../../shared/protocol/messages/lifecycle';
import type { SessionSnapshot } from '../../shared/session/snapshot';
import type { AuthService } from '../auth/auth-service';
import { createChromeTokenStore } from '../auth/token-store';
import type { WorkerDeps } from '../handlers/deps';
import { readSnapshot } from '../session-store';
import { onInstalled } from './install';
import { resumeSignedInAgent } from './resume';
import { checkServiceNow } from './servicenow-check';
import { createUpdater } from './updater';
import { noteTick } from './wake';

/** How long to wait for the offscreen document's own snapshot before trusting the stored one. */
const FRESH_SNAPSHOT_TIMEOUT_MS = 3_000;
/** The reload waits this long so the reply to an administrator's request still goes out. */
const RELOAD_DELAY_MS = 500;

export interface Lifecycle {
  handlers: Handlers<typeof lifecycleToWorker>;
  /** Registered as runtime.onUpdateAvailable's listener. */
  onUpdateAvailable: (details: { version: string }) => void;
  onStartup: () => void;
  onInstalled: (details: { reason: string }) => void;
  /** The keep-alive alarm fired. */
  onKeepAlive: () => void;
  /** Worker start (top level). */
  start: () => void;
}

type Auth = Pick<AuthService, 'currentToken' | 'renew'>;

export function createLifecycle(deps: WorkerDeps, auth: Auth): Lifecycle {
  const log = deps.log.child('lifecycle');
  const area = browser.storage.session;
  const version = browser.runtime.getManifest().version;

  const freshSnapshot = async (): Promise<SessionSnapshot | null> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), FRESH_SNAPSHOT_TIMEOUT_MS);
    });
    try {
      const fresh = await Promise.race([deps.toOffscreen('session.snapshot', null), timeout]);
      return fresh ?? (await readSnapshot());
    } catch {
      return await readSnapshot();
    } finally {
      clearTimeout(timer);
    }
  };

  const updater = createUpdater({
    area,
    currentSnapshot: freshSnapshot,
    storedSnapshot: readSnapshot,
    reload: () => setTimeout(() => browser.runtime.reload(), RELOAD_DELAY_MS),
    now: Date.now,
    log,
  });
  deps.snapshotObservers.push(async (snapshot) => {
    await updater.check(snapshot);
  });

  const tokens = createChromeTokenStore();
  const resume = () =>
    void resumeSignedInAgent({
      area,
      hasToken: async () => (await auth.currentToken()) !== null,
      wasSignedIn: async () => (await tokens.loadSignedInProfile()) !== null,
      renew: () => auth.renew(),
      log,
    }).catch((error: unknown) => log.warn('resume failed', { error: String(error) }));

  const tick = () =>
    void noteTick({
      area,
      now: Date.now,
      revalidate: (gapMs) => deps.toOffscreen('session.revalidate', { reason: 'wake', gapMs }),
      log,
    }).catch((error: unknown) => log.warn('wake check failed', { error: String(error) }));

  const check = () =>
    void updater.check().catch((error: unknown) => {
      log.warn('update check failed', { error: String(error) });
    });

  const state = async () => ({ version, update: await updater.view() });

  return {
    handlers: {
      'lifecycle.state': state,
      'lifecycle.applyUpdate': async ({ version: wanted }) => {
        const step = await updater.request(wanted ?? null, 'admin');
        return { ...(await state()), applying: step.kind === 'apply' };
      },
      'lifecycle.servicenow': () =>
        checkServiceNow(deps.settings().servicenow.instances, {
          queryTabs: (patterns) => browser.tabs.query({ url: patterns }),
          hasElement: async (tabId, tag) => {
            const [result] = await browser.scripting.executeScript({
              target: { tabId },
              // Runs in the tab, not in the worker.
              func: (name: string) => globalThis.document.querySelector(name) !== null,
              args: [tag],
            });
            return result?.result === true;
          },
        }),
    },
    onUpdateAvailable: (details) =>
      void updater.request(details.version, 'chrome').catch((error: unknown) => {
        log.warn('update request failed', { error: String(error) });
      }),
    onStartup: resume,
    onInstalled: (details) => {
      void onInstalled(details, {
        openTab: (url) => browser.tabs.create({ url }),
        getURL: (path) => browser.runtime.getURL(path),
      }).catch((error: unknown) => log.warn('welcome page failed', { error: String(error) }));
      resume();
    },
    onKeepAlive: () => {
      tick();
      check();
    },
    start: () => {
      tick();
      resume();
      check();
    },
  };
}
