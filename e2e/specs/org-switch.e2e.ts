/**
 * Organisation switch end to end: the real SDK in the offscreen document moves from Acme (agent1)
 * to Globex (agent3) and back through the worker's `auth.switchOrg`, against the Genesys emulator.
 * After every switch the emulator must hold no streaming socket, channel or softphone leg of the
 * organisation left, and its token must no longer authenticate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '../../emulators/genesys/state';
import { seriousViolations } from '../support/a11y';
import {
  configure,
  signIn,
  startStack,
  waitForCall,
  waitForConnection,
  type Stack,
} from '../support/stack';
import { audioBothWays, callState, command, measure } from './softphone.helpers';

const ACME = SEED.acme.orgId;
const GLOBEX = SEED.globex.orgId;

interface SwitchReply {
  status: string;
  activeCalls?: number;
  state: { signedIn: boolean; profile: { id: string } | null };
}

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
  const { clientId } = await stack.genesys.control.registerOAuthClient({
    org: GLOBEX,
    redirectUris: [`https://${stack.ext.extensionId}.chromiumapp.org/`],
    name: 'Switchboard (Globex)',
  });
  await configure(stack, (settings) => {
    const genesys = settings['genesys'] as { profiles: object[]; activeId: string };
    const globex = {
      id: 'globex',
      name: 'Globex',
      customEnvironment: stack.genesys.url,
      clientId,
      targetOrgId: GLOBEX,
    };
    return { ...settings, genesys: { ...genesys, profiles: [...genesys.profiles, globex] } };
  });
  await signIn(stack, 'agent1');
  await waitForConnection(stack, 'connected', 30_000);
});

afterAll(async () => {
  await stack.close();
});

const oauthTokens = async (user: string) =>
  (await stack.genesys.control.liveTokens(user))
    .filter((t) => t.source === 'oauth')
    .map((t) => t.token);

/** Waits until nothing of `orgId` is live at the emulator: no socket, channel or softphone leg. */
async function noSessionOf(orgId: string): Promise<void> {
  await stack.genesys.control.waitFor(
    `no session of ${orgId}`,
    async () => {
      const live = await stack.genesys.control.orgSessions(orgId);
      return live.streaming.length + live.channels.length + live.softphone.length === 0;
    },
    20_000,
  );
}

async function connectedAs(orgId: string, userId: string): Promise<void> {
  await waitForConnection(stack, 'connected', 30_000);
  await stack.genesys.control.waitFor(
    `streaming session of ${userId}`,
    async () =>
      (await stack.genesys.control.orgSessions(orgId)).streaming.some((s) => s.userId === userId),
    20_000,
  );
}

const switchTo = (profileId: string, confirmEndCalls?: boolean) =>
  stack.toWorker<SwitchReply>('auth.switchOrg', {
    profileId,
    ...(confirmEndCalls === undefined ? {} : { confirmEndCalls }),
  });

