/**
 * The worker's notification shell: runs planNotifications for every snapshot (serialised, state in
 * storage.session through the injected store), shows the sign-in notice, and turns notification
 * buttons into the same call commands the popup sends. Every accept first checks the call is still
 * ringing in the stored snapshot.
 */
import type { Translate } from '../../shared/i18n';
import type { CallCommand } from '../../shared/protocol/schemas';
import type { SessionSnapshot } from '../../shared/session/snapshot';
import { isRinging } from '../../shared/session/snapshot-view';
import {
  INCOMING_PREFIX,
  INITIAL_NOTIFY_STATE,
  SIGN_IN_ID,
  planNotifications,
  type Notice,
  type NotifyState,
} from './notify-plan';

export interface NotificationPort {
  show(id: string, notice: Notice): Promise<void>;
  clear(id: string): Promise<void>;
}

export interface NotifierDeps {
  port: NotificationPort;
  loadState(): Promise<NotifyState | null>;
  saveState(state: NotifyState): Promise<void>;
  readSnapshot(): Promise<SessionSnapshot | null>;
  /** The agent's "notifications" setting. */
  enabled(): boolean;
  sendCommand(command: CallCommand): Promise<void>;
  signIn(): Promise<void>;
  openOptions(): Promise<void>;
  t: Translate;
  now(): number;
  setTimer(run: () => void, ms: number): void;
  onError(what: string, error: unknown): void;
}

export interface Notifier {
  observe(snapshot: SessionSnapshot, previous: SessionSnapshot | null): Promise<void>;
  recheck(): Promise<void>;
  signInNeeded(message: string): Promise<void>;
  /** True when the button meant something here (a call command sent, or sign-in started). */
  buttonClicked(id: string, index: number): Promise<boolean>;
  clicked(id: string): Promise<void>;
}

export function createNotifier(deps: NotifierDeps): Notifier {
  let queue: Promise<void> = Promise.resolve();
  /** When the pending recheck runs (one at a time, however many snapshots ask for it). */
  let recheckAt: number | null = null;
  const serial = (work: () => Promise<void>): Promise<void> => {
    queue = queue.then(work).catch((error: unknown) => deps.onError('notification', error));
    return queue;
  };

  const run = (snapshot: SessionSnapshot, previous: SessionSnapshot | null) =>
    serial(async () => {
      const now = deps.now();
      const state = (await deps.loadState()) ?? INITIAL_NOTIFY_STATE;
      const plan = planNotifications({
        snapshot,
        previous,
        state,
        now,
        enabled: deps.enabled(),
        t: deps.t,
      });
      await deps.saveState(plan.state);
      for (const effect of plan.effects) {
        if (effect.type === 'show') {
          await deps.port.show(effect.id, effect.notice);
        } else if (effect.type === 'clear') {
          await deps.port.clear(effect.id);
        } else {
          if (recheckAt === null || effect.at < recheckAt) {
            recheckAt = effect.at;
            deps.setTimer(
              () => {
                recheckAt = null;
                void notifier.recheck();
              },
              Math.max(0, effect.at - now) + 50,
            );
          }
        }
      }
    });

  const notifier: Notifier = {
    observe: run,
    async recheck() {
      const snapshot = await deps.readSnapshot();
      if (snapshot) {
        await run(snapshot, snapshot);
      }
    },
    signInNeeded: (message) =>
      deps.port.show(SIGN_IN_ID, {
        title: deps.t('notifySignInTitle'),
        message,
        buttons: [deps.t('signIn')],
        requireInteraction: true,
      }),
    async buttonClicked(id, index) {
      if (id === SIGN_IN_ID) {
        await deps.port.clear(id);
        await deps.signIn();
        return true;
      }
      if (!id.startsWith(INCOMING_PREFIX)) {
        return false;
      }
      const conversationId = id.slice(INCOMING_PREFIX.length);
      const call = (await deps.readSnapshot())?.calls.find(
        (c) => c.conversationId === conversationId,
      );
      await deps.port.clear(id);
      if (!call || !isRinging(call)) {
        return false; // answered elsewhere, withdrawn or missed meanwhile
      }
      await deps.sendCommand({ type: index === 0 ? 'answer' : 'decline', conversationId });
      return true;
    },
    async clicked(id) {
      if (id === SIGN_IN_ID) {
        await deps.port.clear(id);
        await deps.openOptions();
      } else if (!id.startsWith(INCOMING_PREFIX)) {
        await deps.port.clear(id);
      }
    },
  };
  return notifier;
}
