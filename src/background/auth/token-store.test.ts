import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { FRESH_RENEWAL, KEYS, createTokenStore, type SessionAreaLike } from './token-store';

const tokens = { accessToken: 'at-1', issuedAt: 1, expiresAt: 3_600_001, refreshToken: 'rt-1' };

function setup(persistRefreshToken = false) {
  const order: string[] = [];
  const raw = fakeBrowser.storage.session;
  const setAccessLevel = vi.fn(() => {
    order.push('setAccessLevel');
    return Promise.resolve();
  });
  const session: SessionAreaLike = {
    get: (keys) => raw.get(keys),
    set: async (items) => {
      order.push('set');
      await raw.set(items);
    },
    remove: (keys) => raw.remove(keys),
    setAccessLevel,
  };
  const store = createTokenStore(
    { session, local: fakeBrowser.storage.local },
    { persistRefreshToken },
  );
  return { store, setAccessLevel, order };
}

describe('token store', () => {
  it('restricts the session area to trusted contexts before the first write, once', async () => {
    const { store, setAccessLevel, order } = setup();
    await store.save({ profileId: 'p', tokens });
    await store.save({ profileId: 'p', tokens });
    expect(order.slice(0, 2)).toEqual(['setAccessLevel', 'set']);
    expect(setAccessLevel).toHaveBeenCalledTimes(1);
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('round-trips the session and keeps tokens out of storage.local by default', async () => {
    const { store } = setup();
    await store.save({ profileId: 'p', tokens });
    expect(await store.load()).toEqual({ profileId: 'p', tokens });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      [KEYS.signedIn]: { profileId: 'p' },
    });
    expect(await store.loadPersistedRefresh()).toBeNull();
    expect(await store.loadSignedInProfile()).toBe('p');
  });

  it('persists only the refresh token when asked to', async () => {
    const { store } = setup(true);
    await store.save({ profileId: 'p', tokens });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      [KEYS.persistedRefresh]: { profileId: 'p', refreshToken: 'rt-1' },
      [KEYS.signedIn]: { profileId: 'p' },
    });
    expect(await store.loadPersistedRefresh()).toEqual({ profileId: 'p', refreshToken: 'rt-1' });
    const { accessToken, issuedAt, expiresAt } = tokens;
    await store.save({ profileId: 'p', tokens: { accessToken, issuedAt, expiresAt } });
    expect(await store.loadPersistedRefresh()).toBeNull();
  });

  it('forgets everything on clear', async () => {
    const { store } = setup(true);
    await store.save({ profileId: 'p', tokens });
    await store.saveRenewal({ ...FRESH_RENEWAL, attempt: 3, method: 'refresh' });
    await store.clear();
    expect(await store.load()).toBeNull();
    expect(await store.loadRenewal()).toEqual(FRESH_RENEWAL);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await store.loadSignedInProfile()).toBeNull();
  });

  it('ignores malformed stored values', async () => {
    const { store } = setup();
    await fakeBrowser.storage.session.set({ [KEYS.session]: { profileId: 'p' } });
    expect(await store.load()).toBeNull();
  });
});
