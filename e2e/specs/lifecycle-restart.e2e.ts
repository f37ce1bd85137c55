/**
 * Start with the browser: an agent signed in yesterday starts the browser on the same profile and
 * the softphone comes up on its own — silent re-authorisation, no click — early enough that a call
 * the platform routes to the agent in the first seconds is offered, and so is a call that rang
 * before the softphone listened at all (answered, with audio both ways). Sign-out then leaves no
 * token in any storage area and no automatic comeback on the next start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGenesysEmulator, type GenesysEmulator } from '../../emulators/genesys/server';
import { startServiceNow, type ServiceNowStandIn } from '../../emulators/servicenow/index';
import {
  configure,
  signIn,
  snapshot,
  waitForCall,
  waitForConnection,
  type Stack,
} from '../support/stack';
import { developerProfile, launch, privateDist } from './lifecycle.helpers';
import { audioBothWays, command } from './softphone.helpers';

let genesys: GenesysEmulator;
let servicenow: ServiceNowStandIn;
let stack: Stack | undefined;
let clientId: string;
const extensionDir = privateDist();
const userDataDir = developerProfile();

/** Starts the browser on the shared profile (the emulators keep running across restarts). */
async function startBrowser(): Promise<Stack> {
  stack = await launch({ extensionDir, userDataDir, genesys, servicenow, clientId });
  return stack;
}

async function quitBrowser(): Promise<void> {
  await stack?.close();
  stack = undefined;
}

const boundSessions = async () =>
  (await genesys.control.sessions('agent1')).filter((x) => x.state === 'bound').length;

/** Every storage area the extension has, as text, read from an extension page. */
async function allStorage(s: Stack): Promise<string> {
  return s.ui.evaluate(async () =>
    JSON.stringify(
      await Promise.all([
        chrome.storage.local.get(null),
        chrome.storage.session.get(null),
        chrome.storage.sync.get(null),
      ]),
    ),
  );
}

beforeAll(async () => {
  servicenow = await startServiceNow({ port: 0 });
  // Far-end media in a headless Chromium, started by the first answered call.
  genesys = await startGenesysEmulator({ port: 0 });
});

afterAll(async () => {
  await quitBrowser().catch(() => undefined);
  await genesys.close().catch(() => undefined);
  await servicenow.close().catch(() => undefined);
});

describe('start with the browser', () => {
  it('on install: the welcome checklist opens and ticks itself as the agent gets ready', async () => {
    const s = await startBrowser();
    clientId = s.clientId;
    const isWelcome = (p: { url(): string }) => p.url().endsWith('/src/welcome/welcome.html');
    const welcome =
      s.ext.context.pages().find(isWelcome) ??
      (await s.ext.context
        .waitForEvent('page', { predicate: isWelcome, timeout: 10_000 })
        .catch(() => undefined));
    if (welcome === undefined) {
      throw new Error('the welcome page did not open on install');
    }
    await welcome.getByRole('heading', { name: 'Welcome to Switchboard' }).waitFor();
    const step = (id: string) => welcome.locator(`[data-step="${id}"]`);
    expect(await step('signin').getAttribute('data-done')).toBe('false');
    await configure(s);
    // The test browser grants media by itself (its fake-media flags), so this step is ticked
    // without the button; the page's own tests cover asking.
    await expect
      .poll(() => step('mic').getAttribute('data-done'), { timeout: 10_000 })
      .toBe('true');
    await signIn(s, 'agent1');
    await expect
      .poll(() => step('signin').getAttribute('data-done'), { timeout: 10_000 })
      .toBe('true');
    expect(await step('signin').textContent()).toContain('Signed in to Acme Support.');
  });

  it('yesterday: the agent signed in, then quit the browser', async () => {
    const s = stack!;
    await waitForConnection(s, 'connected');
    await quitBrowser();
  });

  it('today: the softphone connects without a click and the first call rings', async () => {
    const startedAt = Date.now();
    const s = await startBrowser();
    // No click: the worker re-authorises silently and the softphone connects on its own. The
    // caller waiting in the queue is routed to the agent the moment the softphone is up.
    await genesys.control.waitFor(
      'the softphone connected',
      async () => (await snapshot(s))?.connection.state === 'connected',
      20_000,
      25,
    );
    const onlineMs = Date.now() - startedAt;
    const { conversationId } = await genesys.control.placeCall({
      to: 'agent1',
      from: '+14155550123',
      fromName: 'Early Caller',
      alertTimeoutMs: 30_000,
    });
    await waitForCall(s, conversationId, 'alerting');
    console.info(`browser start → softphone connected: ${onlineMs} ms`);
    const auth = await s.toWorker<{ signedIn: boolean }>('auth.state', null);
    expect(auth).toMatchObject({ ok: true, value: { signedIn: true } });
    await genesys.control.hangUp(conversationId);
  });

  it('a call placed while the softphone is still starting is offered and answered with audio', async () => {
    await quitBrowser();
    // The streaming service is slow to accept the softphone for the first seconds, so the call
    // certainly rings before the softphone listens: its propose reaches nobody.
    await genesys.control.refuseUpgrades(4);
    const s = await startBrowser();
    expect(await boundSessions()).toBe(0);
    const { conversationId } = await genesys.control.placeCall({
      to: 'agent1',
      from: '+14155550199',
      fromName: 'Startup Caller',
      alertTimeoutMs: 45_000,
    });
    expect((await snapshot(s))?.connection.state).not.toBe('connected');
    await waitForConnection(s, 'connected');
    await waitForCall(s, conversationId, 'alerting');
    const offered = (await snapshot(s))?.calls.find((c) => c.conversationId === conversationId);
    expect(JSON.stringify(offered)).toContain('Startup Caller');
    await command(s, { type: 'answer', conversationId });
    await waitForCall(s, conversationId, 'connected');
    await audioBothWays(s, conversationId);
    expect(await boundSessions()).toBe(1);
    await command(s, { type: 'hangup', conversationId });
    await waitForCall(s, conversationId, 'ended');
  });

  it('after sign-out no storage area holds the token, and the next start stays signed out', async () => {
    const s = stack!;
    const token = await s.ui.evaluate(async () => {
      const stored = (await chrome.storage.session.get('auth.session'))['auth.session'] as
        { tokens: { accessToken: string } } | undefined;
      return stored?.tokens.accessToken ?? '';
    });
    expect(token.length).toBeGreaterThan(10);
    expect(await allStorage(s)).toContain(token);
    const out = await s.toWorker<{ signedIn: boolean }>('auth.signOut', null);
    expect(out).toMatchObject({ ok: true, value: { signedIn: false } });
    expect(await allStorage(s)).not.toContain(token);
    await waitForConnection(s, 'signed-out');

    await quitBrowser();
    const next = await startBrowser();
    await waitForConnection(next, 'signed-out');
    const auth = await next.toWorker<{ signedIn: boolean }>('auth.state', null);
    expect(auth).toMatchObject({ ok: true, value: { signedIn: false } });
  });
});
