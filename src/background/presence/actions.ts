/**
 * The agent's presence actions outside the popup: the "not responding" notification with its
 * "Go back on queue" button, and the unbound "go on queue / off queue" keyboard command. Chrome's
 * listeners (index.ts) and the `presence.trigger` message run the same two functions.
 */
import type { Translate } from '../../shared/i18n';
import type { NotificationPort } from '../ui/notifier';
import type { PresenceService } from './service';

export const NOT_RESPONDING_ID = 'presence:not-responding';
export const QUEUE_COMMAND = 'toggle-queue';

export interface PresenceActions {
  notResponding(entered: boolean): Promise<void>;
  /** True when the notification was the presence one (handled here). */
  buttonClicked(id: string, index: number): Promise<boolean>;
  /** True when the command was the queue toggle (handled here). */
  command(name: string): Promise<boolean>;
}

export interface ActionDeps {
  service(): PresenceService;
  port: NotificationPort;
  /** The agent's "notifications" setting. */
  enabled(): boolean;
  t: Translate;
}

export function createPresenceActions(deps: ActionDeps): PresenceActions {
  return {
    async notResponding(entered) {
      if (!entered) {
        await deps.port.clear(NOT_RESPONDING_ID);
        return;
      }
      if (!deps.enabled()) {
        return;
      }
      await deps.port.show(NOT_RESPONDING_ID, {
        title: deps.t('presenceNotRespondingTitle'),
        message: deps.t('presenceNotRespondingMessage'),
        buttons: [deps.t('presenceBackOnQueue')],
        requireInteraction: true,
      });
    },
    async buttonClicked(id, index) {
      if (id !== NOT_RESPONDING_ID) {
        return false;
      }
      await deps.port.clear(id);
      if (index === 0) {
        await deps.service().change({ kind: 'recover' });
      }
      return true;
    },
    async command(name) {
      if (name !== QUEUE_COMMAND) {
        return false;
      }
      await deps.service().change({ kind: 'toggle-queue' });
      return true;
    },
  };
}
