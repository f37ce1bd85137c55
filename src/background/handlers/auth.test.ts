import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../shared/logger';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema';
import type { AuthService } from '../auth/auth-service';
import { saveSettings } from '../settings-store';
import { authHandlers, type SessionControls } from './auth';
import type { WorkerDeps } from './deps';

const PROFILE = {
  id: 'acme',
  name: 'Acme Support',
  region: 'eu_west_1',
  clientId: '0b3c5f1e-1111-4222-8333-444455556666',
};

const signIn = vi.fn(() => Promise.resolve({ profileId: 'acme', accessToken: 't', expiresAt: 1 }));

function fakeAuth(): AuthService {
  return { signIn, currentToken: vi.fn(() => Promise.resolve(null)) } as unknown as AuthService;
}

describe('auth.signIn', () => {
  it('signs in to a profile saved a moment ago, before the worker copy of the settings is refreshed', async () => {
    const saved = await saveSettings({
      ...DEFAULT_SETTINGS,
      genesys: { profiles: [PROFILE], activeId: 'acme' },
    });
    expect(saved.ok).toBe(true);
    const auth = fakeAuth();
    const deps = {
      settings: () => DEFAULT_SETTINGS,
      log: createLogger('test'),
    } as unknown as WorkerDeps;
    const meta = { from: 'ui' as const, sender: {} };
    await authHandlers(deps, auth)['auth.signIn']({}, meta);
    expect(signIn).toHaveBeenCalledWith({ profile: expect.objectContaining({ id: 'acme' }) });
  });
});

describe('auth.signOut and auth.switchOrg', () => {
  const meta = { from: 'ui' as const, sender: {} };
  const deps = {
    settings: () => DEFAULT_SETTINGS,
    log: createLogger('test'),
  } as unknown as WorkerDeps;

  const switchTo = vi.fn(() =>
    Promise.resolve({ status: 'switched' as const, profileId: 'acme', warnings: [] }),
  );
  let failure: { profileId: string; step: 'signing-in'; message: string } | undefined;
  function controls(): SessionControls {
    switchTo.mockClear();
    failure = { profileId: 'acme', step: 'signing-in', message: 'no' };
    return {
      leave: {
        leave: vi.fn(() => Promise.resolve({ stopped: true, backoffCleared: 0, revoke: null })),
      },
      orgSwitch: { switchTo },
      progress: {
        view: () => Promise.resolve(failure ? { switchFailure: failure } : {}),
        dismissFailure: () => {
          failure = undefined;
          return Promise.resolve();
        },
      },
    };
  }

  it('signs out by leaving the whole session, not only by forgetting tokens', async () => {
    const auth = { ...fakeAuth(), signOut: vi.fn() } as unknown as AuthService;
    const c = controls();
    const state = await authHandlers(deps, auth, c)['auth.signOut'](null, meta);
    expect(c.leave.leave).toHaveBeenCalled();
    expect(auth.signOut).not.toHaveBeenCalled();
    // A failed switch is old news once the agent signed out.
    expect(state.switchFailure).toBeUndefined();
  });

  it('switches to a stored profile with the confirmation passed on, and answers with the state', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, genesys: { profiles: [PROFILE], activeId: 'acme' } });
    const c = controls();
    const reply = await authHandlers(deps, fakeAuth(), c)['auth.switchOrg'](
      { profileId: 'acme', confirmEndCalls: true },
      meta,
    );
    expect(switchTo).toHaveBeenCalledWith(expect.objectContaining({ id: 'acme' }), true);
    expect(reply).toMatchObject({ status: 'switched', state: { signedIn: false } });
  });

  it('refuses an unknown profile', async () => {
    const c = controls();
    await expect(
      Promise.resolve(
        authHandlers(deps, fakeAuth(), c)['auth.switchOrg']({ profileId: 'nope' }, meta),
      ),
    ).rejects.toThrow(/nope/);
    expect(switchTo).not.toHaveBeenCalled();
  });
});
