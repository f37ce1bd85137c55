import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionEvent } from '../../shared/session/session-events';
import type { SessionStateKind } from '../../shared/session/session-states';
import type { SignallingHealth } from '../softphone/softphone-port';
import { systemClock } from './clock';
import { healingEvent, MISMATCHES_TO_HEAL, Watchdog } from './watchdog';

const health = (connected: boolean, socketOpen = connected): SignallingHealth => ({
  connected,
  socketOpen,
  peerConnections: [],
});

describe('healingEvent', () => {
  it.each([
    ['connected', health(true), null],
    ['connected', health(false), { type: 'sdk-disconnected' }],
    ['connected', health(false, true), null],
    ['reconnecting', health(true), { type: 'sdk-connected' }],
    ['reconnecting', health(true, false), null],
    ['reconnecting', health(false), null],
    ['starting', health(false), null],
    ['backing-off', health(true), null],
  ] as [SessionStateKind, SignallingHealth, SessionEvent | null][])(
    '%s with %o → %o',
    (state, h, event) => {
      expect(healingEvent(state, h)).toEqual(event);
    },
  );
});

describe('Watchdog', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 5_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function dog(state: SessionStateKind, h: SignallingHealth) {
    const sent: SessionEvent[] = [];
    const onTick = vi.fn();
    const current = { state, h };
    const w = new Watchdog({
      clock: systemClock,
      state: () => current.state,
      health: () => current.h,
      send: (e) => sent.push(e),
      onTick,
    });
    w.start({ tickMs: 3_000, wakeThresholdMs: 5_000 });
    return { w, sent, onTick, current };
  }

  it(`heals only after ${MISMATCHES_TO_HEAL} consecutive mismatches`, async () => {
    const { sent, current } = dog('connected', health(false));
    await vi.advanceTimersByTimeAsync(3_000);
    expect(sent).toEqual([]);
    current.h = health(true);
    await vi.advanceTimersByTimeAsync(3_000);
    current.h = health(false);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(sent).toEqual([{ type: 'sdk-disconnected' }]);
  });

  it('reports a tick that fired far too late as a wake with its gap', async () => {
    const { sent, onTick } = dog('connected', health(true));
    vi.setSystemTime(Date.now() + 40_000);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(sent).toEqual([{ type: 'wake', gapMs: 40_000 }]);
    expect(onTick).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(sent).toHaveLength(1);
  });

  it('stops ticking when stopped', async () => {
    const { w, onTick } = dog('connected', health(true));
    w.stop();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(onTick).not.toHaveBeenCalled();
    expect(w.running).toBe(false);
  });
});
