/**
 * The content script on customer ServiceNow hosts. The manifest runs it on
 * https://*.service-now.com/*; an instance outside that pattern (a custom domain) gets it through
 * chrome.scripting.registerContentScripts, but only once its host permission has been granted.
 * `syncContentScripts` makes the registration match the settings and the granted permissions; it
 * runs when the worker starts, when settings change and when permissions change, one run at a
 * time. Chrome APIs sit behind a small port so the logic is tested with a fake.
 */
import { matchPatternFor } from '../shared/settings/instances';

export const CUSTOM_SCRIPT_ID = 'servicenow-custom-hosts';
export const STATIC_PATTERN = 'https://*.service-now.com/*';

export interface ScriptingPort {
  /** Whether the host permission for this match pattern is granted. */
  granted(pattern: string): Promise<boolean>;
  /** Match patterns of our registered script, or null when none is registered. */
  registered(): Promise<string[] | null>;
  register(matches: string[]): Promise<void>;
  update(matches: string[]): Promise<void>;
  unregister(): Promise<void>;
}

function coveredByManifest(pattern: string): boolean {
  const host = /^https:\/\/([^/]+)\/\*$/.exec(pattern)?.[1];
  return host !== undefined && (host === '*.service-now.com' || host.endsWith('.service-now.com'));
}

/** Match patterns the manifest does not cover, without duplicates, in settings order. */
export function customPatterns(instances: readonly string[]): string[] {
  const patterns = instances.flatMap((origin) => {
    try {
      return [matchPatternFor(origin)];
    } catch {
      return [];
    }
  });
  return [...new Set(patterns)].filter(
    (pattern) => pattern.startsWith('https://') && !coveredByManifest(pattern),
  );
}

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

async function syncNow(instances: readonly string[], port: ScriptingPort): Promise<string[]> {
  const wanted: string[] = [];
  for (const pattern of customPatterns(instances)) {
    if (await port.granted(pattern)) {
      wanted.push(pattern);
    }
  }
  const current = await port.registered();
  if (wanted.length === 0) {
    if (current !== null) {
      await port.unregister();
    }
  } else if (current === null) {
    await port.register(wanted);
  } else if (!same(current, wanted)) {
    await port.update(wanted);
  }
  return wanted;
}

let queue: Promise<unknown> = Promise.resolve();

/** Registers, updates or removes the custom-host content script; resolves with its patterns. */
export function syncContentScripts(
  instances: readonly string[],
  port: ScriptingPort,
): Promise<string[]> {
  const next = queue.then(() => syncNow(instances, port));
  queue = next.catch(() => undefined);
  return next;
}

/** The port over chrome.scripting and chrome.permissions, with the manifest's content script. */
export function chromeScriptingPort(): ScriptingPort {
  const files = chrome.runtime.getManifest().content_scripts?.[0]?.js ?? [];
  const script = (matches: string[]): chrome.scripting.RegisteredContentScript => ({
    id: CUSTOM_SCRIPT_ID,
    matches,
    js: files,
    runAt: 'document_idle',
    persistAcrossSessions: true,
  });
  return {
    granted: (pattern) => chrome.permissions.contains({ origins: [pattern] }),
    async registered() {
      const [found] = await chrome.scripting.getRegisteredContentScripts({
        ids: [CUSTOM_SCRIPT_ID],
      });
      return found ? (found.matches ?? []) : null;
    },
    register: (matches) => chrome.scripting.registerContentScripts([script(matches)]),
    update: (matches) => chrome.scripting.updateContentScripts([script(matches)]),
    unregister: () => chrome.scripting.unregisterContentScripts({ ids: [CUSTOM_SCRIPT_ID] }),
  };
}
