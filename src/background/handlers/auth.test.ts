import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../shared/logger';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema';
import type { AuthService } from '../auth/auth-service';
import { saveSettings } from '../settings-store';
import { authHandlers } from './auth';
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
