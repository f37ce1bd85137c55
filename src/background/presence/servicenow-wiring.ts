/**
 * Presence towards ServiceNow tabs, for the worker: every status change goes to the tabs (the
 * screen pop's chip) and, under genesys-to-servicenow, becomes a write a tab carries out
 * (servicenow-push.ts); under servicenow-to-genesys a tab reads the ServiceNow presence when it
 * starts and on an alarm at most once a minute (servicenow-pull.ts). Tabs are reached the way the
 * records writes reach them (records/executor.ts). What is remembered lives in storage.session.
 */
import browser, { type Alarms } from 'webextension-polyfill';
import { z } from 'zod';
import type { Logger } from '../../shared/logger';
import type { AgentStatus } from '../../shared/presence/labels';
import { isPresenceReadOutcome, isPresenceWriteOutcome } from '../../shared/presence/servicenow';
import { SERVICENOW_PRESENCES } from '../../shared/presence/sync';
import { envelope } from '../../shared/protocol/envelope';
import type { WorkerDeps } from '../handlers/deps';
import { browserExecutorPorts, executeInTab } from '../records/executor';
import type { PresenceService } from './service';
import { createServiceNowPull, type PullMemory } from './servicenow-pull';
import { createServiceNowPush, type PushStore } from './servicenow-push';

const PUSH_KEY = 'presence.servicenow';
const PULL_KEY = 'presence.servicenowSeen';
export const PULL_ALARM = 'presence.servicenow-read';

function sessionValue<T>(key: string, schema: z.ZodType<T>) {
  return {
    async load(): Promise<T | null> {
      const parsed = schema.safeParse((await browser.storage.session.get(key))[key]);
      return parsed.success ? parsed.data : null;
    },
    async save(value: T): Promise<void> {
      await browser.storage.session.set({ [key]: value });
    },
  };
}

const pushStore: PushStore = sessionValue(
  PUSH_KEY,
  z.object({ state: z.enum(SERVICENOW_PRESENCES), done: z.boolean() }),
);
const pullMemory = sessionValue<PullMemory>(
  PULL_KEY,
  z.object({ state: z.enum(SERVICENOW_PRESENCES).nullable(), readAt: z.number() }),
);

interface Failure {
  ok: false;
  code: string;
  message: string;
}
/** A tab that took the job but did not answer in time (the same answer for a read or a write). */
const timedOut = (message: string): Failure => ({ ok: false, code: 'servicenow.timeout', message });

export function createServiceNowMapping(
  deps: Pick<WorkerDeps, 'settings'>,
  service: () => Pick<PresenceService, 'get' | 'change'>,
  log: Logger,
) {
  const instances = () => deps.settings().servicenow.instances;
  const direction = () => deps.settings().presence.servicenowSync;
  const inTab = <T>(message: unknown, accept: (value: unknown) => value is T) =>
    executeInTab<T | Failure>(
      browserExecutorPorts,
      instances(),
      undefined,
      message,
      accept,
      timedOut,
    );
  const failed = (what: string) => (error: unknown) =>
    log.warn(`ServiceNow presence ${what} failed`, { error: String(error) });

  const push = createServiceNowPush({
    direction,
    store: pushStore,
    execute: (state) =>
      inTab(envelope('content', 'presence.write', { state }), isPresenceWriteOutcome),
    log,
  });
  const pull = createServiceNowPull({
    direction,
    memory: pullMemory,
    read: () => inTab(envelope('content', 'presence.read', null), isPresenceReadOutcome),
    current: () => service().get(false),
    setGenesys: async (presence) => {
      await service().change({ kind: 'set', presence });
    },
    now: Date.now,
    log,
  });
  // Created once, so a worker restarted more often than every minute still gets its alarm.
  void browser.alarms.get(PULL_ALARM).then((existing) => {
    if (existing === undefined) {
      void browser.alarms.create(PULL_ALARM, { periodInMinutes: 1 });
    }
  });

  return {
    /** Every change of the Genesys status. */
    statusChanged(status: AgentStatus | null): void {
      const message = envelope('content', 'presence.changed', { status });
      void browserExecutorPorts
        .tabs(instances())
        .then((tabs) =>
          Promise.allSettled(tabs.map((tab) => browserExecutorPorts.send(tab.id, message))),
        )
        .catch(() => undefined);
      void push.statusChanged(status).catch(failed('write'));
    },
    /** A ServiceNow tab started (its `presence.get`): a waiting write, a fresh read. */
    tabStarted(): void {
      void push.tabAppeared().catch(failed('write'));
      void pull.pull(true).catch(failed('read'));
    },
    onAlarm(alarm: Alarms.Alarm): void {
      if (alarm.name === PULL_ALARM) {
        void pull.pull(false).catch(failed('read'));
      }
    },
  };
}
