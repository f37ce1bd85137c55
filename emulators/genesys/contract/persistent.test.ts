// Persistent connection (station webRtcPersistentEnabled): the peer connection outlives a call and
// the next call arrives as a conversation event only, accepted with PATCH state=connected.
import { describe, expect, it } from 'vitest';
import { useContractEnv, waitRising } from './support';

const env = useContractEnv();

describe('persistent connection', () => {
  it('keeps the peer connection between calls and rings the next call without a propose', async () => {
    const { emu, open } = await env.fresh();
    await emu.control.setStation('agent1', { webRtcPersistentEnabled: true });
    const sdk = await open();

    const first = await emu.control.placeCall({ to: 'agent1', autoAnswer: true });
    await emu.control.waitFor(
      'first connected',
      async () => (await emu.control.call(first.conversationId)).agentState === 'connected',
    );
    await emu.control.hangUp(first.conversationId);
    await sdk.waitEvent('sessionEnded');
    expect((await sdk.rtp(first.sessionId))?.state).toBe('connected');

    const second = await emu.control.placeCall({ to: 'agent1' });
    expect(second.sessionId).toBe(first.sessionId);
    const pending = await sdk.waitEvent('pendingSession', { count: 2 });
    expect(pending.data).toMatchObject({
      conversationId: second.conversationId,
      id: first.sessionId,
    });
    await sdk.accept(second.conversationId);
    await emu.control.waitFor(
      'second connected',
      async () => (await emu.control.call(second.conversationId)).agentState === 'connected',
    );
    const patches = (await emu.control.call(second.conversationId)).patches.map((p) => p.body);
    expect(patches).toEqual([{ state: 'connected' }]);
    await waitRising(
      'RTP at the SDK on the kept connection',
      async () => (await sdk.rtp(first.sessionId))?.packetsReceived ?? 0,
    );
    await emu.control.waitFor(
      'peer sends again',
      async () => (await emu.control.media(second.conversationId)).agentShouldHear,
    );

    await sdk.end(second.conversationId);
    await sdk.waitEvent('sessionEnded', { count: 2 });
    const live = await emu.control.softphoneSessions();
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({
      sessionId: first.sessionId,
      persistent: true,
      state: 'active',
    });
    expect(live[0]?.activeConversationId).toBeUndefined();
    await sdk.destroy();
    await emu.control.waitFor(
      'leg closed',
      async () => (await emu.control.sessions('agent1')).length === 0,
    );
  });
});
