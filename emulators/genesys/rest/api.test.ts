// The Platform API over real HTTP (no browser, no media): auth, CORS, the shapes the SDK reads,
// injected faults and call control.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGenesysEmulator, type GenesysEmulator } from '../server';
import { SEED } from '../state';

let emu: GenesysEmulator;
beforeAll(async () => {
  emu = await startGenesysEmulator({ media: 'none' });
});
afterAll(async () => {
  await emu.close();
});

const api = (path: string, init: RequestInit & { token?: string } = {}) =>
  fetch(`${emu.url}/api/v2${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${init.token ?? SEED.agent1.token}`,
      'content-type': 'application/json',
    },
  });

describe('Platform API', () => {
  it('answers CORS preflights with the requested headers and exposes Retry-After', async () => {
    const res = await fetch(`${emu.url}/api/v2/users/me`, {
      method: 'OPTIONS',
      headers: {
        origin: 'chrome-extension://abc',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization,x-custom',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('chrome-extension://abc');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization,x-custom');
    expect(res.headers.get('access-control-expose-headers')).toContain('retry-after');
  });

  it('returns the user with jabberId and effective station, and the station', async () => {
    const me = (await (await api('/users/me?expand=station')).json()) as {
      id: string;
      chat: { jabberId: string };
      station: { effectiveStation: { id: string } };
    };
    expect(me.id).toBe(SEED.agent1.userId);
    expect(me.chat.jabberId).toMatch(/@acme\.orgspan\.com$/);
    const st = (await (await api(`/stations/${me.station.effectiveStation.id}`)).json()) as Record<
      string,
      unknown
    >;
    expect(st).toMatchObject({
      type: 'inin_webrtc_softphone',
      webRtcPersistentEnabled: false,
      userId: me.id,
    });
  });

  it('rejects unknown, expired and other-org access with 401/404', async () => {
    expect((await api('/users/me', { token: 'nope' })).status).toBe(401);
    const { token } = await emu.control.issueToken('agent1');
    expect((await api('/organizations/me', { token })).status).toBe(200);
    await emu.control.expireToken(token);
    const res = await api('/organizations/me', { token });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('bad.credentials');
    expect((await api(`/users/${SEED.agent3.userId}`)).status).toBe(404);
  });

  it('injects 429 with Retry-After for a number of requests', async () => {
    await emu.control.restFault({ status: 429, retryAfterSec: 3, count: 1 });
    const first = await api('/organizations/me');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('3');
    expect((await api('/organizations/me')).status).toBe(200);
  });

  it('keeps channel subscriptions, splitting merged topics, and only for the own user', async () => {
    const ch = (await (
      await api('/notifications/channels?connectionType=streaming', { method: 'POST' })
    ).json()) as { id: string };
    const put = await api(`/notifications/channels/${ch.id}/subscriptions`, {
      method: 'PUT',
      body: JSON.stringify([{ id: `v2.users.${SEED.agent1.userId}?conversations&station` }]),
    });
    expect(put.status).toBe(200);
    const channels = await emu.control.channels();
    expect(channels.find((c) => c.id === ch.id)?.topics).toEqual([
      `v2.users.${SEED.agent1.userId}.conversations`,
      `v2.users.${SEED.agent1.userId}.station`,
    ]);
    const other = await api(`/notifications/channels/${ch.id}/subscriptions`, {
      method: 'PUT',
      body: JSON.stringify([{ id: `v2.users.${SEED.agent2.userId}.conversations` }]),
    });
    expect(other.status).toBe(403);
  });

  it('places outbound calls and records attributes, transfer and wrap-up', async () => {
    const created = (await (
      await api('/conversations/calls', {
        method: 'POST',
        body: JSON.stringify({ phoneNumber: '+15550002' }),
      })
    ).json()) as { id: string };
    const conv = (await (await api(`/conversations/${created.id}`)).json()) as {
      participants: {
        id: string;
        userId?: string;
        calls: { state: string; direction: string }[];
      }[];
    };
    const agent = conv.participants.find((p) => p.userId === SEED.agent1.userId);
    expect(agent?.calls[0]).toMatchObject({ state: 'contacting', direction: 'outbound' });
    const pid = agent?.id ?? '';
    const attrs = { note: 'y'.repeat(50_000) };
    expect(
      (
        await api(`/conversations/calls/${created.id}/participants/${pid}/attributes`, {
          method: 'PATCH',
          body: JSON.stringify({ attributes: attrs }),
        })
      ).status,
    ).toBe(202);
    expect(
      (
        await api(`/conversations/calls/${created.id}/participants/${pid}/replace`, {
          method: 'POST',
          body: JSON.stringify({ queueName: 'Billing' }),
        })
      ).status,
    ).toBe(202);
    expect(
      (
        await api(
          `/conversations/calls/${created.id}/participants/${pid}/communications/x/wrapup`,
          { method: 'POST', body: JSON.stringify({ code: 'Resolved', notes: 'ok' }) },
        )
      ).status,
    ).toBe(202);
    const detail = await emu.control.call(created.id);
    expect(detail.transfers[0]?.target).toEqual({ queueName: 'Billing' });
    expect(detail.wrapup).toMatchObject({ name: 'Resolved', notes: 'ok' });
    expect(detail.outcome).toBe('declined');
    const p = (
      detail.conversation['participants'] as {
        id: string;
        attributes: Record<string, string>;
      }[]
    ).find((x) => x.id === pid);
    expect(p?.attributes['note']).toHaveLength(50_000);
    expect((await api('/conversations')).status).toBe(200);
  });

  it('records presence and routing status changes', async () => {
    const res = await api(`/users/${SEED.agent1.userId}/presences/purecloud`, {
      method: 'PATCH',
      body: JSON.stringify({ presenceDefinition: { systemPresence: 'Busy' } }),
    });
    expect(res.status).toBe(200);
    expect(
      (
        await api('/users/me/routingstatus', {
          method: 'PUT',
          body: JSON.stringify({ status: 'IDLE' }),
        })
      ).status,
    ).toBe(200);
    const changes = await emu.control.presenceChanges();
    expect(changes.map((c) => [c.kind, c.value])).toEqual([
      ['presence', 'Busy'],
      ['routingStatus', 'IDLE'],
    ]);
  });
});
