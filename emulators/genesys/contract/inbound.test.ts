// Inbound calls through the real SDK: accept with two-way audio, mute, hold, DTMF, hang-up,
// decline, auto-answer, remote hang-up and the alert timeout.
import { describe, expect, it } from 'vitest';
import { sleep, useContractEnv, waitRising } from './support';

const env = useContractEnv();

describe('inbound calls', () => {
  it('initialises, rings, connects with audio both ways, mutes, holds, sends DTMF and hangs up', async () => {
    const { emu, open } = await env.fresh();
    const sdk = await open();
    const counts = (await emu.control.requests()).counts;
    expect(counts['GET /api/v2/users/me']).toBe(1);
    expect(counts['PUT /api/v2/notifications/channels/{id}/subscriptions']).toBe(1);

    const bigValue = 'x'.repeat(200_000);
    const { conversationId: cid, sessionId } = await emu.control.placeCall({
      to: 'agent1',
      queue: 'Support',
      from: 'tel:+15551234567',
      attributes: { caseNumber: 'CS0001', big: bigValue },
    });
    const pending = await sdk.waitEvent('pendingSession');
    expect(pending.data).toMatchObject({ conversationId: cid, autoAnswer: false, id: sessionId });

    await sdk.accept(cid);
    await sdk.waitEvent('sessionStarted');
    await emu.control.waitFor(
      'agent connected',
      async () => (await emu.control.call(cid)).agentState === 'connected',
    );
    await waitRising(
      'RTP at the SDK',
      async () => (await sdk.rtp(sessionId))?.packetsReceived ?? 0,
    );
    await waitRising(
      'RTP at the emulator peer',
      async () => (await emu.control.media(cid)).peer?.packetsReceived ?? 0,
    );
    const media = await emu.control.waitFor('media flags', async () => {
      const m = await emu.control.media(cid);
      return m.hearsAgent && m.agentShouldHear ? m : undefined;
    });
    expect(media.peer?.connectionState).toBe('connected');

    const detail = await emu.control.call(cid);
    expect(detail.attributes['big']).toHaveLength(200_000);

    await sdk.mute(cid, true);
    await emu.control.waitFor('muted', async () => !(await emu.control.media(cid)).hearsAgent);
    expect((await emu.control.call(cid)).muted).toBe(true);
    await sdk.mute(cid, false);

    await sdk.hold(cid, true);
    await emu.control.waitFor(
      'held, no audio to agent',
      async () => !(await emu.control.media(cid)).agentShouldHear,
    );
    const update = await sdk.waitEvent('conversationUpdate', { count: 2 });
    expect(update).toBeTruthy();
    await sdk.hold(cid, false);
    await emu.control.waitFor('unheld', async () => (await emu.control.media(cid)).agentShouldHear);

    // DTMF is a REST call (the SDK has no DTMF API); the product sends it with the same token.
    const pid = (await emu.control.call(cid)).conversation['participants'] as {
      id: string;
      userId?: string;
    }[];
    const agentPid = pid.find((p) => p.userId)?.id ?? '';
    const res = await fetch(
      `${emu.url}/api/v2/conversations/calls/${cid}/participants/${agentPid}/digits`,
      {
        method: 'POST',
        headers: { authorization: 'Bearer acme-agent1-token', 'content-type': 'application/json' },
        body: JSON.stringify({ digits: '12#' }),
      },
    );
    expect(res.status).toBe(202);

    await sdk.end(cid);
    await sdk.waitEvent('sessionEnded');
    const end = await emu.control.call(cid);
    expect(end.outcome).toBe('agent-hangup');
    expect(end.dtmf.map((d) => d.digits)).toEqual(['12#']);
    expect(end.patches.map((p) => p.body)).toEqual([
      { muted: true },
      { muted: false },
      { held: true },
      { held: false },
      { state: 'disconnected' },
    ]);
    expect(await emu.control.softphoneSessions()).toEqual([]);
  });

  it('declines a ringing call', async () => {
    const { emu, open } = await env.fresh();
    const sdk = await open();
    const { conversationId: cid } = await emu.control.placeCall({ to: 'agent1' });
    await sdk.waitEvent('pendingSession');
    await sdk.decline(cid);
    await emu.control.waitFor(
      'declined',
      async () => (await emu.control.call(cid)).outcome === 'declined',
    );
    expect(await sdk.count('sessionStarted')).toBe(0);
  });

  it('auto-answers when the propose says so', async () => {
    const { emu, open } = await env.fresh();
    const sdk = await open();
    const { conversationId: cid, sessionId } = await emu.control.placeCall({
      to: 'agent1',
      autoAnswer: true,
    });
    const pending = await sdk.waitEvent('pendingSession');
    expect(pending.data?.['autoAnswer']).toBe(true);
    await sdk.waitEvent('sessionStarted');
    await emu.control.waitFor(
      'connected',
      async () => (await emu.control.call(cid)).agentState === 'connected',
    );
    await waitRising(
      'RTP at the SDK',
      async () => (await sdk.rtp(sessionId))?.packetsReceived ?? 0,
    );
  });

  it('ends the call when the far end hangs up', async () => {
    const { emu, open } = await env.fresh();
    const sdk = await open();
    const { conversationId: cid } = await emu.control.placeCall({ to: 'agent1', autoAnswer: true });
    await emu.control.waitFor(
      'connected',
      async () => (await emu.control.call(cid)).agentState === 'connected',
    );
    await emu.control.hangUp(cid);
    await sdk.waitEvent('sessionEnded');
    expect((await emu.control.call(cid)).outcome).toBe('remote-hangup');
  });

  it('retracts a call nobody answers before the alert timeout', async () => {
    const { emu, open } = await env.fresh();
    const sdk = await open();
    const { conversationId: cid } = await emu.control.placeCall({
      to: 'agent1',
      alertTimeoutMs: 800,
    });
    await sdk.waitEvent('pendingSession');
    await sdk.waitEvent('cancelPendingSession', { timeoutMs: 5_000 });
    expect((await emu.control.call(cid)).outcome).toBe('alert-timeout');
    await sleep(100);
    expect(await sdk.count('sessionStarted')).toBe(0);
  });
});

describe('media faults', () => {
  it('drops the requested share of RTP through the loss relay, and audio still flows', async () => {
    const { emu, open } = await env.fresh();
    const sdk = await open();
    const { conversationId: cid, sessionId } = await emu.control.placeCall({
      to: 'agent1',
      autoAnswer: true,
      packetLossPercent: 20,
    });
    await emu.control.waitFor(
      'connected',
      async () => (await emu.control.call(cid)).agentState === 'connected',
    );
    await waitRising(
      'RTP at the SDK',
      async () => (await sdk.rtp(sessionId))?.packetsReceived ?? 0,
      40,
    );
    await waitRising(
      'RTP at the peer',
      async () => (await emu.control.media(cid)).peer?.packetsReceived ?? 0,
      40,
    );
    const report = await emu.control.media(cid);
    expect(report.relay?.lossPercent).toBe(20);
    expect(report.relay?.dropped).toBeGreaterThan(0);
    await emu.control.waitFor(
      'SDK sees lost packets',
      async () => ((await sdk.rtp(sessionId))?.packetsLost ?? 0) > 0,
    );
  });
});