describe('organisation switch', () => {
  it('moves from Acme to Globex with no call: B connected as its agent, nothing of A left', async () => {
    const acmeTokens = await oauthTokens('agent1');
    expect(acmeTokens).toHaveLength(1);
    await stack.genesys.control.autoApprove('agent3');
    // A second switch while the first runs is refused, not queued.
    const started = Date.now();
    const [first, second] = await Promise.all([
      switchTo('globex'),
      new Promise((r) => setTimeout(r, 300)).then(() => switchTo('globex')),
    ]);
    expect(first).toMatchObject({
      ok: true,
      value: { status: 'switched', state: { signedIn: true, profile: { id: 'globex' } } },
    });
    expect(second).toMatchObject({ ok: true, value: { status: 'busy' } });
    measure('organisation switch without a call, until switched (ms)', Date.now() - started);

    await connectedAs(GLOBEX, SEED.agent3.userId);
    await noSessionOf(ACME);
    expect(await oauthTokens('agent1')).toEqual([]);
    const settings = await stack.toWorker<{ settings: { genesys: { activeId: string } } }>(
      'settings.get',
      null,
    );
    expect(settings.value.settings.genesys.activeId).toBe('globex');
  });

  it('with a live call: refused without confirmation (the call and its audio go on), then ends it and switches', async () => {
    const { conversationId } = await stack.genesys.control.placeCall({
      to: 'agent3',
      from: '+15550100',
    });
    await waitForCall(stack, conversationId, 'alerting');
    await command(stack, { type: 'answer', conversationId });
    await waitForCall(stack, conversationId, 'connected');
    await audioBothWays(stack, conversationId);

    await stack.genesys.control.autoApprove('agent1');
    const refused = await switchTo('acme');
    expect(refused).toMatchObject({
      ok: true,
      value: { status: 'refused', activeCalls: 1, state: { profile: { id: 'globex' } } },
    });
    expect((await callState(stack, conversationId))?.state).toBe('connected');
    await audioBothWays(stack, conversationId);

    // The agent confirms on the options page: keyboard-reachable button, then the confirmation.
    await stack.ui.reload();
    const start = stack.ui.getByRole('button', { name: 'Switch to this organisation (Acme Support)' });
    await start.focus();
    await stack.ui.keyboard.press('Enter');
    const dialog = stack.ui.getByRole('alertdialog');
    await dialog.waitFor({ timeout: 15_000 });
    expect(await dialog.textContent()).toContain('End the active call and switch?');
    expect(await seriousViolations(stack.ui)).toEqual([]);
    expect((await callState(stack, conversationId))?.state).toBe('connected');
    await stack.ui.getByRole('button', { name: 'End call and switch' }).click();

    await stack.genesys.control.waitFor(
      'the call ended at Genesys',
      async () => (await stack.genesys.control.call(conversationId)).endTime !== undefined,
      20_000,
    );
    await stack.genesys.control.waitFor(
      'signed in to Acme',
      async () => {
        const state = await stack.toWorker<SwitchReply['state']>('auth.state', null);
        return state.value.signedIn && state.value.profile?.id === 'acme';
      },
      60_000,
    );
    await connectedAs(ACME, SEED.agent1.userId);
    await noSessionOf(GLOBEX);
    expect(await oauthTokens('agent3')).toEqual([]);
    await stack.ui.getByText('Switched to Acme Support.').waitFor({ timeout: 15_000 });
  });

  it('completes when the streaming service swallows every frame for a while, showing its progress in the popup and options page', async () => {
    const popup = await stack.ext.openPage('src/popup/popup.html');
    await stack.genesys.control.autoApprove('agent3');
    await stack.genesys.control.blackhole(8, 'open');
    try {
      const pending = switchTo('globex');
      // While the new softphone waits for signalling, both pages say a switch is under way.
      const progress = stack.ui.locator('#switch-progress');
      await progress.waitFor({ timeout: 20_000 });
      expect(await progress.textContent()).toContain('Switching organisation…');
      expect(await progress.textContent()).toContain('Switching to Globex');
      await popup.locator('#org-switching').waitFor({ timeout: 20_000 });
      expect(await popup.locator('#org-switching').textContent()).toContain(
        'Switching organisation…',
      );
      expect(await pending).toMatchObject({ ok: true, value: { status: 'switched' } });
    } finally {
      await stack.genesys.control.restore();
    }
    await connectedAs(GLOBEX, SEED.agent3.userId);
    await noSessionOf(ACME);
    await popup.locator('#org-switching').waitFor({ state: 'detached', timeout: 20_000 });
    await popup.close();
  });

  it('a sign-in refused during the switch fails naming that step, shown in the popup; nothing of either organisation stays live', async () => {
    await stack.genesys.control.autoApprove(null);
    const pending = switchTo('acme');
    const login = await stack.ext.context.waitForEvent('page', {
      predicate: (p) => p.url().includes('/oauth/authorize'),
      timeout: 30_000,
    });
    await login.getByRole('button', { name: /deny/i }).click();
    expect(await pending).toMatchObject({
      ok: true,
      value: { status: 'failed', step: 'signing-in', state: { signedIn: false } },
    });
    const popup = await stack.ext.openPage('src/popup/popup.html');
    const failed = popup.locator('#org-switch-failed');
    await failed.waitFor({ timeout: 15_000 });
    expect(await failed.textContent()).toContain('Switching organisation failed while signing in.');
    await popup.close();
    await noSessionOf(GLOBEX);
    await noSessionOf(ACME);
    expect(await oauthTokens('agent3')).toEqual([]);
    expect(await oauthTokens('agent1')).toEqual([]);
  });
});
