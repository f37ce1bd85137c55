import { describe, expect, it, vi } from 'vitest';
import { createLeaveSession, type LeaveSessionDeps } from './leave-session';
import { revokeToken } from './token-revoke';

const TOKEN = { profileId: 'acme', accessToken: 'secret-token', expiresAt: 10 };

function setup(over: Partial<LeaveSessionDeps> = {}) {
  const order: string[] = [];
  let token: typeof TOKEN | null = TOKEN;
  const deps: LeaveSessionDeps = {
    toOffscreen: vi.fn((type: string) => {
      order.push(type);
      return Promise.resolve(type === 'auth.stopSoftphone' ? { stopped: true } : { cleared: 2 });
    }),
    auth: {
      currentToken: () => Promise.resolve(token),
      signOut: vi.fn(() => {
        order.push('signOut');
        token = null;
        return Promise.resolve();
      }),
    },
    apiBaseOf: () => 'https://api.example.test/',
    forgetCached: vi.fn(() => {
      order.push('forgetCached');
      return Promise.resolve();
    }),
    fetch: vi.fn((url: string, init: RequestInit) => {
      order.push(`${String(init.method)} ${url}`);
      return Promise.resolve({ status: 204 });
    }),
    log: vi.fn(),
    ...over,
  };
  return { deps, order, leave: createLeaveSession(deps) };
}

describe('leaving the session (sign-out)', () => {
  it('stops the softphone, clears the backoff, revokes the token, then forgets everything', async () => {
    const { deps, order, leave } = setup();
    const report = await leave.leave();
    expect(order).toEqual([
      'auth.stopSoftphone',
      'auth.clearBackoff',
      'DELETE https://api.example.test/api/v2/tokens/me',
      'signOut',
      'forgetCached',
    ]);
    expect(report).toEqual({ stopped: true, backoffCleared: 2, revoke: { revoked: true } });
    const init = vi.mocked(deps.fetch).mock.calls[0]?.[1];
    expect(init?.headers).toEqual({ authorization: 'Bearer secret-token' });
  });

  it('forgets locally even when Genesys cannot be reached and the offscreen document fails', async () => {
    const { deps, order, leave } = setup({
      fetch: () => Promise.reject(new Error('offline')),
      toOffscreen: (() =>
        Promise.reject(new Error('no document'))) as unknown as LeaveSessionDeps['toOffscreen'],
    });
    const report = await leave.leave();
    expect(report).toEqual({
      stopped: false,
      backoffCleared: null,
      revoke: { revoked: false, reason: 'unreachable' },
    });
    expect(order).toEqual(['signOut', 'forgetCached']);
    expect(deps.log).toHaveBeenCalledWith('auth.revoke-failed', {
      reason: 'unreachable',
      status: 0,
    });
  });

  it('does not ask Genesys when there is no token', async () => {
    const { deps, leave } = setup({
      auth: { currentToken: () => Promise.resolve(null), signOut: () => Promise.resolve() },
    });
    expect((await leave.leave()).revoke).toBeNull();
    expect(deps.fetch).not.toHaveBeenCalled();
  });
});

describe('revokeToken', () => {
  it('counts 2xx and 401 as revoked and anything else as refused', async () => {
    const answer = (status: number) => () => Promise.resolve({ status });
    await expect(revokeToken('https://a', 't', answer(200))).resolves.toEqual({ revoked: true });
    await expect(revokeToken('https://a', 't', answer(401))).resolves.toEqual({ revoked: true });
    await expect(revokeToken('https://a', 't', answer(503))).resolves.toEqual({
      revoked: false,
      reason: 'refused',
      status: 503,
    });
  });

  it('gives up after its bound', async () => {
    const hangs = (_url: string, init: RequestInit) =>
      new Promise<{ status: number }>((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new Error('aborted')));
      });
    await expect(revokeToken('https://a', 't', hangs, 20)).resolves.toEqual({
      revoked: false,
      reason: 'unreachable',
    });
  });
});
