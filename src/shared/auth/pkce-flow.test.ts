import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthError } from './auth-error';
import {
  beginAuthorization,
  completeAuthorization,
  refresh,
  type PendingAuthorization,
} from './pkce-flow';
import type { OrgProfile } from './profile';
import { startFakeLoginServer, type FakeLoginServer } from './testing/fake-login-server';

const CLIENT = '0b3c5f1e-2a4d-4c6e-8f10-123456789abc';
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const NOW = 1_700_000_000_000;
const now = () => NOW;

let server: FakeLoginServer;
let profile: OrgProfile;

beforeEach(async () => {
  server = await startFakeLoginServer(CLIENT);
  profile = { id: 'p', name: 'Local', customEnvironment: server.origin, clientId: CLIENT };
});
afterEach(async () => {
  await server.close();
});

/** Plays the browser: open the authorize URL and read where the login server redirects. */
async function authorize(pending: PendingAuthorization): Promise<string> {
  const res = await fetch(pending.url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return res.headers.get('location') ?? '';
}

async function rejection(p: Promise<unknown>): Promise<AuthError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AuthError);
  return e as AuthError;
}

describe('beginAuthorization', () => {
  it('builds a code + S256 request with state and the optional hints', async () => {
    const p = await beginAuthorization(
      { ...profile, targetOrgId: 'org-9', ssoProvider: 'okta', ssoOrg: 'acme' },
      REDIRECT,
      { prompt: 'login' },
    );
    const url = new URL(p.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${server.origin}/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: CLIENT,
      response_type: 'code',
      redirect_uri: REDIRECT,
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown,
      code_challenge_method: 'S256',
      state: p.state,
      target: 'org-9',
      provider: 'okta',
      org: 'acme',
      prompt: 'login',
    });
    expect(url.searchParams.get('code_challenge')).not.toBe(p.codeVerifier);
  });

  it('uses the region login host', async () => {
    const p = await beginAuthorization(
      { id: 'j', name: 'Japan', region: 'ap_northeast_1', clientId: CLIENT },
      REDIRECT,
    );
    expect(p.url.startsWith('https://login.mypurecloud.jp/oauth/authorize?')).toBe(true);
    expect(new URL(p.url).searchParams.has('prompt')).toBe(false);
  });
});

describe('completeAuthorization: happy path', () => {
  it('exchanges the code with the matching verifier', async () => {
    const pending = await beginAuthorization(profile, REDIRECT);
    const tokens = await completeAuthorization(await authorize(pending), pending, { now });
    expect(tokens).toEqual({
      accessToken: expect.any(String) as unknown,
      issuedAt: NOW,
      expiresAt: NOW + 3600_000,
    });
    const form = server.tokenRequests[0];
    expect(form?.get('grant_type')).toBe('authorization_code');
    expect(form?.get('code_verifier')).toBe(pending.codeVerifier);
    expect(form?.get('redirect_uri')).toBe(REDIRECT);
  });

  it('talks https to a cloud region (no insecure allowance needed)', async () => {
    const cloud = { id: 'c', name: 'C', region: 'eu_west_1', clientId: CLIENT } as const;
    const pending = await beginAuthorization(cloud, REDIRECT);
    const seen: string[] = [];
    const tokens = await completeAuthorization(
      `${REDIRECT}?code=abc&state=${pending.state}`,
      pending,
      {
        now,
        fetch: (url) => {
          seen.push(url);
          return Promise.resolve(
            Response.json({ access_token: 'at', token_type: 'Bearer', expires_in: 60 }),
          );
        },
      },
    );
    expect(seen).toEqual(['https://login.mypurecloud.ie/oauth/token']);
    expect(tokens.expiresAt).toBe(NOW + 60_000);
  });
});

