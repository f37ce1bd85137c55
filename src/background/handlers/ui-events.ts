/**
 * The worker's agent-facing features: the toolbar badge and desktop notifications (snapshot
 * observers), notification buttons and keyboard shortcuts (turned into the same call commands the
 * popup sends). index.ts registers the Chrome listeners at top level and calls into these.
 */
import browser from 'webextension-polyfill';
import type { Translate } from '../../shared/i18n';
import type { CallCommand } from '../../shared/protocol/schemas';
import { readSnapshot } from '../session-store';
import { badgeFor, showBadge } from '../ui/badge';
import { chromeAction, chromeNotifications } from '../ui/chrome-ports';
import { createNotifier, type Notifier } from '../ui/notifier';
import { asNotifyState } from '../ui/notify-plan';
import { commandForShortcut, isShortcut } from '../ui/shortcuts';
import type { WorkerDeps } from './deps';

const NOTIFY_STATE_KEY = 'ui.notify';

export interface UiFeatures {
  notifier: Notifier;
  /** Runs a keyboard shortcut (manifest command) on the current call. */
  shortcut(name: string): Promise<CallCommand | null>;
}

export function createUiFeatures(
  deps: WorkerDeps,
  signIn: () => Promise<unknown>,
  t: Translate,
): UiFeatures {
  const sendCommand = async (command: CallCommand) => {
    await deps.toOffscreen('call.command', command);
  };
  const notifier = createNotifier({
    port: chromeNotifications(),
    loadState: async () =>
      asNotifyState((await browser.storage.session.get(NOTIFY_STATE_KEY))[NOTIFY_STATE_KEY]),
    saveState: (state) => browser.storage.session.set({ [NOTIFY_STATE_KEY]: state }),
    readSnapshot,
    enabled: () => deps.settings().calls.notifications,
    sendCommand,
    signIn: async () => {
      await signIn();
    },
    openOptions: () => browser.runtime.openOptionsPage(),
    t,
    now: Date.now,
    setTimer: (run, ms) => setTimeout(run, ms),
    onError: (what, error) => deps.log.warn(`${what} failed`, { error: String(error) }),
  });
  const action = chromeAction();
  deps.snapshotObservers.push(
    (snapshot) => showBadge(action, badgeFor(snapshot, t)),
    (snapshot, previous) => notifier.observe(snapshot, previous),
  );
  return {
    notifier,
    async shortcut(name) {
      if (!isShortcut(name)) {
        return null;
      }
      const command = commandForShortcut(name, await readSnapshot());
      if (command) {
        deps.log.info('shortcut', { name, command: command.type });
        await sendCommand(command);
      }
      return command;
    },
  };
}
