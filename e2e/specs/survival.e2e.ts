/**
 * The call survives what agents do to their browser: every ServiceNow tab closed and the service
 * worker killed mid-call (audio keeps flowing both ways, commands still work); and when the
 * offscreen document itself is closed, the worker recreates it, the session is rebuilt from the
 * worker's configuration, and the call the old document had is reported truthfully — its media
 * died with the document, so it shows as lost and the caller is not left in silence.
 */
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { killServiceWorker, offscreenCount } from '../support/extension';
import { snapshot, startSignedIn, waitForCall, WORKSPACE_HOME, type Stack } from '../support/stack';
import {
  audioBothWays,
  callState,
  command,
  connectionReaches,
  measure,
  printOffscreenLog,
} from './softphone.helpers';

let stack: Stack;
let cid: string;

beforeAll(async () => {
  stack = await startSignedIn();
});

beforeEach(() => {
  const since = Date.now();
  onTestFailed(() => printOffscreenLog(stack, since));
});

afterAll(async () => {
  await (stack as Stack | undefined)?.close();
});

/** The extension's running service worker (a new one after a kill). */
async function currentWorker(): Promise<Worker> {
  const prefix = `chrome-extension://${stack.ext.extensionId}/`;
  return stack.genesys.control.waitFor('the service worker', async () =>
    stack.ext.context.serviceWorkers().find((w) => w.url().startsWith(prefix)),
  );
}

describe('survival', () => {
  it('all ServiceNow tabs closed mid-call: the call and its audio continue', async () => {
    const tab = await stack.ext.context.newPage();
    await tab.goto(WORKSPACE_HOME);
    ({ conversationId: cid } = await stack.genesys.control.placeCall({
      to: 'agent1',
      from: '+14155550123',
    }));
    await waitForCall(stack, cid, 'alerting');
    await command(stack, { type: 'answer', conversationId: cid });
    await waitForCall(stack, cid, 'connected');
    await audioBothWays(stack, cid);
    for (const page of stack.ext.context.pages()) {
      if (page.url().startsWith('https://acme.service-now.com')) {
        await page.close();
      }
    }
    await audioBothWays(stack, cid);
    expect((await callState(stack, cid))?.state).toBe('connected');
  });

  it('service worker killed mid-call: audio flows on, and commands work through the new worker', async () => {
    await killServiceWorker(stack.ext.context, stack.ext.extensionId);
    await audioBothWays(stack, cid);
    expect(await offscreenCount(stack.ext)).toBe(1);
    await command(stack, { type: 'mute', conversationId: cid, muted: true });
    await expect
      .poll(async () => (await callState(stack, cid))?.muted, { timeout: 10_000 })
      .toBe(true);
    await command(stack, { type: 'mute', conversationId: cid, muted: false });
    await expect
      .poll(async () => (await callState(stack, cid))?.muted, { timeout: 10_000 })
      .toBe(false);
    await audioBothWays(stack, cid);
  });

  it('offscreen document closed: recreated, session rebuilt, the lost call reported as lost', async () => {
    const worker = await currentWorker();
    await worker.evaluate(() => chrome.offscreen.closeDocument());
    await expect.poll(() => offscreenCount(stack.ext), { timeout: 5_000 }).toBe(0);
    const closedAt = Date.now();
    // Any message for the softphone makes the worker recreate the document (as its alarm does).
    await stack.toWorker('session.refresh', null);
    await expect.poll(() => offscreenCount(stack.ext), { timeout: 10_000 }).toBe(1);
    // Only the new document can report the call as lost: the worker still holds the old snapshot.
    await stack.genesys.control.waitFor(
      'the lost call reported',
      async () => (await callState(stack, cid))?.state === 'failed',
      30_000,
      50,
    );
    measure(
      'offscreen closed → recreated, connected, lost call reported (ms)',
      Date.now() - closedAt,
    );
    await connectionReaches(stack, 'connected', 10_000);
    expect((await callState(stack, cid))?.error).toMatchObject({
      code: 'signalling.disconnected',
      message: expect.stringMatching(/lost/),
    });
    await stack.genesys.control.waitFor(
      'the caller released on the platform',
      async () => (await stack.genesys.control.call(cid)).endTime !== undefined,
      10_000,
    );
    expect(await offscreenCount(stack.ext)).toBe(1);
    expect((await snapshot(stack))?.connection.state).toBe('connected');

    // The rebuilt softphone takes the next call with audio both ways.
    const { conversationId: next } = await stack.genesys.control.placeCall({ to: 'agent1' });
    await waitForCall(stack, next, 'alerting');
    await command(stack, { type: 'answer', conversationId: next });
    await waitForCall(stack, next, 'connected');
    await audioBothWays(stack, next);
    await command(stack, { type: 'hangup', conversationId: next });
    await waitForCall(stack, next, 'ended');
  });
});