describe('completeAuthorization: failure cases', () => {
  it('fails when the verifier does not match the challenge (PKCE enforced)', async () => {
    const pending = await beginAuthorization(profile, REDIRECT);
    const other = await beginAuthorization(profile, REDIRECT);
    const e = await rejection(
      completeAuthorization(await authorize(pending), {
        ...pending,
        codeVerifier: other.codeVerifier,
      }),
    );
    expect(e.code).toBe('auth.invalid-grant');
    expect(e.message).toMatch(/rejected the sign-in code/);
  });

  it('rejects a replayed code', async () => {
    const pending = await beginAuthorization(profile, REDIRECT);
    const redirected = await authorize(pending);
    await completeAuthorization(redirected, pending);
    const e = await rejection(completeAuthorization(redirected, pending));
    expect(e.code).toBe('auth.invalid-grant');
    expect(e.oauthError).toBe('invalid_grant');
  });

  it('refuses a state mismatch without calling the token endpoint', async () => {
    const pending = await beginAuthorization(profile, REDIRECT);
    const redirected = await authorize(pending);
    const e = await rejection(completeAuthorization(redirected, { ...pending, state: 'other' }));
    expect(e.code).toBe('auth.state-mismatch');
    expect(server.tokenRequests).toHaveLength(0);
  });

  it('reports access_denied with its description', async () => {
    server.denyNext = { error: 'access_denied', description: 'The user denied the request' };
    const pending = await beginAuthorization(profile, REDIRECT);
    const e = await rejection(completeAuthorization(await authorize(pending), pending));
    expect(e.code).toBe('auth.denied');
    expect(e.message).toMatch(/access_denied: The user denied the request/);
  });

  it('reports an error redirect that carries no state', async () => {
    const pending = await beginAuthorization(profile, REDIRECT);
    const e = await rejection(completeAuthorization(`${REDIRECT}?error=server_error`, pending));
    expect(e.code).toBe('auth.authorize-error');
    expect(e.message).toMatch(/server_error/);
  });

  it('refuses a redirect to another address', async () => {
    const pending = await beginAuthorization(profile, REDIRECT);
    const e = await rejection(
      completeAuthorization(`https://evil.example/?code=x&state=${pending.state}`, pending),
    );
    expect(e.code).toBe('auth.redirect-mismatch');
  });

  it('names invalid_client with the client id', async () => {
    const pending = await beginAuthorization(profile, REDIRECT);
    const redirected = await authorize(pending);
    const other = {
      ...pending,
      profile: { ...profile, clientId: 'ffffffff-2a4d-4c6e-8f10-123456789abc' },
    };
    const e = await rejection(completeAuthorization(redirected, other));
    expect(e.code).toBe('auth.invalid-client');
    expect(e.message).toMatch(/ffffffff-2a4d/);
  });

  it('maps an unexpected 503 to a retryable server error', async () => {
    const pending = await beginAuthorization(profile, REDIRECT);
    server.failNextTokenWithStatus = 503;
    const e = await rejection(completeAuthorization(await authorize(pending), pending));
    expect(e.code).toBe('auth.server');
    expect(e.message).toMatch(/HTTP 503/);
    expect(e.retryable).toBe(true);
  });

  it('maps an unreachable login server to a retryable network error', async () => {
    const pending = await beginAuthorization(profile, REDIRECT);
    const redirected = await authorize(pending);
    await server.close();
    const e = await rejection(completeAuthorization(redirected, pending));
    expect(e.code).toBe('auth.network');
    expect(e.retryable).toBe(true);
    expect(e.message).toContain(server.origin);
    server = await startFakeLoginServer(CLIENT); // for afterEach
  });
});

describe('refresh', () => {
  it('renews with a refresh token, which rotates', async () => {
    server.issueRefreshTokens = true;
    const pending = await beginAuthorization(profile, REDIRECT);
    const first = await completeAuthorization(await authorize(pending), pending, { now });
    expect(first.refreshToken).toEqual(expect.any(String));
    const second = await refresh(profile, first, { now: () => NOW + 1000 });
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.issuedAt).toBe(NOW + 1000);
    const e = await rejection(refresh(profile, first));
    expect(e.code).toBe('auth.invalid-grant');
    expect(e.message).toMatch(/can no longer be renewed/);
  });

  it('says so when there is no refresh token', async () => {
    const e = await rejection(refresh(profile, { accessToken: 'a', issuedAt: 0, expiresAt: 1 }));
    expect(e.code).toBe('auth.no-refresh-token');
  });
});
