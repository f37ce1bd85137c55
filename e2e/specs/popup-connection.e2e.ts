/**
 * Honest connection reporting to the agent, against the Genesys emulator's network faults: a
 * dropped socket that comes back at once shows "Recovered in N s" in the popup and raises no
 * notification (a blip); a black-holed link shows "Reconnecting…", raises the connection
 * notification once the outage has lasted 3 s, and the popup says when it is back.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startSignedIn, waitForConnection, type Stack } from '../support/stack';

let stack: Stack;
let popup: Page;

const notificationIds = async () =>
  Object.keys(await stack.ext.worker.evaluate(() => chrome.notifications.getAll()));
const connectionText = () => popup.locator('#connection-state').textContent();

beforeAll(async () => {
  stack = await startSignedIn();
  popup = await stack.ext.openPage('src/popup/popup.html');
});

afterAll(async () => {
  await stack.genesys.control.restore().catch(() => undefined);
  await (stack as Stack | undefined)?.close();
});

describe('connection state for the agent', () => {
  it('a socket drop recovered at once: "Recovered in N s", and no notification', async () => {
    await waitForConnection(stack, 'connected', 20_000);
    const { t: droppedAt } = await stack.genesys.control.dropSockets('destroy');
    await stack.genesys.control.waitFor(
      'recovered after the drop',
      async () => {
        const connection = (await snapshot(stack))?.connection as
          { state: string; since: number; lastRecoveryMs?: number } | undefined;
        return (
          connection?.state === 'connected' &&
          connection.since > droppedAt &&
          connection.lastRecoveryMs !== undefined
        );
      },
      15_000,
    );
    await expect
      .poll(connectionText, { timeout: 5_000 })
      .toMatch(/^Connected\s*Recovered in \d+\.\d s$/);
    // Past the 3 s after which an outage would have been announced.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect(await notificationIds()).not.toContain('connection');
  });

  it('a black-holed link: "Reconnecting…", a notification after 3 s, then back', async () => {
    await waitForConnection(stack, 'connected', 20_000);
    await stack.genesys.control.blackhole(120);
    await expect.poll(connectionText, { timeout: 25_000, interval: 200 }).toMatch(/^Reconnecting…/);
    await expect.poll(notificationIds, { timeout: 10_000, interval: 200 }).toContain('connection');
    expect(await stack.ext.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('!');
    await stack.genesys.control.restore();
    await waitForConnection(stack, 'connected', 90_000);
    await expect.poll(connectionText, { timeout: 5_000 }).toMatch(/^Connected\s*Recovered in/);
    // The same notification now says the connection recovered (Chromium lists ids only).
    expect(await notificationIds()).toContain('connection');
    expect(await stack.ext.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
  });
});
