/**
 * Relays snapshots from the offscreen document to every ServiceNow tab (content scripts) and to
 * open extension pages (popup, options). Every ServiceNow tab gets every snapshot (for the chip
 * and the call card); the message tells each tab whether it is the pop target: all tabs, or the
 * one tab-focus.ts picks. Relays run one at a time in seq order, and a snapshot not newer than the
 * last one relayed (remembered in memory) is dropped. A snapshot is a whole state, so tabs need
 * only the newest: a queued relay whose snapshot a newer one has superseded returns at once when
 * its turn comes (that newer one is queued behind it, so the newest always goes out). Across a
 * worker restart staleness is the session store's check (session-store.ts), made before a
 * snapshot reaches the relay.
 * A tab without our content script is skipped silently, and a tab that does not answer within
 * SEND_TIMEOUT_MS cannot hold up the relays behind it.
 */
import browser from 'webextension-polyfill';
import type { ContentSnapshot } from '../shared/protocol/messages/content';
import { envelope, type Envelope } from '../shared/protocol/envelope';
import type { SessionSnapshot } from '../shared/session/snapshot';
import { matchPatternFor } from '../shared/settings/instances';
import type { Settings } from '../shared/settings/schema';
import { pickPopTarget, type TabInfo } from './tab-focus';

export const SEND_TIMEOUT_MS = 3000;

function bounded<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface RelaySettings {
  instances: readonly string[];
  popTarget: Settings['servicenow']['popTarget'];
}

export interface RelayPorts {
  queryTabs(patterns: string[]): Promise<TabInfo[]>;
  sendToTab(tabId: number, message: Envelope): Promise<unknown>;
  sendToPages(message: Envelope): Promise<unknown>;
  pickTarget(tabs: readonly TabInfo[]): Promise<number | null>;
}

export const browserRelayPorts: RelayPorts = {
  async queryTabs(patterns) {
    const tabs = await browser.tabs.query({ url: patterns });
    return tabs.flatMap((tab) =>
      tab.id === undefined
        ? []
        : [
            {
              id: tab.id,
              windowId: tab.windowId ?? -1,
              active: tab.active,
              ...(tab.lastAccessed !== undefined && { lastAccessed: tab.lastAccessed }),
            },
          ],
    );
  },
  sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }),
  sendToPages: (message) => browser.runtime.sendMessage(message),
  pickTarget: pickPopTarget,
};

export async function serviceNowTabs(
  instances: readonly string[],
  ports: RelayPorts = browserRelayPorts,
): Promise<TabInfo[]> {
  return instances.length === 0 ? [] : ports.queryTabs(instances.map(matchPatternFor));
}

/** Whether this tab carries out screen pops right now. */
export async function isPopTarget(
  tabId: number | undefined,
  settings: RelaySettings,
  ports: RelayPorts = browserRelayPorts,
): Promise<boolean> {
  if (tabId === undefined) {
    return false;
  }
  if (settings.popTarget === 'all') {
    return true;
  }
  return (await ports.pickTarget(await serviceNowTabs(settings.instances, ports))) === tabId;
}

export interface RelayOutcome {
  tabs: number;
  delivered: number;
  popTab: number | null;
  skipped: boolean;
}

const SKIPPED: RelayOutcome = { tabs: 0, delivered: 0, popTab: null, skipped: true };
/** The highest seq relayed, and the highest asked for, in this worker's life. */
let lastRelayed = -Infinity;
let newestAsked = -Infinity;

async function relayNow(
  snapshot: SessionSnapshot,
  settings: RelaySettings,
  ports: RelayPorts,
): Promise<RelayOutcome> {
  if (snapshot.seq <= lastRelayed || snapshot.seq < newestAsked) {
    return SKIPPED;
  }
  lastRelayed = snapshot.seq;
  const tabs = await serviceNowTabs(settings.instances, ports);
  const popTab = settings.popTarget === 'all' ? null : await ports.pickTarget(tabs);
  const results = await Promise.allSettled(
    tabs.map((tab) => {
      const data: ContentSnapshot = {
        snapshot,
        popTarget: settings.popTarget === 'all' || tab.id === popTab,
      };
      return bounded(
        ports.sendToTab(tab.id, envelope('content', 'content.snapshot', data)),
        SEND_TIMEOUT_MS,
      );
    }),
  );
  // Extension pages may or may not be open: a missing receiver is not an error.
  ports.sendToPages(envelope('ui', 'session.changed', snapshot)).catch(() => undefined);
  return {
    tabs: tabs.length,
    delivered: results.filter((result) => result.status === 'fulfilled').length,
    popTab,
    skipped: false,
  };
}

let queue: Promise<unknown> = Promise.resolve();

export function relaySnapshot(
  snapshot: SessionSnapshot,
  settings: RelaySettings,
  ports: RelayPorts = browserRelayPorts,
): Promise<RelayOutcome> {
  newestAsked = Math.max(newestAsked, snapshot.seq);
  const next = queue.then(() => relayNow(snapshot, settings, ports));
  queue = next.catch(() => undefined);
  return next;
}
