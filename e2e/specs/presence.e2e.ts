/**
 * The agent's Genesys status against the emulator: shown in the popup and changed there, by the
 * queue command's worker path, and after a missed ACD call (Genesys sets "Not responding") by the
 * notification's "Go back on queue" button. Chromium cannot press a shortcut or a notification
 * button in a test, so both run through `presence.trigger`, which calls the same worker functions
 * as `commands.onCommand` and `notifications.onButtonClicked`. The emulator records every change.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '../../emulators/genesys';
import { startSignedIn, type Stack } from '../support/stack';

let stack: Stack;
let popup: Page;

const shown = () => popup.locator('#presence-status').textContent();
const clientChanges = async () =>
  (await stack.genesys.control.presenceChanges())
    .filter((c) => c.userId === SEED.agent1.userId && c.by === undefined)
    .map((c) => `${c.kind}:${c.value}`);

beforeAll(async () => {
  stack = await startSignedIn();
  popup = await stack.ext.openPage('src/popup/popup.html');
});

afterAll(async () => {
  await (stack as Stack | undefined)?.close();
});

describe('presence', () => {
  it('shows the Genesys status and changes it from the popup', async () => {
    await expect.poll(shown, { timeout: 10_000 }).toBe('Available');
    await popup.locator('#presence-select').selectOption('On Queue');
    await expect.poll(shown, { timeout: 10_000 }).toBe('On Queue');
    expect(await clientChanges()).toEqual(['presence:On Queue']);
  });

  it('goes off and on queue through the command path', async () => {
    const off = await stack.toWorker<{ handled: boolean }>('presence.trigger', {
      kind: 'command',
      name: 'toggle-queue',
    });
    expect(off.value.handled).toBe(true);
    await expect.poll(shown, { timeout: 10_000 }).toBe('Available');
    await stack.toWorker('presence.trigger', { kind: 'command', name: 'toggle-queue' });
    await expect.poll(shown, { timeout: 10_000 }).toBe('On Queue');
  });

  it('a missed queue call makes the agent not responding; the notification button recovers', async () => {
    await stack.genesys.control.placeCall({
      to: 'agent1',
      from: '+14155550123',
      queue: 'Support',
      alertTimeoutMs: 1_500,
    });
    await expect.poll(shown, { timeout: 15_000 }).toBe('Not responding');
    expect(await popup.getByRole('button', { name: 'Go back on queue' }).isVisible()).toBe(true);
    const clicked = await stack.toWorker<{ handled: boolean }>('presence.trigger', {
      kind: 'notification-button',
      notificationId: 'presence:not-responding',
      buttonIndex: 0,
    });
    expect(clicked.value.handled).toBe(true);
    await expect.poll(shown, { timeout: 10_000 }).toBe('On Queue');
    expect(await clientChanges()).toEqual([
      'presence:On Queue',
      'presence:Available',
      'presence:On Queue',
      'routingStatus:IDLE',
    ]);
  });
});
