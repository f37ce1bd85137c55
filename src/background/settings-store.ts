/**
 * Settings in chrome.storage.local, validated on every read. Invalid stored data is reported and
 * replaced by defaults in memory (the stored copy is kept untouched for diagnosis).
 */
import browser from 'webextension-polyfill';
import { loadSettings, type LoadResult } from '../shared/settings/schema';

export const SETTINGS_KEY = 'settings';

export async function readSettings(): Promise<LoadResult> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  return loadSettings(stored);
}
