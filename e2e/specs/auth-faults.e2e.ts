/**
 * Sign-in faults end to end against the Genesys emulator: a redirect with a forged `state` or a
 * replayed code is refused with a clear message on the options page and changes nothing; a short
 * token lifetime renews during a live call without touching its audio, and the SDK uses the new
 * token; a token revoked mid-shift (401) leads to a renewal, not a dead softphone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenRef } from '../../emulators/genesys/oauth/token-routes';
import {
  configure,
  signIn,
  snapshot,
  startStack,
  waitForCall,
  waitForConnection,
  type Stack,
} from '../support/stack';
import { audioBothWays, callState, command, measure, printOffscreenLog } from './softphone.helpers';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
  await configure(stack);
  await stack.genesys.control.oauthSettings({ tokenExpiresInSec: 3600 });
  await stack.genesys.control.autoApprove('agent1');
});

afterAll(async () => {
  await stack.close();
});

const oauthTokens = async () =>
  (await stack.genesys.control.liveTokens('agent1')).filter((t) => t.source === 'oauth');

const authState = async () =>
  (await stack.toWorker<{ signedIn: boolean; profile: { id: string } | null }>('auth.state', null))
    .value;

/** Presses the options page's sign-in button and returns the error the agent is shown. */
async function signInOnOptionsPage(name: 'Sign in' | 'Sign in again'): Promise<string> {
  await stack.ui.reload();
  await stack.ui.getByRole('button', { name, exact: true }).click();
  const alert = stack.ui.locator('.signin [role="alert"]');
  await alert.waitFor({ timeout: 20_000 });
  return (await alert.textContent()) ?? '';
}

describe('OAuth redirect faults', () => {
  it('a forged state is refused, shown to the agent, and leaves them signed out', async () => {
    await stack.genesys.control.oauthRedirectFault('wrong-state');
    const shown = await signInOnOptionsPage('Sign in');
    expect(shown).toContain('did not match the request Switchboard made');
    expect((await authState()).signedIn).toBe(false);
    expect(await oauthTokens()).toEqual([]);
    const stored = await stack.ext.worker.evaluate(() => chrome.storage.session.get(null));
    expect(JSON.stringify(stored)).not.toMatch(/token/i);
  });

  it('a replayed code is refused and the agent stays signed in with the previous token', async () => {
    await signIn(stack, 'agent1');
    await waitForConnection(stack, 'connected', 30_000);
    const before = (await oauthTokens()).map((t) => t.token);
    expect(before).toHaveLength(1);
    await stack.genesys.control.oauthRedirectFault('replay-code');
    const shown = await signInOnOptionsPage('Sign in again');
    expect(shown).toContain('sign-in code or saved session was rejected');
    expect(await authState()).toMatchObject({ signedIn: true, profile: { id: 'acme' } });
    expect((await oauthTokens()).map((t) => t.token)).toEqual(before);
    expect((await snapshot(stack))?.connection.state).toBe('connected');
  });
});

