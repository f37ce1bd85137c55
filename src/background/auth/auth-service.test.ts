import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { OrgProfile } from '../../shared/auth/profile';
import {
  startFakeLoginServer,
  type FakeLoginServer,
} from '../../shared/auth/testing/fake-login-server';
import { RENEW_ALARM, createChromeAlarms } from './alarms';
import { createAuthService, type AgentProblem, type TokenChange } from './auth-service';
import { identityError, type IdentityPort } from './identity';
import { createTokenStore, type TokenStore } from './token-store';

const CLIENT = '0b3c5f1e-2a4d-4c6e-8f10-123456789abc';
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const T0 = 1_700_000_000_000;
const MIN = 60_000;

let server: FakeLoginServer;
let profile: OrgProfile;
let t: number;
let offline: boolean;
let remembered: boolean;
let changes: (TokenChange | null)[];
let logs: string[];
let identityCalls: { interactive: boolean; url: URL }[];
let askAgent: Mock<(problem: AgentProblem) => void>;

/** Plays Chrome's web-auth window against the fake login server. */
const identity: IdentityPort = {
  redirectUrl: () => REDIRECT,
  async launchWebAuthFlow(url, interactive) {
    identityCalls.push({ interactive, url: new URL(url) });
    if (!interactive && !remembered) {
      throw identityError(new Error('User interaction required.'), false);
    }
    const res = await fetch(url, { redirect: 'manual' });
    return res.headers.get('location') ?? '';
  },
};

function store(persistRefreshToken = false): TokenStore {
  const session = { ...fakeBrowser.storage.session, setAccessLevel: () => Promise.resolve() };
  return createTokenStore({ session, local: fakeBrowser.storage.local }, { persistRefreshToken });
}

/** A fresh service over the same storage: what a restarted service worker sees. */
function service(tokenStore = store()) {
  return createAuthService({
    identity,
    store: tokenStore,
    alarms: createChromeAlarms(fakeBrowser.alarms),
    profiles: {
      get: (id) => Promise.resolve(id === profile.id ? profile : null),
      active: () => Promise.resolve(profile),
    },
    onTokenChanged: (c) => {
      changes.push(c);
    },
    askAgent,
    now: () => t,
    http: {
      fetch: (url, init) =>
        offline ? Promise.reject(new TypeError('fetch failed')) : fetch(url, init),
    },
    log: (event, detail) => logs.push(`${event} ${JSON.stringify(detail ?? {})}`),
  });
}

const alarmTime = async () => (await fakeBrowser.alarms.get(RENEW_ALARM))?.scheduledTime;
const grants = () => server.tokenRequests.map((f) => f.get('grant_type'));

beforeEach(async () => {
  server = await startFakeLoginServer(CLIENT);
  profile = { id: 'p', name: 'Local org', customEnvironment: server.origin, clientId: CLIENT };
  t = T0;
  offline = false;
  remembered = true;
  changes = [];
  logs = [];
  identityCalls = [];
  askAgent = vi.fn<(problem: AgentProblem) => void>();
});
afterEach(async () => {
  await server.close();
});

describe('auth service: happy path', () => {
  it('signs in interactively, stores the token, schedules renewal and announces it', async () => {
    const auth = service();
    const change = await auth.signIn();
    expect(identityCalls).toHaveLength(1);
    expect(identityCalls[0]?.interactive).toBe(true);
    expect(change).toEqual({
      profileId: 'p',
      accessToken: expect.any(String) as unknown,
      expiresAt: T0 + 60 * MIN,
    });
    expect(changes).toEqual([change]);
    expect(await alarmTime()).toBe(T0 + 48 * MIN);
    expect(await auth.currentToken()).toEqual(change);
  });

  it('renews with the refresh token when the alarm fires', async () => {
    server.issueRefreshTokens = true;
    const first = await service().signIn();
    t = T0 + 48 * MIN;
    expect(await service().handleAlarm({ name: RENEW_ALARM })).toBe(true);
    expect(grants()).toEqual(['authorization_code', 'refresh_token']);
    expect(changes.at(-1)?.accessToken).not.toBe(first.accessToken);
    expect(await alarmTime()).toBe(t + 48 * MIN);
  });

  it('renews silently when there is no refresh token', async () => {
    await service().signIn();
    t += 48 * MIN;
    expect(await service().renew()).toMatchObject({ kind: 'renewed', method: 'silent' });
    expect(identityCalls.map((c) => c.interactive)).toEqual([true, false]);
  });

  it('passes prompt=login and the target organisation to the login page', async () => {
    profile = { ...profile, targetOrgId: 'aa11bb22-cc33-4d44-8e55-66ff77889900' };
    await service().signIn({ prompt: 'login' });
    expect(identityCalls[0]?.url.searchParams.get('prompt')).toBe('login');
    expect(identityCalls[0]?.url.searchParams.get('target')).toBe(profile.targetOrgId);
  });

  it('never logs a token', async () => {
    server.issueRefreshTokens = true;
    const change = await service().signIn();
    await service().renew();
    const stored = await store().load();
    for (const secret of [
      change.accessToken,
      stored?.tokens.accessToken,
      stored?.tokens.refreshToken,
    ]) {
      expect(secret).toBeTruthy();
      expect(logs.join('\n')).not.toContain(secret);
    }
  });
});

