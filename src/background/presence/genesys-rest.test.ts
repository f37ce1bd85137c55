import { describe, expect, it } from 'vitest';
import { createPresenceApi, type FetchLike } from './genesys-rest';
import { sleepingClock } from '../../shared/genesys/retry-after.testkit';

const access = () => Promise.resolve({ apiBase: 'https://api.example.test', token: 'tok' });

function platform(statuses: number[]) {
  const seen: string[] = [];
  const fetchFn: FetchLike = (url, init) => {
    seen.push(`${init.method ?? 'GET'} ${new URL(url).pathname}`);
    const status = statuses.shift() ?? 200;
    const headers = status === 429 ? { 'Retry-After': '3' } : {};
    const body = status === 200 ? JSON.stringify({ entities: [] }) : null;
    return Promise.resolve(new Response(body, { status, headers }));
  };
  return { fetchFn, seen };
}

const fakeTime = sleepingClock;

describe('presence API under Genesys rate limits', () => {
  it('tries a 429 again after its Retry-After, once per wait, and the change lands', async () => {
    const { fetchFn, seen } = platform([200, 429, 429, 204]);
    const time = fakeTime();
    const api = createPresenceApi(access, fetchFn, () => undefined, time);
    await api.setPresence('On Queue');
    expect(seen).toEqual([
      'GET /api/v2/presencedefinitions',
      'PATCH /api/v2/users/me/presences/purecloud',
      'PATCH /api/v2/users/me/presences/purecloud',
      'PATCH /api/v2/users/me/presences/purecloud',
    ]);
    expect(time.waits).toEqual([3_000, 3_000]);
  });

  it('does not retry other failures', async () => {
    const { fetchFn, seen } = platform([500]);
    const api = createPresenceApi(access, fetchFn, () => undefined, fakeTime());
    await expect(api.setRouting('IDLE')).rejects.toMatchObject({ code: 'presence.http' });
    expect(seen).toHaveLength(1);
  });
});
