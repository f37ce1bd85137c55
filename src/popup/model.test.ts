import { describe, expect, it } from 'vitest';
import { call, snapshot } from '../test/snapshots';
import { agentState, connectionView, elapsed, liveCalls, recentCalls } from './model';

describe('popup model', () => {
  it('says "Reconnecting…" with the next attempt while backing off', () => {
    const view = connectionView(
      snapshot({ connection: { state: 'backing-off', attempt: 2, nextRetryAt: 12_400 } }),
      10_000,
    );
    expect(view).toEqual({
      tone: 'busy',
      state: 'reconnecting',
      detail: { kind: 'next-attempt', seconds: 3 },
    });
    expect(
      connectionView(snapshot({ connection: { state: 'starting', attempt: 1 } }), 0).state,
    ).toBe('reconnecting');
  });

  it('says how long the last recovery took, for a while after it', () => {
    const recovered = snapshot({
      connection: { state: 'connected', since: 1_000, lastRecoveryMs: 2_149 },
    });
    expect(connectionView(recovered, 5_000).detail).toEqual({ kind: 'recovered', seconds: '2.1' });
    expect(connectionView(recovered, 1_000 + 10 * 60_000).detail).toBeUndefined();
  });

  it('shows failures with their reason', () => {
    const failed = snapshot({
      connection: { state: 'failed', error: { code: 'x', message: 'TURN refused (403)' } },
    });
    expect(connectionView(failed, 0)).toEqual({
      tone: 'bad',
      state: 'failed',
      detail: { kind: 'error', code: 'x', message: 'TURN refused (403)' },
    });
    expect(connectionView(null, 0)).toEqual({ tone: 'off', state: 'stopped' });
  });

  it('splits live calls from the last calls, newest first', () => {
    const s = snapshot({
      calls: [
        call({ conversationId: 'a', state: 'ended', endedAt: 100 }),
        call({ conversationId: 'b', state: 'connected' }),
        call({ conversationId: 'c', state: 'missed', endedAt: 300 }),
        call({ conversationId: 'd', state: 'declined', endedAt: 200 }),
      ],
    });
    expect(liveCalls(s).map((c) => c.conversationId)).toEqual(['b']);
    expect(recentCalls(s).map((c) => c.conversationId)).toEqual(['c', 'd', 'a']);
  });

  it("names the agent's state", () => {
    expect(
      agentState(
        { signedIn: false, profile: null },
        snapshot({ connection: { state: 'signed-out' } }),
      ),
    ).toBe('signedOut');
    expect(agentState(null, snapshot())).toBe('ready');
    expect(agentState(null, snapshot({ calls: [call({ conversationId: 'x' })] }))).toBe('ringing');
    expect(
      agentState(null, snapshot({ calls: [call({ conversationId: 'x', state: 'connected' })] })),
    ).toBe('onCall');
    expect(agentState(null, snapshot({ connection: { state: 'reconnecting' } }))).toBe('notReady');
  });

  it('formats durations', () => {
    expect(elapsed(0, 65_000)).toBe('1:05');
    expect(elapsed(0, 3_725_000)).toBe('1:02:05');
    expect(elapsed(undefined, 1)).toBe('');
  });
});
