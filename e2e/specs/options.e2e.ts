/**
 * The options page in the built extension: an organisation profile and a ServiceNow instance set
 * through the form are saved, survive a reload and take effect in the worker; live validation
 * keeps Save disabled; no serious accessibility violations; a screenshot for the docs.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, seriousViolations } from '../support/a11y';
import { launchExtension, sendFromPage, type ExtensionHandle } from '../support/extension';

const CLIENT_ID = '0b3c5f1e-2a4d-4c6e-8f10-123456789abc';
let ext: ExtensionHandle;
let page: Page;

async function toWorker<T>(type: string, data: unknown = null): Promise<T> {
  const reply = await sendFromPage<{ ok: boolean; value: T }>(page, {
    v: 1,
    to: 'worker',
    type,
    data,
  });
  expect(reply.ok).toBe(true);
  return reply.value;
}

beforeAll(async () => {
  ext = await launchExtension();
  page = await ext.openPage('src/options/options.html');
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.getByRole('heading', { name: 'Organisations' }).waitFor();
});

afterAll(async () => {
  await (ext as ExtensionHandle | undefined)?.close();
});

describe('options page', () => {
  it('adds an organisation and an instance, saves, and keeps them after a reload', async () => {
    await page.getByRole('button', { name: 'Add an organisation' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Acme Support');
    await page.getByLabel('Region', { exact: true }).selectOption('eu_west_1');
    await page.getByLabel('OAuth client ID', { exact: true }).fill(CLIENT_ID);
    await page.getByRole('button', { name: 'Add organisation' }).click();
    await expect.poll(() => page.locator('.profile-list').textContent()).toContain('Acme Support');

    await page
      .getByLabel('Add an instance')
      .fill('https://acme.service-now.com/now/workspace/agent');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect
      .poll(() => page.locator('.instance-list').textContent())
      .toContain('https://acme.service-now.com');

    const save = page.locator('#save');
    await save.click();
    await expect
      .poll(() => page.locator('.savebar-status').textContent())
      .toContain('Settings saved.');

    await page.reload();
    await page.getByRole('heading', { name: 'Organisations' }).waitFor();
    expect(await page.locator('.profile-list').textContent()).toContain('Acme Support');
    expect(await page.locator('.instance-list').textContent()).toContain(
      'https://acme.service-now.com',
    );
    expect(await save.isDisabled()).toBe(true); // nothing unsaved after the reload
  });

  it('takes effect in the worker', async () => {
    const { settings } = await toWorker<{
      settings: {
        genesys: { profiles: { name: string; region: string }[]; activeId: string };
        servicenow: { instances: string[] };
      };
    }>('settings.get');
    expect(settings.genesys.profiles).toEqual([
      expect.objectContaining({ name: 'Acme Support', region: 'eu_west_1', clientId: CLIENT_ID }),
    ]);
    expect(settings.servicenow.instances).toContain('https://acme.service-now.com');
    const auth = await toWorker<{
      signedIn: boolean;
      profile: { name: string; environment: string };
    }>('auth.state');
    expect(auth).toMatchObject({
      signedIn: false,
      profile: { name: 'Acme Support', environment: 'mypurecloud.ie' },
    });
  });

  it('shows a problem next to its field and disables Save until it is fixed', async () => {
    const region = page.getByLabel('Default country for phone numbers');
    await region.fill('1');
    await expect
      .poll(() => page.locator('#f-servicenow-defaultRegion-error').textContent())
      .toMatch(/two-letter/);
    expect(await region.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#save').isDisabled()).toBe(true);
    await region.fill('GB');
    await expect.poll(() => page.locator('#f-servicenow-defaultRegion-error').count()).toBe(0);
    expect(await page.locator('#save').isDisabled()).toBe(false);
    await page.getByRole('button', { name: 'Discard changes' }).click();
    expect(await region.inputValue()).toBe('US');
  });

  it('is operable by keyboard: Tab reaches the form controls with a visible focus ring', async () => {
    await page.locator('body').focus();
    const seen = new Set<string>();
    for (let i = 0; i < 12; i += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? { tag: el.tagName, outline: getComputedStyle(el).outlineStyle } : null;
      });
      if (focused) {
        seen.add(focused.tag);
        expect(focused.outline).not.toBe('none');
      }
    }
    expect(seen.has('A') || seen.has('BUTTON') || seen.has('INPUT')).toBe(true);
  });

  it('has no serious or critical accessibility violations', async () => {
    await page.getByRole('button', { name: 'Add an organisation' }).click(); // the form too
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('saves a screenshot', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'options.png');
  });
});
