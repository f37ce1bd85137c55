import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/settings/schema';
import { SETTINGS_KEY, readSettings, saveSettings } from './settings-store';

describe('settings store under a managed policy', () => {
  it('reads the local settings with the policy merged and locked', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, calls: { autoAnswer: false, notifications: false } },
    });
    await fakeBrowser.storage.managed.set({
      calls: { autoAnswer: true },
      servicenow: { popTarget: 'nope' },
    });
    const state = await readSettings();
    expect(state.settings.calls).toEqual({ autoAnswer: true, notifications: false });
    expect(state.local.calls.autoAnswer).toBe(false);
    expect(state.locked).toEqual(['calls.autoAnswer']);
    expect(state.problems).toEqual([{ path: 'servicenow.popTarget', message: expect.any(String) }]);
  });

  it('refuses to save a change to a locked field, and saves nothing', async () => {
    await fakeBrowser.storage.managed.set({ calls: { autoAnswer: true } });
    const { settings } = await readSettings();
    const result = await saveSettings({
      ...settings,
      calls: { ...settings.calls, autoAnswer: false },
    });
    expect(result).toEqual({
      ok: false,
      issues: [{ path: 'calls.autoAnswer', message: expect.stringMatching(/administrator/) }],
    });
    expect(await fakeBrowser.storage.local.get(SETTINGS_KEY)).toEqual({});
  });

  it("saves other changes, keeping the agent's own value under the lock", async () => {
    await fakeBrowser.storage.managed.set({ calls: { autoAnswer: true } });
    const { settings } = await readSettings();
    const result = await saveSettings({
      ...settings,
      servicenow: { ...settings.servicenow, popTarget: 'all' },
    });
    expect(result).toEqual({ ok: true, issues: [] });
    const stored = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    expect(stored).toMatchObject({
      calls: { autoAnswer: false },
      servicenow: { popTarget: 'all' },
    });
    expect((await readSettings()).settings.calls.autoAnswer).toBe(true);
  });

  it('still refuses invalid settings with the field named', async () => {
    const result = await saveSettings({
      ...DEFAULT_SETTINGS,
      servicenow: { popTarget: 'everyone' },
    });
    expect(result.ok).toBe(false);
    expect(result.issues[0]?.path).toBe('servicenow.popTarget');
  });
});
