// The streaming connection under faults: a socket drop mid-call, destroy() mid-call, server-side
// pings, and the error statuses the SDK treats as fatal (401) or retryable (429 + Retry-After).
import { describe, expect, it } from 'vitest';
import { sleep, useContractEnv, waitRising } from './support';

const env = useContractEnv();

describe('streaming resilience', () => {
  it('survives a dropped WebSocket mid-call with audio intact and no duplicate session', async () => {
    const { emu, open } = await env.fresh();
    const sdk = await open();
    const { conversationId: cid, sessionId } = await emu.control.placeCall({
      to: 'agent1',
      autoAnswer: true,
    });
    await emu.control.waitFor(
      'connected',
      async () => (await emu.control.call(cid)).agentState === 'connected',
    );
    const before = await emu.control.sessions('agent1');
    expect(before).toHaveLength(1);

    const { dropped } = await emu.control.dropSockets('destroy');
    expect(dropped).toBe(1);
    await sdk.waitEvent('disconnected');
    await waitRising(
      'RTP at the SDK during the gap',
      async () => (await sdk.rtp(sessionId))?.packetsReceived ?? 0,
    );
    const reconnected = await sdk.waitEvent('connected', { count: 2, timeoutMs: 15_000 });
    expect(reconnected.data).toMatchObject({ reconnect: true });

    const after = await emu.control.sessions('agent1');
    expect(after).toHaveLength(1);
    expect(after[0]?.channelId).toBe(before[0]?.channelId);
    expect(after[0]?.fullJid).not.toBe(before[0]?.fullJid);

    // Call control still works over the new socket, and audio still flows both ways.
    await sdk.hold(cid, true);
    await emu.control.waitFor('held', async () => (await emu.control.call(cid)).held);
    await sdk.hold(cid, false);
    await waitRising(
      'RTP at the emulator peer',
      async () => (await emu.control.media(cid)).peer?.packetsReceived ?? 0,
    );
    await waitRising(
      'RTP at the SDK',
      async () => (await sdk.rtp(sessionId))?.packetsReceived ?? 0,
    );
    expect(await sdk.count('sessionStarted')).toBe(1);
    expect(await sdk.count('sessionEnded')).toBe(0);
    await emu.control.hangUp(cid);
    await sdk.waitEvent('sessionEnded');
  });

  it('destroy() mid-call ends the call and leaves no live session', async () => {
    const { emu, open } = await env.fresh();
    const sdk = await open();
    const { conversationId: cid } = await emu.control.placeCall({ to: 'agent1', autoAnswer: true });
    await emu.control.waitFor(
      'connected',
      async () => (await emu.control.call(cid)).agentState === 'connected',
    );
    await sdk.destroy();
    const call = await emu.control.waitFor('ended', async () => {
      const c = await emu.control.call(cid);
      return c.endTime ? c : undefined;
    });
    expect(call.outcome).toBe('client-terminate');
    await emu.control.waitFor(
      'no live XMPP session',
      async () => (await emu.control.sessions('agent1')).length === 0,
    );
    expect(await emu.control.softphoneSessions()).toEqual([]);
  });

  it('pings clients that ask for server-side pings, and they answer', async () => {
    const { emu, open } = await env.fresh({ serverPingIntervalMs: 300 });
    await open('acme-agent1-token', { serverSidePings: true });
    const session = await emu.control.waitFor('two answered pings', async () => {
      const [s] = await emu.control.sessions('agent1');
      return s && s.serverPingsAnswered >= 2 ? s : undefined;
    });
    expect((await emu.control.channels())[0]?.serverPings).toBe(true);
    expect(session.serverPingsSent).toBeGreaterThanOrEqual(session.serverPingsAnswered);
  });

  it('fails initialize() fast on an unknown token (401)', async () => {
    const { blank } = await env.fresh();
    const sdk = await blank();
    const t0 = Date.now();
    const r = await sdk.init('not-a-token');
    expect(r.ok).toBe(false);
    expect(Date.now() - t0).toBeLessThan(3_000);
    const errors = (await sdk.events())
      .filter((e) => e.name === 'sdkError')
      .map((e) => e.data?.['type']);
    expect(errors).toContain('http');
  });

  it('retries a 429 at the pace Retry-After asks for', async () => {
    const { emu, blank } = await env.fresh();
    await emu.control.restFault({
      status: 429,
      retryAfterSec: 1,
      count: 2,
      pathPrefix: '/users/me',
    });
    const sdk = await blank();
    const r = await sdk.init('acme-agent1-token');
    expect(r.ok).toBe(true);
    const times = (await emu.control.requests()).entries
      .filter((e) => e.path === '/api/v2/users/me')
      .map((e) => e.t);
    expect(times).toHaveLength(3);
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(900);
    }
  });

  it('holds upgrades during a black hole and completes them on restore', async () => {
    const { emu, open } = await env.fresh();
    const sdk = await open();
    await emu.control.blackhole(60);
    await emu.control.dropSockets('destroy');
    await sdk.waitEvent('disconnected');
    await sleep(2_500); // the client's first reconnect attempt is now held
    expect((await emu.control.sessions('agent1')).filter((s) => s.state === 'bound')).toHaveLength(
      0,
    );
    await emu.control.restore();
    await sdk.waitEvent('connected', { count: 2, timeoutMs: 20_000 });
    expect((await emu.control.sessions('agent1')).filter((s) => s.state === 'bound')).toHaveLength(
      1,
    );
  });
});

describe('channel loss', () => {
  it('moves the client to a new channel after no_longer_subscribed, with its subscriptions', async () => {
    const { emu, open } = await env.fresh();
    const sdk = await open();
    const [before] = await emu.control.channels();
    expect((await emu.control.noLongerSubscribed('agent1')).sent).toBe(1);
    await sdk.waitEvent('disconnected');
    await sdk.waitEvent('connected', { count: 2, timeoutMs: 15_000 });
    const channels = await emu.control.channels();
    expect(channels.map((c) => c.id)).not.toContain(before?.id);
    await emu.control.waitFor('re-subscribed on the new channel', async () => {
      const [ch] = await emu.control.channels();
      return (
        ch?.topics.some((t) => t.endsWith('.conversations')) &&
        ch.topics.some((t) => t.endsWith('.station'))
      );
    });
    await emu.control.placeCall({ to: 'agent1' });
    await sdk.waitEvent('pendingSession');
  });
});
