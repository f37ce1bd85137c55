/**
 * Composes presence for the worker: the Genesys REST client (token from the auth service, API base
 * from the signed-in profile), the status in storage.session, broadcasts to extension pages, the
 * notification and command actions, the message handlers, and a snapshot observer that re-reads
 * the status when calls come and go (a fallback for a missed streaming event; no timers).
 * Every change also goes to the ServiceNow tabs (the screen pop's chip) and, under
 * genesys-to-servicenow, becomes a ServiceNow presence write carried out by a tab
 * (servicenow-push.ts, records/executor.ts). Under servicenow-to-genesys a tab reads the
 * ServiceNow presence when it starts and on an alarm at most once a minute (servicenow-pull.ts).
 *
 * Live updates come from the offscreen document's streaming connection (`presence.event`): the
 * worker sleeps between events, so an idle agent costs no wake-ups and no polling requests.
 */
import browser, { type Alarms } from 'webextension-polyfill';
import { z } from 'zod';
import type { Translate } from '../../shared/i18n';
import { profileEnvironment } from '../../shared/auth/profile';
import { findProfile } from '../../shared/auth/profile-list';
import { isPresenceReadOutcome, isPresenceWriteOutcome } from '../../shared/presence/servicenow';
import { agentStatusSchema, type AgentStatus } from '../../shared/presence/status';
import { SERVICENOW_PRESENCES } from '../../shared/presence/sync';
import { envelope } from '../../shared/protocol/envelope';
import type { Handlers } from '../../shared/protocol/messenger';
import type { presenceToWorker } from '../../shared/protocol/messages/presence';
import type { SessionSnapshot } from '../../shared/session/snapshot';
import type { AuthService } from '../auth/auth-service';
import type { WorkerDeps } from '../handlers/deps';
import { browserExecutorPorts, executeInTab } from '../records/executor';
import { chromeNotifications } from '../ui/chrome-ports';
import { createPresenceActions, type PresenceActions } from './actions';
import { createPresenceApi, type ApiAccess } from './genesys-rest';
import { createPresenceService, type StatusStore } from './service';
import { createServiceNowPull, type PullMemory } from './servicenow-pull';
import { createServiceNowPush, type PushStore } from './servicenow-push';

const STATUS_KEY = 'presence.status';
const PUSH_KEY = 'presence.servicenow';
const PULL_KEY = 'presence.servicenowSeen';
export const PULL_ALARM = 'presence.servicenow-read';

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

const pushSchema = z.object({ state: z.enum(SERVICENOW_PRESENCES), done: z.boolean() });
const pushStore: PushStore = {
  async load() {
    const parsed = pushSchema.safeParse((await browser.storage.session.get(PUSH_KEY))[PUSH_KEY]);
    return parsed.success ? parsed.data : null;
  },
  async save(state) {
    await browser.storage.session.set({ [PUSH_KEY]: state });
  },
};

const pullSchema = z.object({
  state: z.enum(SERVICENOW_PRESENCES).nullable(),
  readAt: z.number(),
});
const pullMemory = {
  async load(): Promise<PullMemory | null> {
    const parsed = pullSchema.safeParse((await browser.storage.session.get(PULL_KEY))[PULL_KEY]);
    return parsed.success ? parsed.data : null;
  },
  async save(memory: PullMemory): Promise<void> {
    await browser.storage.session.set({ [PULL_KEY]: memory });
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
  const instances = () => deps.settings().servicenow.instances;
  const toTabs = async (message: unknown): Promise<void> => {
    const tabs = await browserExecutorPorts.tabs(instances()).catch(() => []);
    await Promise.allSettled(tabs.map((tab) => browserExecutorPorts.send(tab.id, message)));
  };
  const push = createServiceNowPush({
    direction: () => deps.settings().presence.servicenowSync,
    store: pushStore,
    execute: (state) =>
      executeInTab(
        browserExecutorPorts,
        instances(),
        undefined,
        envelope('content', 'presence.write', { state }),
        isPresenceWriteOutcome,
        (message) => ({ ok: false, code: 'servicenow.timeout', message }),
      ),
    log,
  });
  const pull = createServiceNowPull({
    direction: () => deps.settings().presence.servicenowSync,
    memory: pullMemory,
    read: () =>
      executeInTab(
        browserExecutorPorts,
        instances(),
        undefined,
        envelope('content', 'presence.read', null),
        isPresenceReadOutcome,
        (message) => ({ ok: false, code: 'servicenow.timeout', message }),
      ),
    current: () => service.get(false),
    setGenesys: async (presence) => {
      await service.change({ kind: 'set', presence });
    },
    now: Date.now,
    log,
  });
  // At most once a minute; created once, so a worker restarted often still gets its alarm.
  void browser.alarms.get(PULL_ALARM).then((existing) => {
    if (existing === undefined) {
      void browser.alarms.create(PULL_ALARM, { periodInMinutes: 1 });
    }
  });
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
      void toTabs(envelope('content', 'presence.changed', { status }));
      void push.statusChanged(status).catch((error: unknown) => {
        log.warn('ServiceNow presence write failed', { error: String(error) });
      });
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
          void push.tabAppeared().catch(() => undefined); // a waiting ServiceNow write
          void pull.pull(true).catch((error: unknown) => {
            log.warn('ServiceNow presence read failed', { error: String(error) });
          });
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
    onAlarm(alarm) {
      if (alarm.name === PULL_ALARM) {
        void pull.pull(false).catch((error: unknown) => {
          log.warn('ServiceNow presence read failed', { error: String(error) });
        });
      }
    },
    buttonClicked: (id, index) => actions.buttonClicked(id, index),
    command: (name) => actions.command(name),
  };
}
