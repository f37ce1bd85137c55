import { describe, expect, it, vi } from 'vitest';
import { createChromeIdentity, identityError } from './identity';

function fakeApi(
  launch: (details: chrome.identity.WebAuthFlowDetails) => Promise<string | undefined>,
) {
  return {
    getRedirectURL: () => 'https://abc.chromiumapp.org/',
    launchWebAuthFlow: vi.fn(launch),
  } as unknown as typeof chrome.identity;
}

describe('createChromeIdentity', () => {
  it('returns the redirect URL and passes interactive flows through', async () => {
    const api = fakeApi(() => Promise.resolve('https://abc.chromiumapp.org/?code=1'));
    const identity = createChromeIdentity(api);
    expect(identity.redirectUrl()).toBe('https://abc.chromiumapp.org/');
    expect(await identity.launchWebAuthFlow('https://login.example/a', true)).toBe(
      'https://abc.chromiumapp.org/?code=1',
    );
    expect(api.launchWebAuthFlow).toHaveBeenCalledWith({
      url: 'https://login.example/a',
      interactive: true,
    });
  });

  it('lets a silent flow wait for a scripted redirect, bounded', async () => {
    const api = fakeApi(() => Promise.resolve('https://abc.chromiumapp.org/?code=1'));
    await createChromeIdentity(api).launchWebAuthFlow('https://login.example/a', false);
    expect(api.launchWebAuthFlow).toHaveBeenCalledWith({
      url: 'https://login.example/a',
      interactive: false,
      abortOnLoadForNonInteractive: false,
      timeoutMsForNonInteractive: 10_000,
    });
  });

  it('maps Chrome failures to AuthError codes', async () => {
    const closed = createChromeIdentity(
      fakeApi(() => Promise.reject(new Error('The user did not approve access.'))),
    );
    await expect(closed.launchWebAuthFlow('u', true)).rejects.toMatchObject({
      code: 'auth.cancelled',
    });
    const silent = createChromeIdentity(
      fakeApi(() => Promise.reject(new Error('User interaction required.'))),
    );
    await expect(silent.launchWebAuthFlow('u', false)).rejects.toMatchObject({
      code: 'auth.interaction-required',
    });
    const empty = createChromeIdentity(fakeApi(() => Promise.resolve(undefined)));
    await expect(empty.launchWebAuthFlow('u', true)).rejects.toMatchObject({
      code: 'auth.authorize-error',
    });
  });

  it('classifies an unloadable page as a network problem', () => {
    expect(identityError(new Error('Authorization page could not be loaded.'), true).code).toBe(
      'auth.network',
    );
  });
});