describe('token renewal', () => {
  it('renews during a live call: audio keeps flowing across it and the SDK uses the new token', async () => {
    const control = stack.genesys.control;
    await control.oauthSettings({ tokenExpiresInSec: 60 });
    const old = new Set((await oauthTokens()).map((t) => t.token));
    const reply = await stack.toWorker<{ signedIn: boolean }>('auth.signIn', {});
    expect(reply.value.signedIn).toBe(true);
    const first = (await oauthTokens()).find((t) => !old.has(t.token));
    expect(first?.expiresAt).toBeTypeOf('number');
    await waitForConnection(stack, 'connected', 30_000);

    const { conversationId } = await control.placeCall({ to: 'agent1', from: '+15550100' });
    await waitForCall(stack, conversationId, 'alerting');
    await command(stack, { type: 'answer', conversationId });
    await waitForCall(stack, conversationId, 'connected');
    await audioBothWays(stack, conversationId);

    // The renewal alarm fires about 30 s into the 60 s lifetime.
    const renewed = await control.waitFor(
      'a renewed token',
      async () => (await oauthTokens()).find((t) => !old.has(t.token) && t.token !== first?.token),
      75_000,
      500,
    );
    await audioBothWays(stack, conversationId);

    // Past the first token's expiry the call still carries audio both ways.
    const expiresIn = (first?.expiresAt ?? 0) - Date.now();
    if (expiresIn > 0) {
      await new Promise((r) => setTimeout(r, expiresIn + 1_000));
    }
    await audioBothWays(stack, conversationId);
    expect((await callState(stack, conversationId))?.state).toBe('connected');

    // A request the SDK makes now carries a renewed token, never the expired first one.
    const since = Date.now();
    await command(stack, { type: 'mute', conversationId, muted: true });
    const { entries } = await control.requests(since);
    const used = entries.filter((e) => e.kind === 'rest' && e.token !== undefined);
    expect(used.length).toBeGreaterThan(0);
    expect(used.map((e) => e.token)).not.toContain(tokenRef(first?.token ?? ''));
    const liveRefs = (await oauthTokens()).map((t) => tokenRef(t.token));
    expect(liveRefs).toContain(tokenRef(renewed.token));
    for (const entry of used) {
      expect(liveRefs).toContain(entry.token);
    }
    expect(used.every((e) => e.status < 400)).toBe(true);
    await control.hangUp(conversationId);
  }, 240_000);

  it('a token revoked mid-shift (401 from Genesys) leads to a renewal, not a dead softphone', async () => {
    const control = stack.genesys.control;
    // A fresh hour-long token: no renewal alarm is due, so only the 401 can start a renewal.
    await control.oauthSettings({ tokenExpiresInSec: 3600 });
    expect((await stack.toWorker<{ signedIn: boolean }>('auth.signIn', {})).value.signedIn).toBe(
      true,
    );
    await waitForConnection(stack, 'connected', 30_000);
    // Mid-shift: the token has been in use for a while (a 401 about a just-issued token is
    // treated as one about the previous token; see shared/auth/token-schedule.ts).
    await new Promise((r) => setTimeout(r, 11_000));
    const revoked = await oauthTokens();
    for (const t of revoked) {
      await control.revokeToken(t.token);
    }
    const since = Date.now();
    await control.dropSockets('destroy', 'agent1');
    const fresh = await control
      .waitFor(
        'a token issued after the 401',
        async () => (await oauthTokens()).find((t) => !revoked.some((r) => r.token === t.token)),
        60_000,
        500,
      )
      .catch(async (e: unknown) => {
        console.log('snapshot', JSON.stringify(await snapshot(stack)));
        console.log(
          'requests',
          JSON.stringify(
            (await control.requests(since)).entries.filter((x) => x.kind !== 'control'),
          ),
        );
        await printOffscreenLog(stack, since);
        throw e;
      });
    await waitForConnection(stack, 'connected', 60_000);
    measure('softphone connected again after a 401 (ms)', Date.now() - since);
    const { entries } = await control.requests(since);
    expect(entries.some((e) => e.status === 401)).toBe(true);
    expect(await authState()).toMatchObject({ signedIn: true, profile: { id: 'acme' } });
    expect(fresh.source).toBe('oauth');
  }, 180_000);

  it('a token refused right after it was issued is renewed once it is no longer fresh', async () => {
    const control = stack.genesys.control;
    expect((await stack.toWorker<{ signedIn: boolean }>('auth.signIn', {})).value.signedIn).toBe(
      true,
    );
    await waitForConnection(stack, 'connected', 30_000);
    const revoked = await oauthTokens();
    for (const t of revoked) {
      await control.revokeToken(t.token);
    }
    const since = Date.now();
    await control.dropSockets('destroy', 'agent1');
    await control.waitFor(
      'a token issued after the refusal',
      async () => (await oauthTokens()).find((t) => !revoked.some((r) => r.token === t.token)),
      90_000,
      500,
    );
    await waitForConnection(stack, 'connected', 60_000);
    measure('softphone connected again after a fresh token was refused (ms)', Date.now() - since);
    expect(await authState()).toMatchObject({ signedIn: true, profile: { id: 'acme' } });
  }, 180_000);
});
