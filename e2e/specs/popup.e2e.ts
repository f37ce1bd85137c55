/**
 * The toolbar popup opened as a page: it shows the connection state from the worker's snapshot,
 * is operable by keyboard and has no serious accessibility violations.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/a11y';
import { launchExtension, type ExtensionHandle } from '../support/extension';

let ext: ExtensionHandle;
let popup: Page;

beforeAll(async () => {
  ext = await launchExtension();
  popup = await ext.openPage('src/popup/popup.html');
  await popup.setViewportSize({ width: 360, height: 600 });
});

afterAll(async () => {
  await (ext as ExtensionHandle | undefined)?.close();
});

describe('popup', () => {
  it('shows the connection state the worker holds', async () => {
    const state = popup.locator('#connection-state');
    await expect.poll(() => state.textContent(), { timeout: 10_000 }).toBe('Signed out');
    expect(await popup.locator('#signed-in-as').textContent()).toBe('Not signed in');
    await expect
      .poll(() => popup.locator('.agent').textContent(), { timeout: 5_000 })
      .toBe('Signed out');
    expect(await popup.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
  });

  it('reaches every control with Tab', async () => {
    const names: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      await popup.keyboard.press('Tab');
      names.push(
        await popup.evaluate(
          'document.activeElement?.id || document.activeElement?.textContent || ""',
        ),
      );
    }
    expect(names).toEqual(expect.arrayContaining(['Sign in', 'dial-number', 'Settings']));
  });

  it('registers the four keyboard shortcuts with their default keys', async () => {
    // Chrome silently leaves a suggested key unassigned when it clashes with a browser shortcut
    // (Alt+Shift+A did): this is the check that the defaults really apply.
    const commands = await ext.worker.evaluate(() => chrome.commands.getAll());
    const keys = Object.fromEntries(commands.map((c) => [c.name, c.shortcut]));
    expect(keys).toMatchObject({
      'answer-call': 'Alt+Shift+Y',
      'hang-up': 'Alt+Shift+H',
      'toggle-mute': 'Alt+Shift+M',
      'toggle-hold': 'Alt+Shift+O',
    });
  });

  it('has no serious or critical accessibility violations', async () => {
    expect(await seriousViolations(popup)).toEqual([]);
  });
});
