// OAuth endpoints over HTTP without a browser: auto-approve, code exchange, refresh, denial.
import { calculatePKCECodeChallenge, generateRandomCodeVerifier } from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGenesysEmulator, type GenesysEmulator } from '../server';
import { SEED } from '../state';

let emu: GenesysEmulator;
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
beforeAll(async () => {
  emu = await startGenesysEmulator({ media: 'none', tokenExpiresInSec: 120 });
});
afterAll(async () => {
  await emu.close();
});

async function post(form: Record<string, string>) {
  const res = await fetch(`${emu.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string | number> };
}

async function code(clientId: string, verifier: string, extra: Record<string, string> = {}) {
  const q = new URLSearchParams({
    client_id: clientId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    code_challenge: await calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: 's',
    ...extra,
  });
  const res = await fetch(`${emu.url}/oauth/authorize?${q.toString()}`, { redirect: 'manual' });
  return new URL(res.headers.get('location') ?? 'about:blank');
}

describe('OAuth endpoints', () => {
  it('exchanges a code, then a refresh token, for tokens that work on the API', async () => {
    const { clientId } = await emu.control.registerOAuthClient({
      org: 'Globex',
      redirectUris: [REDIRECT],
      refreshTokens: true,
    });
    await emu.control.autoApprove('agent3');
    const verifier = generateRandomCodeVerifier();
    const back = await code(clientId, verifier, {
      target: SEED.globex.orgId,
      org: 'globex',
      provider: 'PureCloud',
    });
    const first = await post({
      grant_type: 'authorization_code',
      client_id: clientId,
      code: back.searchParams.get('code') ?? '',
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    expect(first).toMatchObject({ status: 200, body: { expires_in: 120, token_type: 'bearer' } });
    const refreshed = await post({
      grant_type: 'refresh_token',
      client_id: clientId,
      refresh_token: String(first.body['refresh_token']),
    });
    expect(refreshed.status).toBe(200);
    const me = await fetch(`${emu.url}/api/v2/users/me`, {
      headers: { authorization: `Bearer ${String(refreshed.body['access_token'])}` },
    });
    expect(((await me.json()) as { id: string }).id).toBe(SEED.agent3.userId);
  });

  it('rejects a target org that is not the client org, and unsupported grants', async () => {
    const { clientId } = await emu.control.registerOAuthClient({
      org: 'Acme Support',
      redirectUris: [REDIRECT],
    });
    await emu.control.autoApprove('agent1');
    const back = await code(clientId, generateRandomCodeVerifier(), { target: SEED.globex.orgId });
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect((await post({ grant_type: 'password', client_id: clientId })).body['error']).toBe(
      'unsupported_grant_type',
    );
    expect(
      (await post({ grant_type: 'refresh_token', client_id: clientId, refresh_token: 'x' })).body[
        'error'
      ],
    ).toBe('unsupported_grant_type');
    expect((await post({ grant_type: 'authorization_code', client_id: 'nope' })).status).toBe(401);
  });

  it('redirects once with a forged state or a code already redeemed, when told to', async () => {
    const { clientId } = await emu.control.registerOAuthClient({
      org: 'Acme Support',
      redirectUris: [REDIRECT],
    });
    await emu.control.autoApprove('agent1');
    const verifier = generateRandomCodeVerifier();
    const first = await code(clientId, verifier);
    const redeemed = first.searchParams.get('code') ?? '';
    const exchange = (c: string, v: string) =>
      post({
        grant_type: 'authorization_code',
        client_id: clientId,
        code: c,
        redirect_uri: REDIRECT,
        code_verifier: v,
      });
    expect((await exchange(redeemed, verifier)).status).toBe(200);

    await emu.control.oauthRedirectFault('wrong-state');
    const forged = await code(clientId, generateRandomCodeVerifier());
    expect(forged.searchParams.get('state')).not.toBe('s');
    // One-shot: the next approval is normal again; its code is redeemed here.
    const normalVerifier = generateRandomCodeVerifier();
    const normal = await code(clientId, normalVerifier);
    expect(normal.searchParams.get('state')).toBe('s');
    expect((await exchange(normal.searchParams.get('code') ?? '', normalVerifier)).status).toBe(
      200,
    );

    await emu.control.oauthRedirectFault('replay-code');
    const replayedVerifier = generateRandomCodeVerifier();
    const replayed = await code(clientId, replayedVerifier);
    expect(replayed.searchParams.get('code')).toBe(normal.searchParams.get('code'));
    expect(replayed.searchParams.get('state')).toBe('s');
    const again = await exchange(replayed.searchParams.get('code') ?? '', replayedVerifier);
    expect(again.body['error']).toBe('invalid_grant');
  });
});
