/**
 * Sign-in end to end: Authorization Code + PKCE through chrome.identity against the Genesys
 * emulator's OAuth endpoints; the token never reaches extension pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configure, signIn, startStack, type Stack } from '../support/stack';

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

  it('signs out and forgets the token', async () => {
    const state = await stack.toWorker<{ signedIn: boolean }>('auth.signOut', null);
    expect(state).toMatchObject({ ok: true, value: { signedIn: false } });
    const stored = await stack.ext.worker.evaluate(() => chrome.storage.session.get(null));
    expect(JSON.stringify(stored)).not.toMatch(/token/i);
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
  });
});
