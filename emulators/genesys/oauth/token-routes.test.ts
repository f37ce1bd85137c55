// DELETE /api/v2/tokens/me revokes the token the request carries, the request log says which token
// a request used, and the control API lists what of one organisation is still live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startGenesysEmulator, type GenesysEmulator } from '../server';
import { SEED } from '../state';
import { tokenRef } from './token-routes';

let emu: GenesysEmulator;
beforeAll(async () => {
  emu = await startGenesysEmulator({ media: 'none' });
});
afterAll(async () => {
  await emu.close();
});

const api = (path: string, token: string, method = 'GET') =>
  fetch(`${emu.url}/api/v2${path}`, { method, headers: { authorization: `Bearer ${token}` } });

describe('DELETE /api/v2/tokens/me', () => {
  it('revokes only the token used, which then no longer authenticates', async () => {
    const { token } = await emu.control.issueToken('agent2');
    const { token: other } = await emu.control.issueToken('agent2');
    expect((await api('/users/me', token)).status).toBe(200);
    expect((await api('/tokens/me', token, 'DELETE')).status).toBe(204);
    expect((await api('/users/me', token)).status).toBe(401);
    expect((await api('/users/me', other)).status).toBe(200);
    const live = (await emu.control.liveTokens('agent2')).map((t) => t.token);
    expect(live).toContain(other);
    expect(live).not.toContain(token);
  });

  it('logs which token each request used, by reference only', async () => {
    const { token } = await emu.control.issueToken('agent1');
    const since = Date.now();
    await api('/users/me', token);
    const { entries } = await emu.control.requests(since);
    const entry = entries.find((e) => e.path === '/api/v2/users/me');
    expect(entry?.token).toBe(tokenRef(token));
    expect(JSON.stringify(entries)).not.toContain(token);
  });
});

describe('GET /_emulator/orgs/:id/sessions', () => {
  it('lists a streaming socket under its user organisation only', async () => {
    const created = await api(
      '/notifications/channels?connectionType=streaming',
      SEED.agent3.token,
      'POST',
    );
    const { id } = (await created.json()) as { id: string };
    const ws = new WebSocket(`${emu.wsUrl}/stream/channels/${id}`, 'xmpp');
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    try {
      await emu.control.waitFor('socket of Globex', async () =>
        (await emu.control.orgSessions(SEED.globex.orgId)).channels.some((c) => c.id === id),
      );
      const acme = await emu.control.orgSessions(SEED.acme.orgId);
      expect(acme.channels.map((c) => c.id)).not.toContain(id);
    } finally {
      ws.close();
    }
    await emu.control.waitFor('socket of Globex closed', async () =>
      (await emu.control.orgSessions(SEED.globex.orgId)).channels.every((c) => c.id !== id),
    );
  });
});
