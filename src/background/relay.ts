/**
 * Relays snapshots from the offscreen document to every ServiceNow tab (content scripts) and to
 * open extension pages (popup, options). A tab without our content script is skipped silently.
 */
import browser from 'webextension-polyfill';
import { envelope } from '../shared/protocol/envelope';
import type { SessionSnapshot } from '../shared/session/snapshot';
import { matchPatternFor } from '../shared/settings/instances';

export async function serviceNowTabs(instances: readonly string[]): Promise<number[]> {
  if (instances.length === 0) {
    return [];
  }
  const tabs = await browser.tabs.query({ url: instances.map(matchPatternFor) });
  return tabs.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
}

export async function relaySnapshot(
  snapshot: SessionSnapshot,
  instances: readonly string[],
): Promise<{ tabs: number; delivered: number }> {
  const tabIds = await serviceNowTabs(instances);
  const message = envelope('content', 'session.changed', snapshot);
  const results = await Promise.allSettled([
    ...tabIds.map((tabId) => browser.tabs.sendMessage(tabId, message)),
  ]);
  // Extension pages may or may not be open: a missing receiver is not an error.
  browser.runtime.sendMessage(envelope('ui', 'session.changed', snapshot)).catch(() => undefined);
  return {
    tabs: tabIds.length,
    delivered: results.filter((result) => result.status === 'fulfilled').length,
  };
}
