import { describe, expect, it } from 'vitest';
import { expandTopics } from './notifications';

describe('expandTopics', () => {
  it('splits merged topics and keeps plain ones', () => {
    expect(expandTopics(['v2.users.u1?conversations&station', 'v2.users.u1.presence'])).toEqual([
      'v2.users.u1.conversations',
      'v2.users.u1.station',
      'v2.users.u1.presence',
    ]);
  });
});
