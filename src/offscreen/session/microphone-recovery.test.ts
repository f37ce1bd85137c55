import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../shared/logger';
import type { CallSnapshot } from '../../shared/session/snapshot';
import type { PeerConnectionHealth } from '../softphone/softphone-port';
import { DEVICE_LOST, MicrophoneRecovery, watchMicrophone } from './microphone-recovery';

function peer(conversationId: string, sendingAudio: boolean, connectionState = 'connected') {
  return { conversationId, iceState: 'connected', connectionState, sendingAudio };
}

function rig(peers: PeerConnectionHealth[]) {
  let t = 0;
  const state = { peers, micPresent: true };
  const restore = vi.fn((id: string) => {
    if (!state.micPresent) {
      return Promise.reject(new Error('microphone.device-lost'));
    }
    state.peers = state.peers.map((p) =>
      p.conversationId === id ? { ...p, sendingAudio: true } : p,
    );
    return Promise.resolve();
  });
  const changed = vi.fn();
  const recovery = new MicrophoneRecovery({
    peers: () => state.peers,
    restore,
    changed,
    now: () => t,
    log: createLogger('test'),
  });
  return { recovery, restore, changed, state, advance: (ms: number) => (t += ms) };
}

const call = (conversationId: string, extra: Partial<CallSnapshot> = {}): CallSnapshot => ({
  conversationId,
  direction: 'inbound',
  state: 'connected',
  remote: {},
  muted: false,
  held: false,
  attributes: {},
  attributesTruncated: false,
  ...extra,
});

describe('MicrophoneRecovery', () => {
  it('gives a connected call that sends no audio the microphone again, quietly', async () => {
    const r = rig([peer('c1', false), peer('c2', true), peer('c3', false, 'connecting')]);
    await r.recovery.check();
    expect(r.restore.mock.calls).toEqual([['c1']]);
    expect(r.recovery.lost).toEqual([]);
    expect(r.changed).not.toHaveBeenCalled();
    await r.recovery.check();
    expect(r.restore).toHaveBeenCalledTimes(1);
  });

  it('with no microphone: the call is marked, tried again later or at a device change', async () => {
    const r = rig([peer('c1', false)]);
    r.state.micPresent = false;
    await r.recovery.check();
    expect(r.recovery.lost).toEqual(['c1']);
    expect(r.changed).toHaveBeenCalledTimes(1);
    const view = r.recovery.decorate({ calls: [call('c1'), call('c9')] });
    expect(view.calls[0]?.error).toEqual(DEVICE_LOST);
    expect(view.calls[1]?.error).toBeUndefined();

    await r.recovery.check();
    expect(r.restore).toHaveBeenCalledTimes(1); // held back
    r.advance(5_000);
    await r.recovery.check();
    expect(r.restore).toHaveBeenCalledTimes(2);
    expect(r.changed).toHaveBeenCalledTimes(1); // still lost: nothing new to publish

    r.state.micPresent = true;
    await r.recovery.check(true); // plugged in: at once
    expect(r.restore).toHaveBeenCalledTimes(3);
    expect(r.recovery.lost).toEqual([]);
    expect(r.changed).toHaveBeenCalledTimes(2);
    expect(r.recovery.decorate({ calls: [call('c1')] }).calls[0]?.error).toBeUndefined();
  });

  it('keeps a call’s own error, leaves ended calls alone, and forgets calls that are gone', async () => {
    const r = rig([peer('c1', false)]);
    r.state.micPresent = false;
    await r.recovery.check();
    const own = { code: 'media.failed', message: 'x' };
    const view = r.recovery.decorate({
      calls: [call('c1', { error: own })],
    });
    expect(view.calls[0]?.error).toEqual(own);
    expect(
      r.recovery.decorate({ calls: [call('c1', { state: 'ended' })] }).calls[0]?.error,
    ).toBeUndefined();
    r.state.peers = [];
    await r.recovery.check();
    expect(r.recovery.lost).toEqual([]);
    expect(r.changed).toHaveBeenCalledTimes(2);
  });

  it('runs one check at a time', async () => {
    const r = rig([peer('c1', false)]);
    await Promise.all([r.recovery.check(), r.recovery.check(true)]);
    expect(r.restore).toHaveBeenCalledTimes(1);
  });
});

describe('watchMicrophone', () => {
  it('checks on a timer and at once on a device change, until stopped', () => {
    vi.useFakeTimers();
    try {
      const check = vi.fn(() => Promise.resolve());
      const devices = new EventTarget();
      const stop = watchMicrophone({ check } as unknown as MicrophoneRecovery, devices, 1_000);
      vi.advanceTimersByTime(2_000);
      expect(check.mock.calls).toEqual([[], []]);
      devices.dispatchEvent(new Event('devicechange'));
      expect(check.mock.calls.at(-1)).toEqual([true]);
      stop();
      vi.advanceTimersByTime(5_000);
      devices.dispatchEvent(new Event('devicechange'));
      expect(check).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
