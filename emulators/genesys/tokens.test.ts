import { describe, expect, it } from 'vitest';
import { TokenStore, bearerToken } from './tokens';

describe('TokenStore', () => {
  it('finds issued tokens and tells expired from revoked from unknown', () => {
    let now = 1_000;
    const store = new TokenStore(() => now);
    const a = store.issue('u1', 'o1', { expiresInSec: 10 });
    const b = store.issue('u1', 'o1');
    expect(store.lookup(a.token)).toMatchObject({ ok: true, record: { userId: 'u1' } });
    now += 10_000;
    expect(store.lookup(a.token)).toEqual({ ok: false, reason: 'expired' });
    expect(store.lookup(b.token).ok).toBe(true);
    store.revoke(b.token);
    expect(store.lookup(b.token)).toEqual({ ok: false, reason: 'revoked' });
    expect(store.lookup('nope')).toEqual({ ok: false, reason: 'unknown' });
    expect(store.lookup(undefined)).toEqual({ ok: false, reason: 'missing' });
  });

  it('expires on demand and restores demo tokens', () => {
    const store = new TokenStore();
    store.add({ token: 'demo', userId: 'u', orgId: 'o', expiresAt: null, source: 'demo' });
    expect(store.expire('demo')).toBe(true);
    expect(store.lookup('demo')).toEqual({ ok: false, reason: 'expired' });
    store.restoreDemo();
    expect(store.lookup('demo').ok).toBe(true);
    expect(store.revokeUser('u')).toBe(1);
    expect(store.lookup('demo').ok).toBe(false);
  });
});

describe('bearerToken', () => {
  it('accepts only "Bearer <token>"', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer   abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
