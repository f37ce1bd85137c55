/**
 * Wires the records service into the worker: the durable store, ServiceNow tabs as executors,
 * the offscreen document for the Genesys side, a timer (while the worker lives) plus an alarm
 * (after it was killed) to wake the queue, and the snapshot observer. Starting the worker pumps
 * once, so writes left by a killed worker or a closed browser resume; a write whose tab is gone
 * (closed, or the browser restarted) is not left to its lease.
 */
import browser, { type Alarms } from 'webextension-polyfill';
import { envelope } from '../../shared/protocol/envelope';
import { isUrlOnInstances } from '../../shared/settings/instances';
import type { WorkerDeps } from '../handlers/deps';
import { browserExecutorPorts } from './executor';
import { recordsHandlers } from './handlers';
import { createRecords } from './service';
import { createJobStore } from './store';

export const RECORDS_ALARM = 'records.pump';
/** Chrome runs alarms at most every 30 s; the timer covers shorter waits while alive. */
const ALARM_MIN_MS = 30_000;

/** `ready`: settings are loaded (an alarm may start the worker before; instances would be empty). */
export function createWorkerRecords(deps: WorkerDeps, ready: Promise<unknown>) {
  const log = deps.log.child('records');
  const instances = () => deps.settings().servicenow.instances;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const records = createRecords({
    store: createJobStore((count) => log.warn('malformed record jobs dropped', { count })),
    instances,
    executor: browserExecutorPorts,
    // A tab with that id showing another site is not the one that took the write.
    tabExists: (tabId) =>
      browser.tabs.get(tabId).then(
        (tab) => tab.url === undefined || isUrlOnInstances(tab.url, instances()),
        () => false,
      ),
    genesys: {
      agent: (conversationId) => deps.toOffscreen('records.agent', { conversationId }),
      attributes: (conversationId, attributes) =>
        deps.toOffscreen('records.attributes', { conversationId, attributes }),
      wrapupCodes: (conversationId) => deps.toOffscreen('records.wrapupCodes', { conversationId }),
      wrapup: (conversationId, code, notes) =>
        deps.toOffscreen('records.wrapup', {
          conversationId,
          code,
          ...(notes !== undefined && { notes }),
        }),
    },
    changed() {
      void browserExecutorPorts
        .tabs(instances())
        .then((tabs) =>
          Promise.allSettled(
            tabs.map((tab) =>
              browserExecutorPorts.send(tab.id, envelope('content', 'records.changed', null)),
            ),
          ),
        )
        .catch(() => undefined);
    },
    schedule(at) {
      const delay = Math.max(0, at - Date.now());
      clearTimeout(timer);
      timer = setTimeout(() => void records.pump(), delay);
      void browser.alarms.create(RECORDS_ALARM, {
        when: Date.now() + Math.max(delay, ALARM_MIN_MS),
      });
    },
    now: () => Date.now(),
    log,
  });

  deps.snapshotObservers.push((snapshot) => records.observe(snapshot));

  return {
    records,
    handlers: recordsHandlers(records),
    onAlarm(alarm: Alarms.Alarm): void {
      if (alarm.name === RECORDS_ALARM) {
        void ready.then(() => records.tabAppeared()); // waiting writes try the tabs again too
      }
    },
    start(): void {
      void ready.then(() => records.start());
    },
    /** runtime.onStartup: the browser started, so the last session's write leases are void. */
    onBrowserStart(): void {
      void ready.then(() => records.browserStarted());
    },
  };
}
