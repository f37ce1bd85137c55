import { describe, expect, it } from 'vitest';
import { englishT } from '../../test/english';
import { call, snapshot } from '../../test/snapshots';
import type { SessionSnapshot } from '../../shared/session/snapshot';
import {
  INITIAL_NOTIFY_STATE,
  asNotifyState,
  planNotifications,
  type NotifyState,
} from './notify-plan';

function plan(
  next: SessionSnapshot,
  previous: SessionSnapshot | null,
  {
    state = INITIAL_NOTIFY_STATE,
    now = 10_000,
    enabled = true,
  }: { state?: NotifyState; now?: number; enabled?: boolean } = {},
) {
  return planNotifications({ snapshot: next, previous, state, now, enabled, t: englishT });
}

describe('call notifications', () => {
  const ringing = call({ conversationId: 'c1', queue: 'Support' });

  it('shows an incoming call once, with Answer and Decline', () => {
    const first = plan(snapshot({ calls: [ringing] }), snapshot());
    expect(first.effects).toEqual([
      {
        type: 'show',
        id: 'incoming:c1',
        notice: {
          title: 'Incoming call: Ada Lovelace',
          message: '+44 20 7946 0018 · Support',
          buttons: ['Answer', 'Decline'],
          requireInteraction: true,
        },
      },
    ]);
    expect(plan(snapshot({ calls: [ringing] }), snapshot({ calls: [ringing] })).effects).toEqual(
      [],
    );
  });

  it('clears it when the call is answered or disappears', () => {
    const before = snapshot({ calls: [ringing] });
    expect(plan(snapshot({ calls: [{ ...ringing, state: 'connected' }] }), before).effects).toEqual(
      [{ type: 'clear', id: 'incoming:c1' }],
    );
    expect(plan(snapshot(), before).effects).toEqual([{ type: 'clear', id: 'incoming:c1' }]);
  });

  it('turns a withdrawn call into a missed-call notification', () => {
    const effects = plan(
      snapshot({ calls: [{ ...ringing, state: 'missed' }] }),
      snapshot({ calls: [ringing] }),
    ).effects;
    expect(effects).toEqual([
      { type: 'clear', id: 'incoming:c1' },
      {
        type: 'show',
        id: 'missed:c1',
        notice: { title: 'Missed call', message: 'Call from Ada Lovelace' },
      },
    ]);
  });

  it('names an unknown caller and never notifies outbound calls', () => {
    const anonymous = call({ conversationId: 'c2', remote: {} });
    expect(plan(snapshot({ calls: [anonymous] }), null).effects[0]).toMatchObject({
      notice: { title: 'Incoming call: Unknown caller', message: 'Answer here or in ServiceNow.' },
    });
    expect(
      plan(snapshot({ calls: [call({ conversationId: 'o', direction: 'outbound' })] }), null)
        .effects,
    ).toEqual([]);
  });

  it('shows nothing when the agent turned notifications off, but still clears', () => {
    expect(plan(snapshot({ calls: [ringing] }), null, { enabled: false }).effects).toEqual([]);
    expect(plan(snapshot(), snapshot({ calls: [ringing] }), { enabled: false }).effects).toEqual([
      { type: 'clear', id: 'incoming:c1' },
    ]);
  });
});

describe('connection notifications', () => {
  const connected = snapshot();
  const reconnecting = snapshot({ connection: { state: 'reconnecting', attempt: 1 } });

  it('stays silent for a blip shorter than 3 s', () => {
    const start = plan(reconnecting, connected, { now: 10_000 });
    expect(start.effects).toEqual([{ type: 'recheck', at: 13_000 }]);
    expect(start.state).toEqual({ outage: { startedAt: 10_000, announced: false } });
    const back = plan(snapshot({ connection: { lastRecoveryMs: 900 } }), reconnecting, {
      state: start.state,
      now: 10_900,
    });
    expect(back.effects).toEqual([]);
    expect(back.state).toEqual({ outage: null });
  });

  it('announces an outage that lasts 3 s, once, then the recovery with its duration', () => {
    const start = plan(reconnecting, connected, { now: 10_000 });
    const backingOff = snapshot({ connection: { state: 'backing-off', attempt: 2 } });
    const lost = plan(backingOff, reconnecting, { state: start.state, now: 13_000 });
    expect(lost.effects).toEqual([
      {
        type: 'show',
        id: 'connection',
        notice: { title: 'Connection lost', message: expect.stringMatching(/^Reconnecting…/) },
      },
    ]);
    const again = plan(snapshot({ connection: { state: 'starting', attempt: 3 } }), backingOff, {
      state: lost.state,
      now: 20_000,
    });
    expect(again.effects).toEqual([]);
    const recovered = plan(snapshot({ connection: { lastRecoveryMs: 12_345 } }), backingOff, {
      state: again.state,
      now: 22_345,
    });
    expect(recovered.effects).toEqual([
      {
        type: 'show',
        id: 'connection',
        notice: { title: 'Connection recovered', message: 'Recovered in 12.3 s' },
      },
    ]);
    expect(recovered.state).toEqual({ outage: null });
  });

  it('announces a failure at once, with its reason, and only once', () => {
    const failed = snapshot({
      connection: {
        state: 'failed',
        error: { code: 'auth.forbidden', message: 'Your user has no phone.' },
      },
    });
    const first = plan(failed, connected);
    expect(first.effects).toEqual([
      {
        type: 'show',
        id: 'connection',
        notice: { title: 'Connection failed', message: 'Your user has no phone.' },
      },
    ]);
    expect(
      plan(snapshot({ connection: { state: 'failed' } }), failed, { state: first.state }).effects,
    ).toEqual([]);
  });

  it('clears an announced outage when the agent signs out', () => {
    const state: NotifyState = { outage: { startedAt: 1, announced: true } };
    const out = plan(snapshot({ connection: { state: 'signed-out' } }), reconnecting, { state });
    expect(out.effects).toEqual([{ type: 'clear', id: 'connection' }]);
    expect(out.state).toEqual({ outage: null });
  });
});

describe('stored notification state', () => {
  it('is read back only when it has the right shape', () => {
    expect(asNotifyState({ outage: { startedAt: 5, announced: true } })).toEqual({
      outage: { startedAt: 5, announced: true },
    });
    expect(asNotifyState({ outage: null })).toEqual({ outage: null });
    expect(asNotifyState(undefined)).toBeNull();
    expect(asNotifyState({ outage: { startedAt: 'x' } })).toBeNull();
    expect(asNotifyState({ outage: 5 })).toBeNull();
  });
});
