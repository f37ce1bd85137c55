/**
 * Composes presence for the worker: the Genesys REST client (token from the auth service, API base
 * from the signed-in profile), the status in storage.session, broadcasts to extension pages, the
 * notification and command actions, the message handlers, and a snapshot observer that re-reads
 * the status when calls come and go (a fallback for a missed streaming event; no timers).
 * Every change also goes to the ServiceNow tabs and, with the ServiceNow mapping chosen, to or
 * from ServiceNow presence (servicenow-wiring.ts).
 *
 * Live updates come from the offscreen document's streaming connection (`presence.event`): the
 * worker sleeps between events, so an idle agent costs no wake-ups and no polling requests.
 */
import browser, { type Alarms } from 'webextension-polyfill';
import type { Translate } from '../../shared/i18n';
import { profileEnvironment } from '../../shared/auth/profile';
import { findProfile } from '../../shared/auth/profile-list';
import { agentStatusSchema, type AgentStatus } from '../../shared/presence/status';
import { envelope } from '../../shared/protocol/envelope';
import type { Handlers } from '../../shared/protocol/messenger';
import type { presenceToWorker } from '../../shared/protocol/messages/presence';
import type { SessionSnapshot } from '../../shared/session/snapshot';
import type { AuthService } from '../auth/auth-service';
import type { WorkerDeps } from '../handlers/deps';
import { chromeNotifications } from '../ui/chrome-ports';
import { createPresenceActions, type PresenceActions } from './actions';
import { createPresenceApi, type ApiAccess } from './genesys-rest';
import { createPresenceService, type StatusStore } from './service';
import { createServiceNowMapping } from './servicenow-wiring';

const STATUS_KEY = 'presence.status';

export interface WorkerPresence extends Pick<PresenceActions, 'buttonClicked' | 'command'> {
  handlers: Handlers<typeof presenceToWorker>;
  onAlarm(alarm: Alarms.Alarm): void;
}

const sessionStore: StatusStore = {
  async load() {
    const stored = (await browser.storage.session.get(STATUS_KEY))[STATUS_KEY];
    const parsed = agentStatusSchema.safeParse(stored);
    return parsed.success ? parsed.data : null;
  },
  async save(status) {
    await browser.storage.session.set({ [STATUS_KEY]: status });
  },
};

function callKey(snapshot: SessionSnapshot | null): string {
  return (snapshot?.calls ?? []).map((c) => `${c.conversationId}:${c.state}`).join(',');
}

export function createWorkerPresence(
  deps: WorkerDeps,
  auth: Pick<AuthService, 'currentToken'>,
  t: Translate,
): WorkerPresence {
  const access = async (): Promise<ApiAccess | null> => {
    const token = await auth.currentToken();
    const profile = token && findProfile(deps.settings().genesys, token.profileId);
    if (!token || !profile) {
      return null;
    }
    return { apiBase: profileEnvironment(profile).apiBase, token: token.accessToken };
  };
  const api = createPresenceApi(
    access,
    (url, init) => fetch(url, init),
    () => {
      void deps.reportUnauthorized?.();
    },
  );
  const log = deps.log.child('presence');
  const servicenow = createServiceNowMapping(deps, () => service, log);
  const actions = createPresenceActions({
    service: () => service,
    port: chromeNotifications(),
    enabled: () => deps.settings().calls.notifications,
    t,
  });
  const service = createPresenceService({
    api,
    store: sessionStore,
    signedIn: async () => (await access()) !== null,
    publish: (status: AgentStatus | null) => {
      browser.runtime
        .sendMessage(envelope('ui', 'presence.changed', { status }))
        .catch(() => undefined); // no page open
      servicenow.statusChanged(status);
    },
    notResponding: (entered) => actions.notResponding(entered),
    now: Date.now,
    log,
  });

  deps.snapshotObservers.push(async (snapshot, previous) => {
    if (callKey(snapshot) === callKey(previous)) {
      return;
    }
    await service.get(true).catch((error: unknown) => {
      deps.log.debug('presence refresh failed', { error: String(error) });
    });
  });

  return {
    handlers: {
      'presence.get': async ({ refresh }, { from }) => {
        if (from === 'content') {
          servicenow.tabStarted();
        }
        return { status: await service.get(from === 'ui' && refresh === true) };
      },
      'presence.set': async ({ request }) => ({ status: await service.change(request) }),
      'presence.trigger': async (trigger) => ({
        handled:
          trigger.kind === 'command'
            ? await actions.command(trigger.name)
            : await actions.buttonClicked(trigger.notificationId, trigger.buttonIndex),
      }),
      'presence.event': async (event) => {
        await service.event(event);
        return null;
      },
    },
    onAlarm: (alarm) => servicenow.onAlarm(alarm),
    buttonClicked: (id, index) => actions.buttonClicked(id, index),
    command: (name) => actions.command(name),
  };
}
