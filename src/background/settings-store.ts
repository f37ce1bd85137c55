/**
 * Settings in chrome.storage.local, validated on every read and before every write: invalid stored
 * data is reported and replaced by defaults in memory (the stored copy is kept for diagnosis), and
 * nothing invalid is ever saved. An administrator's policy (chrome.storage.managed) is merged over
 * the local settings field by field (shared/settings/managed.ts); locked fields cannot be saved.
 */
import browser from 'webextension-polyfill';
import type { SaveResult } from '../shared/protocol/messages/auth';
import {
  applyManaged,
  lockedChanges,
  withLocalLockedValues,
  type SettingsView,
} from '../shared/settings/managed';
import { loadSettings, validateSettings, type Settings } from '../shared/settings/schema';

export const SETTINGS_KEY = 'settings';

export interface SettingsState extends SettingsView {
  /** The agent's own settings, before the policy. */
  local: Settings;
  /** Set when (part of) the stored settings was unusable and defaults were used instead. */
  problem?: string;
}

async function readManaged(): Promise<unknown> {
  try {
    return await browser.storage.managed.get();
  } catch {
    return undefined; // no policy support (e.g. no managed_schema): nothing is managed
  }
}

export async function readSettings(): Promise<SettingsState> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const { settings: local, problem } = loadSettings(stored);
  const view = applyManaged(local, await readManaged());
  return { ...view, local, ...(problem === undefined ? {} : { problem }) };
}

export async function saveSettings(input: unknown): Promise<SaveResult> {
  const result = validateSettings(input);
  if (!result.ok) {
    return { ok: false, issues: result.issues };
  }
  const current = await readSettings();
  const refused = lockedChanges(current.settings, result.settings, current.locked);
  if (refused.length > 0) {
    return { ok: false, issues: refused };
  }
  // Locked fields keep the agent's own values in storage, so lifting the policy restores them.
  const own = validateSettings(
    withLocalLockedValues(result.settings, current.local, current.locked),
  );
  await browser.storage.local.set({ [SETTINGS_KEY]: own.ok ? own.settings : result.settings });
  return { ok: true, issues: [] };
}
