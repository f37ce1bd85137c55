/**
 * Sign-in end to end: Authorization Code + PKCE through chrome.identity against the Genesys
 * emulator's OAuth endpoints; the token never reaches extension pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenRef } from '../../emulators/genesys/oauth/token-routes';
import { SEED } from '../../emulators/genesys/state';
import {
  configure,
  signIn,
  snapshot,
  startStack,
  waitForConnection,
  type Stack,
} from '../support/stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
  await configure(stack);
});

afterAll(async () => {
  await stack.close();
});

describe('sign-in', () => {
  it('signs in through the identity flow and reports the profile without the token', async () => {
    await signIn(stack, 'agent1');
    const state = await stack.toWorker<Record<string, unknown>>('auth.state', null);
    expect(state).toMatchObject({
      ok: true,
      value: { signedIn: true, profile: { id: 'acme', name: 'Acme Support' } },
    });
    expect(JSON.stringify(state)).not.toMatch(/accessToken|access_token/);
  });

  it('signs out and forgets everything: token revoked at Genesys, softphone stopped, no session left', async () => {
    await waitForConnection(stack, 'connected', 30_000);
    const control = stack.genesys.control;
    const [token] = (await control.liveTokens('agent1')).filter((t) => t.source === 'oauth');
    expect(token).toBeDefined();
    const since = Date.now();
    const state = await stack.toWorker<{ signedIn: boolean }>('auth.signOut', null);
    expect(state).toMatchObject({ ok: true, value: { signedIn: false } });
    const stored = await stack.ext.worker.evaluate(() => chrome.storage.session.get(null));
    expect(JSON.stringify(stored)).not.toMatch(/token/i);
    expect(Object.keys(stored)).not.toContain('presence.status');
    // Revoked with its own token at Genesys, so it no longer authenticates anywhere.
    const { entries } = await control.requests(since);
    expect(entries).toContainEqual(
      expect.objectContaining({
        method: 'DELETE',
        path: '/api/v2/tokens/me',
        status: 204,
        token: tokenRef(token?.token ?? ''),
      }),
    );
    expect((await control.liveTokens('agent1')).map((t) => t.token)).not.toContain(token?.token);
    await control.waitFor(
      'no session of the agent',
      async () => {
        const live = await control.orgSessions(SEED.acme.orgId);
        return live.streaming.length + live.channels.length + live.softphone.length === 0;
      },
      20_000,
    );
    expect((await snapshot(stack))?.connection.state).toBe('signed-out');
  });

  it('shows a clear error when the agent denies access', async () => {
    await stack.genesys.control.autoApprove(null);
    const pending = stack.toWorker('auth.signIn', {});
    const login = await stack.ext.context.waitForEvent('page', {
      predicate: (p) => p.url().includes('/oauth/authorize'),
      timeout: 10_000,
    });
    await login.getByRole('button', { name: /deny/i }).click();
    const reply = await pending;
    expect(JSON.stringify(reply)).toContain('"code":"auth.denied"');
    // Nothing changed: still signed out, no token kept, no token issued.
    const state = await stack.toWorker<{ signedIn: boolean }>('auth.state', null);
    expect(state.value.signedIn).toBe(false);
    const stored = await stack.ext.worker.evaluate(() => chrome.storage.session.get(null));
    expect(JSON.stringify(stored)).not.toMatch(/token/i);
    const issued = await stack.genesys.control.liveTokens('agent1');
    expect(issued.filter((t) => t.source === 'oauth')).toEqual([]);
  });
});
