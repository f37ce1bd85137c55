/**
 * An administrator's policy for the browser tests: Chromium reads extension policies ("3rdparty",
 * keyed by extension id) from /etc/chromium/policies/managed/*.json when it starts, and they show
 * up in chrome.storage.managed. Chromium also watches the folder, so the file must stay while the
 * browser under test runs (removing it withdraws the policy). It affects every Chromium on the
 * machine: write it just before the launch, remove it when the test ends (a stale one from a
 * crashed run is overwritten). Writing it needs root; without it the policy tests are skipped.
 */
import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from './chromium';

/** Fixed by the manifest's "key". */
export const EXTENSION_ID = 'cncadkbmndkedbemhaabapcgekefhdbc';
/** Chromium's folder; Google Chrome (CHROME_PATH) reads /etc/opt/chrome instead. */
export const POLICY_DIR = /google|\/opt\/chrome/.test(findChromium())
  ? '/etc/opt/chrome/policies/managed'
  : '/etc/chromium/policies/managed';
export const POLICY_FILE = join(POLICY_DIR, 'switchboard-test.json');

/** Null when a policy can be written, else why not. */
export function policyUnavailable(): string | null {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
    return null;
  } catch (error) {
    return `cannot write ${POLICY_DIR} (${(error as Error).message}); run the browser tests as root`;
  }
}

export function writePolicy(settings: Record<string, unknown>): void {
  const policy = { '3rdparty': { extensions: { [EXTENSION_ID]: settings } } };
  writeFileSync(POLICY_FILE, `${JSON.stringify(policy, null, 2)}\n`);
}

export function removePolicy(): void {
  rmSync(POLICY_FILE, { force: true });
}
