/**
 * An administrator's policy (Chromium's 3rdparty extension policy, read from
 * /etc/chromium/policies/managed at start-up): a locked field shows as locked in the options page
 * and cannot be saved through the worker; a malformed value is ignored, reported, and leaves the
 * field to the agent.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/a11y';
import { launchExtension, sendFromPage, type ExtensionHandle } from '../support/extension';
import { EXTENSION_ID, policyUnavailable, removePolicy, writePolicy } from '../support/policy';

const unavailable = policyUnavailable();
let ext: ExtensionHandle;
let page: Page;

interface View {
  settings: {
    servicenow: { popTarget: string; defaultRegion: string };
    calls: { notifications: boolean };
  };
  locked: string[];
  problems: { path: string; message: string }[];
}

async function toWorker<T>(type: string, data: unknown = null) {
  return sendFromPage<{ ok: boolean; value: T }>(page, { v: 1, to: 'worker', type, data });
}

describe.skipIf(unavailable !== null)(
  `managed policy${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    beforeAll(async () => {
      writePolicy({
        servicenow: { defaultRegion: 'GB', popTarget: 'everyone' }, // popTarget: not a valid choice
        calls: { notifications: false },
      });
      // Chromium watches the policy folder: the file stays while this browser runs (removing it
      // early withdraws the policy), and goes in afterAll.
      ext = await launchExtension();
      page = await ext.openPage('src/options/options.html');
      await page.getByRole('heading', { name: 'ServiceNow' }).waitFor();
    });

    afterAll(async () => {
      removePolicy();
      await (ext as ExtensionHandle | undefined)?.close();
    });

    it('reaches the extension through chrome.storage.managed', async () => {
      expect(ext.extensionId).toBe(EXTENSION_ID);
      const managed = await ext.worker.evaluate(() => chrome.storage.managed.get());
      expect(managed).toMatchObject({
        servicenow: { defaultRegion: 'GB' },
        calls: { notifications: false },
      });
    });

    it('locks the fields the policy sets, with their values, and reports the malformed one', async () => {
      const reply = await toWorker<View>('settings.get');
      expect(reply.ok).toBe(true);
      expect(reply.value.locked).toEqual(['servicenow.defaultRegion', 'calls.notifications']);
      expect(reply.value.settings.servicenow).toMatchObject({
        defaultRegion: 'GB',
        popTarget: 'focused',
      });
      expect(reply.value.problems).toEqual([
        { path: 'servicenow.popTarget', message: expect.stringMatching(/ignored$/) },
      ]);
    });

    it('shows a locked field read-only with "Set by your administrator"', async () => {
      const region = page.getByLabel('Default country for phone numbers');
      expect(await region.inputValue()).toBe('GB');
      expect(await region.getAttribute('readonly')).not.toBeNull();
      expect(
        await page.locator('[data-path="servicenow.defaultRegion"] .locked-note').textContent(),
      ).toContain('Set by your administrator');
      expect(await page.getByLabel('Desktop notifications').isDisabled()).toBe(true);
      expect(await page.getByLabel('Desktop notifications').isChecked()).toBe(false);
    });

    it('leaves the malformed field to the agent and says the value was ignored', async () => {
      const target = page.getByLabel('Show the screen pop in');
      expect(await target.isDisabled()).toBe(false);
      expect(await target.inputValue()).toBe('focused');
      expect(await page.locator('#policy-problems').textContent()).toContain(
        'servicenow.popTarget',
      );
    });

    it('refuses to save a change to a locked field', async () => {
      const { value: view } = await toWorker<View>('settings.get');
      const changed = {
        ...view.settings,
        servicenow: { ...view.settings.servicenow, defaultRegion: 'US' },
      };
      const reply = await toWorker<{ ok: boolean; issues: { path: string }[] }>('settings.save', {
        settings: changed,
      });
      expect(reply.value).toMatchObject({
        ok: false,
        issues: [{ path: 'servicenow.defaultRegion' }],
      });
      expect((await toWorker<View>('settings.get')).value.settings.servicenow.defaultRegion).toBe(
        'GB',
      );
    });

    it('saves the other fields from the page; the lock still holds after a reload', async () => {
      await page.getByLabel('Show the screen pop in').selectOption('all');
      await page.locator('#save').click();
      await expect
        .poll(() => page.locator('.savebar-status').textContent())
        .toContain('Settings saved.');
      await page.reload();
      await page.getByRole('heading', { name: 'ServiceNow' }).waitFor();
      expect(await page.getByLabel('Show the screen pop in').inputValue()).toBe('all');
      expect(await page.getByLabel('Default country for phone numbers').inputValue()).toBe('GB');
      // The agent's own value stays underneath the policy.
      const stored = await ext.worker.evaluate(() => chrome.storage.local.get('settings'));
      expect(stored).toMatchObject({
        settings: { servicenow: { defaultRegion: 'US', popTarget: 'all' } },
      });
    });

    it('has no serious or critical accessibility violations with locked fields', async () => {
      expect(await seriousViolations(page)).toEqual([]);
    });
  },
);
