/**
 * Lifecycle end to end, on one signed-in agent: an extension update announced during a call waits
 * until the call ends, then the extension reloads and the softphone comes back by itself (silent
 * re-authorisation; the session storage, and the token with it, is wiped by the reload); a sleep
 * of the machine (the worker's late tick, simulated through the product's own wake signal) makes
 * the softphone re-validate, and the next inbound call connects.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGenesysEmulator, type GenesysEmulator } from '../../emulators/genesys/server';
import { startServiceNow, type ServiceNowStandIn } from '../../emulators/servicenow/index';
import { killServiceWorker, launchExtension, type ExtensionHandle } from '../support/extension';
import {
  configure,
  signIn,
  snapshot,
  waitForCall,
  waitForConnection,
  type SnapshotLike,
  type Stack,
} from '../support/stack';
import {
  ORG,
  developerProfile,
  openExtensionPage,
  privateDist,
  stackOn,
} from './lifecycle.helpers';

interface Reply<T> {
  ok: boolean;
  value: T;
  error?: { code: string; message: string };
}

interface LifecycleState {
  version: string;
  applying?: boolean;
  update: { version: string | null; waitingForCall: boolean } | null;
}

let ext: ExtensionHandle;
let genesys: GenesysEmulator;
let servicenow: ServiceNowStandIn;
let clientId: string;
let page: Page;

/** The stack's helpers, talking through whichever extension page is open now. */
const current = (): Stack =>
  stackOn({ ext, genesys, servicenow, clientId, close: () => ext.close() }, page);
const toWorker = <T>(type: string, data: unknown) =>
  current().toWorker(type, data) as Promise<Reply<T>>;
const command = async (type: string, conversationId: string, extra: object = {}) => {
  const reply = await toWorker('call.command', { type, conversationId, ...extra });
  expect(reply.ok, JSON.stringify(reply)).toBe(true);
};

async function inboundCall(): Promise<string> {
  const { conversationId } = await genesys.control.placeCall({
    to: 'agent1',
    from: '+14155550123',
    fromName: 'Ada Lovelace',
    alertTimeoutMs: 30_000,
  });
  await waitForCall(current(), conversationId, 'alerting');
  return conversationId;
}

beforeAll(async () => {
  servicenow = await startServiceNow({ port: 0 });
  ext = await launchExtension({ extensionDir: privateDist(), userDataDir: developerProfile() });
  genesys = await startGenesysEmulator({ port: 0, media: { browserContext: ext.context } });
  ({ clientId } = await genesys.control.registerOAuthClient({
    org: ORG,
    redirectUris: [`https://${ext.extensionId}.chromiumapp.org/`],
    name: 'Switchboard',
  }));
  page = await openExtensionPage(ext.context, ext.extensionId);
  await configure(current());
  await signIn(current());
  await waitForConnection(current(), 'connected');
});

afterAll(async () => {
  await ext.close().catch(() => undefined);
  await genesys.close().catch(() => undefined);
  await servicenow.close().catch(() => undefined);
});

describe('an update during a call', () => {
  let conversationId: string;

  it('waits while the call is live', async () => {
    conversationId = await inboundCall();
    await command('answer', conversationId);
    await waitForCall(current(), conversationId, 'connected');

    const applied = await toWorker<LifecycleState>('lifecycle.applyUpdate', {});
    expect(applied).toMatchObject({
      ok: true,
      value: { applying: false, update: { waitingForCall: true } },
    });
    // Every snapshot re-checks the pending update: a mute makes one, and the update still waits.
    await command('mute', conversationId, { muted: true });
    await expect
      .poll(async () => (await snapshot(current()))?.calls[0]?.muted, { timeout: 10_000 })
      .toBe(true);
    const state = await toWorker<LifecycleState>('lifecycle.state', null);
    expect(state.value.update).toMatchObject({ waitingForCall: true });
    expect((await snapshot(current()))?.calls[0]?.state).toBe('connected');
  });

  it('reloads once the caller hangs up, and the softphone connects again by itself', async () => {
    // A reload closes every extension page: that is how the test sees it happen.
    const reloaded = page.waitForEvent('close', { timeout: 30_000 });
    await genesys.control.hangUp(conversationId);
    await reloaded;
    page = await openExtensionPage(ext.context, ext.extensionId);
    await waitForConnection(current(), 'connected', 30_000);
    const state = await toWorker<LifecycleState>('lifecycle.state', null);
    expect(state).toMatchObject({ ok: true, value: { update: null } });
    const auth = await toWorker<{ signedIn: boolean }>('auth.state', null);
    expect(auth.value.signedIn).toBe(true);
  });
});

describe('sleep and wake', () => {
  it('re-validates after the machine slept, and the next call connects', async () => {
    const before = (await snapshot(current())) as SnapshotLike & { connection: { since: number } };
    expect(before.connection.state).toBe('connected');
    // The machine slept: the worker's last tick lies 150 s back, and the worker was stopped.
    await page.evaluate(() =>
      chrome.storage.session.set({ 'lifecycle.lastTick': Date.now() - 150_000 }),
    );
    await killServiceWorker(ext.context, ext.extensionId);
    // Any event restarts the worker; it notices the gap and tells the softphone to re-validate.
    await expect
      .poll(
        async () => {
          const now = (await snapshot(current())) as
            (SnapshotLike & { connection: { since: number } }) | null;
          return now !== null && now.connection.since > before.connection.since
            ? now.connection.state
            : 'unchanged';
        },
        { timeout: 20_000 },
      )
      .toBe('connected');

    const conversationId = await inboundCall();
    await command('answer', conversationId);
    await waitForCall(current(), conversationId, 'connected');
    await genesys.control.hangUp(conversationId);
    await waitForCall(current(), conversationId, 'ended');
  });
});
