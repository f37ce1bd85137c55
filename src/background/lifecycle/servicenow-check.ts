/**
 * The welcome page's third step: is a ServiceNow tab open, and is Switchboard running in it?
 * Tabs are found by the configured instances' match patterns (the host permissions make their
 * URLs visible without the `tabs` permission); presence is the content script's host element in
 * the page, checked with chrome.scripting (the page's DOM, never its data).
 */
import type { ServiceNowCheck } from '../../shared/protocol/messages/lifecycle';
import { matchPatternFor } from '../../shared/settings/instances';

/** The content script's shadow host (src/content/screen-pop/mount.ts). */
export const CONTENT_HOST_TAG = 'switchboard-root';

export interface ServiceNowPorts {
  queryTabs(patterns: string[]): Promise<{ id?: number | undefined }[]>;
  /** Whether the element exists in the tab's top frame; false when the tab cannot be read. */
  hasElement(tabId: number, tag: string): Promise<boolean>;
}

/** An address the agent can open: the first instance that names one host (no wildcard). */
export function openableInstance(instances: readonly string[]): string | null {
  for (const origin of instances) {
    if (origin.includes('*')) {
      continue; // a pattern such as https://*.service-now.com names no one instance
    }
    try {
      const url = new URL(origin);
      if (url.protocol === 'https:') {
        return `${url.origin}/`;
      }
    } catch {
      // not an address: skip it
    }
  }
  return null;
}

export async function checkServiceNow(
  instances: readonly string[],
  ports: ServiceNowPorts,
): Promise<ServiceNowCheck> {
  const patterns = instances.flatMap((origin) => {
    try {
      return [matchPatternFor(origin)];
    } catch {
      return [];
    }
  });
  const tabs = patterns.length === 0 ? [] : await ports.queryTabs(patterns);
  const ids = tabs.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
  const present = await Promise.all(
    ids.map((id) => ports.hasElement(id, CONTENT_HOST_TAG).catch(() => false)),
  );
  return {
    openUrl: openableInstance(instances),
    tabs: ids.length,
    withSwitchboard: present.filter(Boolean).length,
  };
}
