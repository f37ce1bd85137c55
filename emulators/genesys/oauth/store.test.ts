import { calculatePKCECodeChallenge, generateRandomCodeVerifier } from 'oauth4webapi';
import { describe, expect, it } from 'vitest';
import { OAuthStore } from './store';

describe('OAuthStore codes', () => {
  const setup = async () => {
    const store = new OAuthStore();
    const verifier = generateRandomCodeVerifier();
    const code = store.issueCode(
      {
        clientId: 'c1',
        redirectUri: 'https://x.chromiumapp.org/',
        codeChallenge: await calculatePKCECodeChallenge(verifier),
      },
      'u1',
    );
    return { store, verifier, code };
  };

  it('redeems once with the right verifier', async () => {
    const { store, verifier, code } = await setup();
    const first = await store.redeem({
      code,
      clientId: 'c1',
      redirectUri: 'https://x.chromiumapp.org/',
      verifier,
    });
    expect(first).toMatchObject({ ok: true, code: { userId: 'u1' } });
    const replay = await store.redeem({
      code,
      clientId: 'c1',
      redirectUri: 'https://x.chromiumapp.org/',
      verifier,
    });
    expect(replay).toMatchObject({
      ok: false,
      error: 'invalid_grant',
      description: 'code already used',
    });
  });

  it('rejects a wrong verifier, client or redirect URI', async () => {
    const a = await setup();
    expect(
      (
        await a.store.redeem({
          code: a.code,
          clientId: 'c1',
          redirectUri: undefined,
          verifier: generateRandomCodeVerifier(),
        })
      ).ok,
    ).toBe(false);
    const b = await setup();
    expect(
      (
        await b.store.redeem({
          code: b.code,
          clientId: 'c2',
          redirectUri: undefined,
          verifier: b.verifier,
        })
      ).ok,
    ).toBe(false);
    const c = await setup();
    expect(
      (
        await c.store.redeem({
          code: c.code,
          clientId: 'c1',
          redirectUri: 'https://evil/',
          verifier: c.verifier,
        })
      ).ok,
    ).toBe(false);
  });

  it('consumes pending requests once', () => {
    const store = new OAuthStore();
    const req = store.startRequest({ clientId: 'c', redirectUri: 'r', orgId: 'o' });
    expect(store.takeRequest(req.id)?.clientId).toBe('c');
    expect(store.takeRequest(req.id)).toBeUndefined();
  });
});
