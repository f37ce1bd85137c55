/**
 * Settings in chrome.storage.local, validated on every read and before every write: invalid stored
 * data is reported and replaced by defaults in memory (the stored copy is kept for diagnosis), and
 * nothing invalid is ever saved.
 */
import browser from 'webextension-polyfill';
import type { SaveResult } from '../shared/protocol/messages/auth';
import { loadSettings, validateSettings, type LoadResult } from '../shared/settings/schema';

export const SETTINGS_KEY = 'settings';

export async function readSettings(): Promise<LoadResult> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  return loadSettings(stored);
}

export async function saveSettings(input: unknown): Promise<SaveResult> {
  const result = validateSettings(input);
  if (!result.ok) {
    return { ok: false, issues: result.issues };
  }
  await browser.storage.local.set({ [SETTINGS_KEY]: result.settings });
  return { ok: true, issues: [] };
}
