// Outbound calls placed with the SDK's startSoftphoneSession.
import { describe, expect, it } from 'vitest';
import { useContractEnv, waitRising } from './support';

const env = useContractEnv();

describe('outbound calls', () => {
  it('places a call that auto-answers, carries audio and ends from the agent side', async () => {
    const { emu, open } = await env.fresh({ outboundAnswerDelayMs: 200 });
    const sdk = await open();
    const { id: cid } = await sdk.dial('+15550002');
    const pending = await sdk.waitEvent('pendingSession');
    expect(pending.data).toMatchObject({ conversationId: cid, autoAnswer: true });
    await sdk.waitEvent('sessionStarted');
    const call = await emu.control.waitFor('far end connected', async () => {
      const c = await emu.control.call(cid);
      const far = (c.conversation['participants'] as { purpose: string; state: string }[]).find(
        (p) => p.purpose === 'external',
      );
      return c.agentState === 'connected' && far?.state === 'connected' ? c : undefined;
    });
    expect(call.direction).toBe('outbound');
    expect(call.customer).toBe('tel:+15550002');
    const sid = call.sessionId ?? '';
    await waitRising('RTP at the SDK', async () => (await sdk.rtp(sid))?.packetsReceived ?? 0);
    await waitRising(
      'RTP at the emulator peer',
      async () => (await emu.control.media(cid)).peer?.packetsReceived ?? 0,
    );
    await sdk.end(cid);
    await sdk.waitEvent('sessionEnded');
    expect((await emu.control.call(cid)).outcome).toBe('agent-hangup');
  });
});
