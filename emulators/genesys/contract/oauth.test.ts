// OAuth authorization code + PKCE: the login page (approve and deny), auto-approve, the token
// endpoint's checks (verifier, single-use code, redirect URI), and that issued tokens work.
import { calculatePKCECodeChallenge, generateRandomCodeVerifier } from 'oauth4webapi';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SEED } from '../state';
import { useContractEnv } from './support';

const env = useContractEnv();
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

async function authorizeUrl(
  base: string,
  clientId: string,
  verifier: string,
  extra: Record<string, string> = {},
) {
  const q = new URLSearchParams({
    client_id: clientId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    code_challenge: await calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: 'st-123',
    prompt: 'login',
    target: SEED.acme.orgId,
    ...extra,
  });
  return `${base}/oauth/authorize?${q.toString()}`;
}

/**
 * Answers the login page's form post from the emulator but keeps the browser from following the
 * redirect (an offline Chromium refuses to navigate to https), and returns the Location.
 */
function captureRedirect(page: Page): Promise<URL> {
  return new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no redirect within 5 s')), 5_000);
    void page.route('**/oauth/authorize/decision', async (route) => {
      try {
        const res = await route.fetch({ maxRedirects: 0, timeout: 5_000 });
        const location = new URL(res.headers()['location'] ?? 'about:blank');
        await route.fulfill({ status: 200, body: 'captured' });
        clearTimeout(timer);
        resolve(location);
      } catch (err) {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
        await route.abort().catch(() => undefined);
      }
    });
  });
}

/** Lets the captured navigation settle and drops the route before closing the page. */
async function closeQuietly(page: Page): Promise<void> {
  await page.waitForLoadState('load', { timeout: 5_000 }).catch(() => undefined);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.close();
}

async function token(base: string, form: Record<string, string>) {
  const res = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('OAuth code + PKCE', () => {
  it('signs in on the login page, redeems the code once, and the token works on REST and XMPP', async () => {
    const { emu, browser, open } = await env.fresh({ tokenExpiresInSec: 600 });
    const { clientId } = await emu.control.registerOAuthClient({
      org: 'Acme Support',
      redirectUris: [REDIRECT],
    });
    const verifier = generateRandomCodeVerifier();
    const page = await browser.newPage();
    try {
      const redirected = captureRedirect(page);
      await page.goto(await authorizeUrl(emu.url, clientId, verifier));
      await page.getByRole('button', { name: /Agent Two/ }).click({ timeout: 5_000 });
      const back = await redirected;
      expect(back.origin + back.pathname).toBe(REDIRECT);
      expect(back.searchParams.get('state')).toBe('st-123');
      const code = back.searchParams.get('code') ?? '';
      expect(code).not.toBe('');

      const wrong = await token(emu.url, {
        grant_type: 'authorization_code',
        client_id: clientId,
        code,
        redirect_uri: REDIRECT,
        code_verifier: generateRandomCodeVerifier(),
      });
      expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    } finally {
      await closeQuietly(page);
    }

    // A code is burnt by any redemption attempt, so start over for the good path.
    await emu.control.autoApprove('agent2');
    const verifier2 = generateRandomCodeVerifier();
    const res = await fetch(await authorizeUrl(emu.url, clientId, verifier2), {
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.get('location') ?? '');
    expect(loc.origin + loc.pathname).toBe(REDIRECT);
    const code2 = loc.searchParams.get('code') ?? '';
    const good = await token(emu.url, {
      grant_type: 'authorization_code',
      client_id: clientId,
      code: code2,
      redirect_uri: REDIRECT,
      code_verifier: verifier2,
    });
    expect(good).toMatchObject({ status: 200, body: { token_type: 'bearer', expires_in: 600 } });
    const replay = await token(emu.url, {
      grant_type: 'authorization_code',
      client_id: clientId,
      code: code2,
      redirect_uri: REDIRECT,
      code_verifier: verifier2,
    });
    expect(replay).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

    const accessToken = String(good.body['access_token']);
    const me = await fetch(`${emu.url}/api/v2/users/me`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(((await me.json()) as { id: string }).id).toBe(SEED.agent2.userId);
    await open(accessToken);
    expect(await emu.control.sessions('agent2')).toHaveLength(1);
  });

  it('redirects with access_denied when the user denies', async () => {
    const { emu, browser } = await env.fresh();
    const { clientId } = await emu.control.registerOAuthClient({
      org: 'acmesupport',
      redirectUris: [REDIRECT],
    });
    const page = await browser.newPage();
    try {
      const redirected = captureRedirect(page);
      await page.goto(await authorizeUrl(emu.url, clientId, generateRandomCodeVerifier()));
      await page.locator('#deny').click({ timeout: 5_000 });
      const back = await redirected;
      expect(back.searchParams.get('error')).toBe('access_denied');
      expect(back.searchParams.get('error_description')).toBeTruthy();
      expect(back.searchParams.get('state')).toBe('st-123');
    } finally {
      await closeQuietly(page);
    }
  });

  it('refuses unregistered redirect URIs without redirecting', async () => {
    const { emu } = await env.fresh();
    const { clientId } = await emu.control.registerOAuthClient({
      org: 'Acme Support',
      redirectUris: [REDIRECT],
    });
    const url = (await authorizeUrl(emu.url, clientId, generateRandomCodeVerifier())).replace(
      encodeURIComponent(REDIRECT),
      encodeURIComponent('https://evil.example/'),
    );
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(400);
  });
});
