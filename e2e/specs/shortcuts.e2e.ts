/**
 * Answering without the popup: a desktop notification's Answer and Decline buttons and the
 * keyboard shortcuts (manifest commands). Headless Chromium can neither click a desktop
 * notification nor press a command key, so the test sends `ui.trigger`, which runs the very
 * functions Chrome's `notifications.onButtonClicked` and `commands.onCommand` listeners run
 * (src/background/ui/triggers.ts). Each step is checked in the worker's snapshot and at the far
 * end (the Genesys emulator's view of the agent's leg, and RTP counters both ways).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { startSignedIn, waitForCall, type Stack } from '../support/stack';
import { audioBothWays, callState } from './softphone.helpers';

let stack: Stack;

const notifications = () =>
  stack.ext.worker.evaluate(() => chrome.notifications.getAll()) as Promise<
    Record<string, unknown>
  >;

async function trigger(data: Record<string, unknown>): Promise<boolean> {
  const reply = await stack.toWorker<{ handled: boolean }>('ui.trigger', data);
  if (!reply.ok) {
    throw new Error(`ui.trigger failed: ${JSON.stringify(reply.error)}`);
  }
  return reply.value.handled;
}
const pressKey = (name: string) => trigger({ kind: 'command', name });
const clickButton = (conversationId: string, buttonIndex: number) =>
  trigger({
    kind: 'notification-button',
    notificationId: `incoming:${conversationId}`,
    buttonIndex,
  });

/** A queue call that rings, with its desktop notification raised. */
async function ringingCall(): Promise<string> {
  const { conversationId } = await stack.genesys.control.placeCall({
    to: 'agent1',
    from: '+14155550123',
    fromName: 'Ada Lovelace',
    queue: 'Support',
    alertTimeoutMs: 60_000,
  });
  await waitForCall(stack, conversationId, 'alerting');
  await expect
    .poll(notifications, { timeout: 10_000 })
    .toHaveProperty([`incoming:${conversationId}`]);
  return conversationId;
}

/** The agent's leg as the platform sees it. */
const farEnd = (conversationId: string) => stack.genesys.control.call(conversationId);

beforeAll(async () => {
  stack = await startSignedIn();
});
afterAll(async () => {
  await (stack as Stack | undefined)?.close();
});

describe('notification buttons and keyboard shortcuts', () => {
  it('the shortcuts the test presses are the manifest commands', () => {
    expect(Object.keys(manifest.commands)).toEqual(
      expect.arrayContaining(['answer-call', 'hang-up', 'toggle-mute', 'toggle-hold']),
    );
  });

  it("answers from the notification's Answer button: media flows both ways", async () => {
    const id = await ringingCall();
    expect(await clickButton(id, 0)).toBe(true);
    await waitForCall(stack, id, 'connected');
    await expect
      .poll(async () => (await farEnd(id)).agentState, { timeout: 15_000 })
      .toBe('connected');
    await audioBothWays(stack, id, 25, 20_000);
    await expect.poll(notifications, { timeout: 10_000 }).not.toHaveProperty([`incoming:${id}`]);
    expect(await pressKey('hang-up')).toBe(true);
    await waitForCall(stack, id, 'ended');
    await expect.poll(async () => (await farEnd(id)).endTime, { timeout: 15_000 }).toBeDefined();
  });

  it('answers with the answer-call shortcut, then mutes, holds and hangs up by shortcut', async () => {
    const id = await ringingCall();
    expect(await pressKey('answer-call')).toBe(true);
    await waitForCall(stack, id, 'connected');
    await audioBothWays(stack, id, 25, 20_000);

    expect(await pressKey('toggle-mute')).toBe(true);
    await expect
      .poll(async () => (await callState(stack, id))?.muted, { timeout: 10_000 })
      .toBe(true);
    await expect.poll(async () => (await farEnd(id)).muted, { timeout: 10_000 }).toBe(true);
    expect(await pressKey('toggle-mute')).toBe(true);
    await expect
      .poll(async () => (await callState(stack, id))?.muted, { timeout: 10_000 })
      .toBe(false);
    await expect.poll(async () => (await farEnd(id)).muted, { timeout: 10_000 }).toBe(false);

    expect(await pressKey('toggle-hold')).toBe(true);
    await expect
      .poll(async () => (await callState(stack, id))?.held, { timeout: 10_000 })
      .toBe(true);
    await expect.poll(async () => (await farEnd(id)).held, { timeout: 10_000 }).toBe(true);
    expect(await pressKey('toggle-hold')).toBe(true);
    await expect
      .poll(async () => (await callState(stack, id))?.held, { timeout: 10_000 })
      .toBe(false);
    await expect.poll(async () => (await farEnd(id)).held, { timeout: 10_000 }).toBe(false);
    await audioBothWays(stack, id, 25, 20_000); // resumed: audio again both ways

    expect(await pressKey('hang-up')).toBe(true);
    await waitForCall(stack, id, 'ended');
    await expect.poll(async () => (await farEnd(id)).endTime, { timeout: 15_000 }).toBeDefined();
    expect((await farEnd(id)).outcome).toBe('agent-hangup');
    // Nothing left to act on: the shortcut says so instead of guessing.
    expect(await pressKey('hang-up')).toBe(false);
  });

  it("declines from the notification's second button", async () => {
    const id = await ringingCall();
    expect(await clickButton(id, 1)).toBe(true);
    await waitForCall(stack, id, 'declined');
    await expect.poll(async () => (await farEnd(id)).outcome, { timeout: 15_000 }).toBe('declined');
    await expect.poll(notifications, { timeout: 10_000 }).not.toHaveProperty([`incoming:${id}`]);
    // The call no longer rings: a late click on the same notification does nothing.
    expect(await clickButton(id, 0)).toBe(false);
  });
});
