/**
 * Who sent a runtime message, decided from what Chrome attests (sender.id, sender.url, sender.tab)
 * and never from what the message claims about itself.
 */
import type { Context } from './envelope';

export interface SenderLike {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined } | undefined;
}

export interface SenderPolicy {
  extensionId: string;
  /** chrome-extension://<id> */
  extensionOrigin: string;
  /** Path of the offscreen document, e.g. /src/offscreen/offscreen.html */
  offscreenPath: string;
  /**
   * Path of the service worker script when known. Offscreen documents cannot read the manifest, so
   * without it any script URL of this extension outside a tab is the worker (pages are HTML).
   */
  workerPath?: string;
  /** Path prefixes of extension pages (options, popup, welcome). */
  uiPathPrefixes: readonly string[];
  /** Whether a content script on this page URL is one we run (a configured ServiceNow host). */
  isContentUrlAllowed(url: string): boolean;
}

function parse(url: string | undefined): URL | null {
  if (!url) {
    return null;
  }
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function classifySender(sender: SenderLike, policy: SenderPolicy): Context | null {
  if (sender.id !== policy.extensionId) {
    return null;
  }
  const url = parse(sender.url);
  if (!url) {
    return null;
  }
  // URL.origin is "null" for chrome-extension: URLs outside Chrome, so compare scheme + host.
  if (`${url.protocol}//${url.host}` === policy.extensionOrigin) {
    if (url.pathname === policy.offscreenPath && !sender.tab) {
      return 'offscreen';
    }
    if (policy.uiPathPrefixes.some((prefix) => url.pathname.startsWith(prefix))) {
      return 'ui';
    }
    const isWorker = policy.workerPath
      ? url.pathname === policy.workerPath
      : url.pathname.endsWith('.js');
    return isWorker && !sender.tab ? 'worker' : null;
  }
  // Anything else with our id is a content script: it must live in a tab on an allowed host.
  if (sender.tab?.id !== undefined && policy.isContentUrlAllowed(url.href)) {
    return 'content';
  }
  return null;
}

/** The parts of chrome.runtime a policy is built from (injected: shared code touches no chrome.*). */
export interface RuntimeLike {
  id: string;
  getURL(path: string): string;
}

export const OFFSCREEN_PATH = 'src/offscreen/offscreen.html';
export const UI_PATH_PREFIXES = [
  '/src/options/',
  '/src/popup/',
  '/src/welcome/',
  '/src/diagnostics/',
] as const;

export function policyFromRuntime(
  runtime: RuntimeLike,
  isContentUrlAllowed: (url: string) => boolean,
): SenderPolicy {
  const base = new URL(runtime.getURL('/'));
  return {
    extensionId: runtime.id,
    extensionOrigin: `${base.protocol}//${base.host}`,
    offscreenPath: `/${OFFSCREEN_PATH}`,
    uiPathPrefixes: UI_PATH_PREFIXES,
    isContentUrlAllowed,
  };
}
