/**
 * A real call through the popup, against the Genesys emulator: the popup shows the ringing call,
 * the worker raises a notification with Answer and Decline, the call is answered and controlled
 * from the popup, and it appears in the last calls once it ends. Saves the popup screenshot.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, seriousViolations } from '../support/a11y';
import { startSignedIn, waitForCall, type Stack } from '../support/stack';

let stack: Stack;
let popup: Page;
let conversationId: string;

const notifications = () =>
  stack.ext.worker.evaluate(() => chrome.notifications.getAll()) as Promise<
    Record<string, unknown>
  >;

beforeAll(async () => {
  stack = await startSignedIn();
  popup = await stack.ext.openPage('src/popup/popup.html');
  await popup.setViewportSize({ width: 360, height: 600 });
});

afterAll(async () => {
  await (stack as Stack | undefined)?.close();
});

describe('a call in the popup', () => {
  it('shows the connection', async () => {
    await expect
      .poll(() => popup.locator('#connection-state').textContent(), { timeout: 10_000 })
      .toContain('Connected');
    expect(await popup.locator('.agent').textContent()).toBe('Ready');
    expect(await popup.locator('#signed-in-as').textContent()).toBe('Signed in · Acme Support');
  });

  it('shows the ringing call, with a notification offering Answer and Decline', async () => {
    ({ conversationId } = await stack.genesys.control.placeCall({
      to: 'agent1',
      from: '+14155550123',
      fromName: 'Ada Lovelace',
      queue: 'Support',
    }));
    const card = popup.locator(`[data-call="${conversationId}"]`);
    await card.waitFor({ timeout: 15_000 });
    expect(await card.getAttribute('aria-label')).toBe('Call from Ada Lovelace');
    expect(await popup.locator('.agent').textContent()).toBe('Ringing');
    await expect
      .poll(notifications, { timeout: 5_000 })
      .toHaveProperty([`incoming:${conversationId}`]);
    const all = await notifications();
    // getAll lists ids only in Chromium; the options are checked by the worker's unit tests.
    expect(Object.keys(all)).toContain(`incoming:${conversationId}`);
    expect(await stack.ext.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('RING');
  });

  it('answers from the popup, then mutes and holds', async () => {
    await popup.getByRole('button', { name: 'Answer' }).click();
    await waitForCall(stack, conversationId, 'connected');
    const mute = popup.getByRole('button', { name: 'Mute' });
    await mute.waitFor();
    await mute.click();
    await expect.poll(() => mute.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    await expect
      .poll(notifications, { timeout: 5_000 })
      .not.toHaveProperty([`incoming:${conversationId}`]);
    expect(await stack.ext.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('CALL');
    await popup.getByRole('button', { name: 'Keypad' }).click();
  });

  it('has no serious or critical accessibility violations during a call', async () => {
    expect(await seriousViolations(popup)).toEqual([]);
  });

  it('saves a screenshot', async () => {
    await screenshot(popup, 'popup.png');
  });

  it('hangs up, and lists the call among the last calls', async () => {
    await popup.getByRole('button', { name: 'Hang up' }).click();
    await waitForCall(stack, conversationId, 'ended');
    await expect
      .poll(() => popup.locator('.recent li').first().textContent(), { timeout: 10_000 })
      .toContain('Ada Lovelace');
  });
});