describe('auth service: failure cases', () => {
  it('falls back from a rejected refresh token to silent re-authorisation', async () => {
    server.issueRefreshTokens = true;
    await service().signIn();
    const s = store();
    const stored = await s.load();
    await s.save({ profileId: 'p', tokens: { ...stored!.tokens, refreshToken: 'revoked' } });
    expect(await service().renew()).toMatchObject({ kind: 'renewed', method: 'silent' });
    expect(grants()).toEqual(['authorization_code', 'refresh_token', 'authorization_code']);
  });

  it('asks the agent when silent re-authorisation needs interaction, keeping the token', async () => {
    const change = await service().signIn();
    remembered = false;
    const outcome = await service().renew();
    expect(outcome).toMatchObject({ kind: 'needs-agent', code: 'auth.interaction-required' });
    expect(askAgent).toHaveBeenCalledWith({
      profileId: 'p',
      code: 'auth.interaction-required',
      message: expect.stringMatching(/Sign in to Genesys Cloud again for "Local org"/) as unknown,
    });
    expect(await alarmTime()).toBeUndefined();
    expect(await service().currentToken()).toEqual(change);
  });

  it('parks a network failure on the alarm and resumes in a new worker', async () => {
    server.issueRefreshTokens = true;
    await service().signIn();
    offline = true;
    expect(await service().renew()).toMatchObject({
      kind: 'retrying',
      method: 'refresh',
      at: T0 + 30_000,
      code: 'auth.network',
    });
    expect(await alarmTime()).toBe(T0 + 30_000);
    offline = false;
    t = T0 + 30_000;
    expect(await service().handleAlarm({ name: RENEW_ALARM })).toBe(true);
    expect(grants()).toEqual(['authorization_code', 'refresh_token']);
    expect((await store().loadRenewal()).method).toBeNull();
  });

  it('ignores alarms that are not its own', async () => {
    expect(await service().handleAlarm({ name: 'other' })).toBe(false);
  });
});

describe('auth service: 401 and lifecycle', () => {
  it('renews once on a 401, then backs off instead of storming', async () => {
    server.issueRefreshTokens = true;
    await service().signIn();
    t = T0 + 20 * MIN;
    expect(await service().reportUnauthorized()).toBe('renew-now');
    t += 15_000;
    expect(await service().reportUnauthorized()).toBe('wait');
    expect(await alarmTime()).toBe(T0 + 20 * MIN + 30_000);
    expect(grants()).toEqual(['authorization_code', 'refresh_token']);
  });

  it('coalesces a 401 that arrives while a renewal runs', async () => {
    await service().signIn();
    t += 20 * MIN;
    const auth = service();
    const renewal = auth.renew();
    expect(await auth.reportUnauthorized()).toBe('ignore');
    await renewal;
    expect(identityCalls).toHaveLength(2);
  });

  it('signs out completely', async () => {
    const s = store(true);
    server.issueRefreshTokens = true;
    await service(s).signIn();
    expect(await fakeBrowser.storage.local.get(null)).not.toEqual({});
    await service(s).signOut();
    expect(changes.at(-1)).toBeNull();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await alarmTime()).toBeUndefined();
    expect(await service(s).currentToken()).toBeNull();
    expect(await service(s).reportUnauthorized()).toBe('signed-out');
  });

  it('restores a lost alarm, and renews from a kept refresh token after a browser restart', async () => {
    server.issueRefreshTokens = true;
    await service(store(true)).signIn();
    await fakeBrowser.alarms.clearAll();
    await service(store(true)).restore();
    expect(await alarmTime()).toBe(T0 + 48 * MIN);
    await fakeBrowser.storage.session.clear(); // browser restart
    t = T0 + 8 * 60 * MIN;
    await service(store(true)).restore();
    expect(changes.at(-1)).toMatchObject({ profileId: 'p', expiresAt: t + 60 * MIN });
  });

  it('re-authorises silently after the session storage was wiped (restart, update)', async () => {
    await service().signIn();
    await fakeBrowser.storage.session.clear();
    expect(await service().currentToken()).toBeNull();
    t = T0 + 8 * 60 * MIN;
    expect(await service().renew()).toMatchObject({ kind: 'renewed', method: 'silent' });
    expect(identityCalls.map((c) => c.interactive)).toEqual([true, false]);
    expect(await service().currentToken()).toMatchObject({ profileId: 'p' });
  });

  it('asks the agent when the identity provider needs them after a restart', async () => {
    await service().signIn();
    await fakeBrowser.storage.session.clear();
    remembered = false;
    expect(await service().renew()).toMatchObject({ kind: 'needs-agent' });
    expect(askAgent).toHaveBeenCalledOnce();
  });

  it('does not re-authorise after sign-out, and leaves no token in any storage area', async () => {
    const s = store(true);
    server.issueRefreshTokens = true;
    const change = await service(s).signIn();
    const kept = await s.load();
    await service(s).signOut();
    await fakeBrowser.storage.session.clear();
    expect(await service(s).renew()).toEqual({ kind: 'signed-out' });
    const everything = JSON.stringify([
      await fakeBrowser.storage.local.get(null),
      await fakeBrowser.storage.session.get(null),
      await fakeBrowser.storage.sync.get(null),
    ]);
    for (const secret of [change.accessToken, kept?.tokens.refreshToken]) {
      expect(secret).toBeTruthy();
      expect(everything).not.toContain(secret);
    }
    expect(identityCalls).toHaveLength(1);
  });

  it('drops a renewal that finishes after sign-out', async () => {
    await service().signIn();
    const auth = service();
    const renewal = auth.renew();
    await auth.signOut();
    expect(await renewal).toEqual({ kind: 'superseded' });
    expect(await auth.currentToken()).toBeNull();
  });
});
