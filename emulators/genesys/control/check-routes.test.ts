// What the connectivity check needs from the emulator: ICE servers offered by XEP-0215 discovery
// set at run time, the live tokens of a user, the echo test number, and a black hole that lets
// sockets open but never answers them.
import { parse, type XMLElement } from 'stanza/jxt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ECHO_NUMBER, isEchoCall } from '../calls/echo';
import { customerOf } from '../calls/model';
import { startGenesysEmulator, type GenesysEmulator } from '../server';
import { SEED } from '../state';
import { NS } from '../xmpp/ns';

let emu: GenesysEmulator;
beforeAll(async () => {
  emu = await startGenesysEmulator({ media: 'none' });
});
afterAll(async () => {
  await emu.close();
});
afterEach(async () => {
  await emu.control.clearFaults();
});

async function channelFor(token: string): Promise<string> {
  const res = await fetch(`${emu.url}/api/v2/notifications/channels?connectionType=streaming`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { id: string }).id;
}

async function openSocket(channelId: string): Promise<{ ws: WebSocket; inbox: XMLElement[] }> {
  const ws = new WebSocket(`${emu.wsUrl}/stream/channels/${channelId}`, 'xmpp');
  const inbox: XMLElement[] = [];
  ws.on('message', (d: Buffer) => inbox.push(parse(d.toString('utf8'))));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return { ws, inbox };
}

describe('ICE servers for discovery', () => {
  it('replaces the TURN list and keeps STUN when only TURN is given', async () => {
    const before = await emu.control.iceServers();
    const turn = [
      { type: 'turn' as const, host: '127.0.0.1', port: 3479, transport: 'tcp' as const },
    ];
    const after = await emu.control.setIceServers({
      turn: [{ ...turn[0]!, username: 'u', password: 'p' }],
    });
    expect(after.stun).toEqual(before.stun);
    expect(after.turn).toEqual([{ ...turn[0], username: 'u', password: 'p' }]);
    expect(emu.hub.options.turnServers).toEqual(after.turn);
    await emu.control.setIceServers({ stun: [], turn: [] });
    expect(await emu.control.iceServers()).toEqual({ stun: [], turn: [] });
  });

  it('refuses a server without a port', async () => {
    await expect(
      emu.control.request('POST', '/ice-servers', { turn: [{ type: 'turn', host: 'x' }] }),
    ).rejects.toThrow('400');
  });
});

describe('live tokens', () => {
  it('lists the tokens that still authenticate, per user', async () => {
    const { token } = await emu.control.issueToken('agent2');
    expect((await emu.control.liveTokens('agent2')).map((t) => t.token)).toContain(token);
    expect((await emu.control.liveTokens('agent1')).map((t) => t.token)).not.toContain(token);
    await emu.control.revokeToken(token);
    expect((await emu.control.liveTokens('agent2')).map((t) => t.token)).not.toContain(token);
  });
});

describe('echo test number', () => {
  it('marks outbound calls to the echo number, however it is spaced', () => {
    const user = emu.hub.dir.users.get(SEED.agent1.userId)!;
    const echo = emu.hub.calls.placeOutbound(user, ` ${ECHO_NUMBER} `.trim());
    const other = emu.hub.calls.placeOutbound(user, '+15550100');
    expect(customerOf(echo)?.name).toBe(ECHO_NUMBER);
    expect(isEchoCall(echo)).toBe(true);
    expect(isEchoCall(other)).toBe(false);
    emu.hub.calls.hangUpRemote(echo.id);
    emu.hub.calls.hangUpRemote(other.id);
  });
});

describe('black hole with open upgrades', () => {
  it('opens new sockets but answers nothing until restored', async () => {
    const channel = await channelFor(SEED.agent1.token);
    await emu.control.blackhole(30, 'open');
    expect((await emu.control.faults()).blackholeUpgrades).toBe('open');
    const { ws, inbox } = await openSocket(channel);
    ws.send(`<open xmlns="${NS.framing}" to="acme.orgspan.com" version="1.0"/>`);
    await new Promise((r) => setTimeout(r, 300));
    expect(inbox).toEqual([]);
    await emu.control.restore();
    await emu.control.waitFor('stream features after restore', async () =>
      inbox.some((e) => e.name === 'stream:features'),
    );
    ws.close();
  });

  it('holds new upgrades by default', async () => {
    const channel = await channelFor(SEED.agent1.token);
    await emu.control.blackhole(30);
    const opening = openSocket(channel);
    let opened = false;
    void opening.then(() => {
      opened = true;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(opened).toBe(false);
    await emu.control.restore();
    (await opening).ws.close();
  });
});
