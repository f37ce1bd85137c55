/**
 * The one path for a notification button and a keyboard shortcut (manifest command): Chrome's
 * `notifications.onButtonClicked` and `commands.onCommand` listeners call these, and so does the
 * `ui.trigger` message, so an extension page (and the browser tests, which cannot click a desktop
 * notification or press a command key) runs exactly what the agent's click or key runs. Each
 * reaches the calls (notifier, shortcuts) and the presence features; `handled` says whether any
 * of them acted.
 */
import type { Logger } from '../../shared/logger';
import type { Handlers } from '../../shared/protocol/messenger';
import type { UiTrigger, uiToWorker } from '../../shared/protocol/messages/ui';

export interface TriggerTargets {
  /** Settings loaded: a command may wake the worker before they are. */
  ready: Promise<unknown>;
  calls: {
    buttonClicked(id: string, index: number): Promise<boolean>;
    shortcut(name: string): Promise<unknown>;
  };
  presence: {
    buttonClicked(id: string, index: number): Promise<boolean>;
    command(name: string): Promise<boolean>;
  };
  log: Logger;
}

export function createTriggers(targets: TriggerTargets) {
  const { calls, presence, log } = targets;
  const settle = async (what: string, work: Promise<unknown>): Promise<boolean> => {
    try {
      const result = await work;
      return result !== null && result !== false && result !== undefined;
    } catch (error) {
      log.warn(`${what} failed`, { error: String(error) });
      return false;
    }
  };

  async function onNotificationButton(id: string, index: number): Promise<boolean> {
    const results = await Promise.all([
      settle('notification button', calls.buttonClicked(id, index)),
      settle('presence action', presence.buttonClicked(id, index)),
    ]);
    return results.some(Boolean);
  }

  async function onCommand(name: string): Promise<boolean> {
    await targets.ready;
    const results = await Promise.all([
      settle('shortcut', calls.shortcut(name)),
      settle('presence shortcut', presence.command(name)),
    ]);
    return results.some(Boolean);
  }

  const run = (trigger: UiTrigger): Promise<boolean> =>
    trigger.kind === 'command'
      ? onCommand(trigger.name)
      : onNotificationButton(trigger.notificationId, trigger.buttonIndex);

  const handlers: Handlers<typeof uiToWorker> = {
    'ui.trigger': async (trigger) => ({ handled: await run(trigger) }),
  };
  return { onNotificationButton, onCommand, handlers };
}
