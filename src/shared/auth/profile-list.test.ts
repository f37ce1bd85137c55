import { describe, expect, it } from 'vitest';
import type { OrgProfile } from './profile';
import {
  EMPTY_PROFILE_LIST,
  activeProfile,
  parseProfileList,
  removeProfile,
  setActiveProfile,
  upsertProfile,
} from './profile-list';

const CLIENT = '0b3c5f1e-2a4d-4c6e-8f10-123456789abc';
const a: OrgProfile = { id: 'a', name: 'A', region: 'us_east_1', clientId: CLIENT };
const b: OrgProfile = { id: 'b', name: 'B', region: 'eu_west_1', clientId: CLIENT };

describe('profile list', () => {
  it('makes the first profile active and keeps the active one on later adds', () => {
    const one = upsertProfile(EMPTY_PROFILE_LIST, a);
    expect(activeProfile(one)).toEqual(a);
    const two = upsertProfile(one, b);
    expect(two.profiles.map((p) => p.id)).toEqual(['a', 'b']);
    expect(two.activeId).toBe('a');
    expect(activeProfile(setActiveProfile(two, 'b'))).toEqual(b);
  });

  it('replaces a profile with the same id', () => {
    const list = upsertProfile(upsertProfile(EMPTY_PROFILE_LIST, a), { ...a, name: 'A2' });
    expect(list.profiles).toEqual([{ ...a, name: 'A2' }]);
  });

  it('moves the active mark when the active profile is removed', () => {
    const list = { profiles: [a, b], activeId: 'a' };
    expect(removeProfile(list, 'a')).toEqual({ profiles: [b], activeId: 'b' });
    expect(removeProfile({ profiles: [a], activeId: 'a' }, 'a')).toEqual(EMPTY_PROFILE_LIST);
    expect(removeProfile(list, 'b').activeId).toBe('a');
  });

  it('refuses to activate an unknown profile', () => {
    expect(() => setActiveProfile({ profiles: [a], activeId: 'a' }, 'zz')).toThrow(
      /no organisation profile "zz"/,
    );
  });

  it('validates a stored list: duplicate ids, dangling active id, bad profiles', () => {
    expect(parseProfileList({ profiles: [a, b], activeId: 'b' })).toEqual({
      profiles: [a, b],
      activeId: 'b',
    });
    expect(() => parseProfileList({ profiles: [a, a], activeId: 'a' })).toThrow(/share the id "a"/);
    expect(() => parseProfileList({ profiles: [a], activeId: 'b' })).toThrow(
      /active profile "b" does not exist/,
    );
    expect(() => parseProfileList({ profiles: [{ ...a, clientId: 'x' }], activeId: null })).toThrow(
      /profiles\.0\.clientId/,
    );
  });
});
