import { describe, expect, it, vi } from 'vitest';
import type { CallCommand } from '../../shared/protocol/schemas';
import type { SessionSnapshot } from '../../shared/session/snapshot';
import { englishT } from '../../test/english';
import { call, snapshot } from '../../test/snapshots';
import { createNotifier } from './notifier';
import type { Notice, NotifyState } from './notify-plan';

function setup(stored: SessionSnapshot | null) {
  const shown = new Map<string, Notice>();
  const commands: CallCommand[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  let state: NotifyState | null = null;
  let now = 10_000;
  const deps = {
    port: {
      show: (id: string, notice: Notice) => {
        shown.set(id, notice);
        return Promise.resolve();
      },
      clear: (id: string) => {
        shown.delete(id);
        return Promise.resolve();
      },
    },
    loadState: () => Promise.resolve(state),
    saveState: (next: NotifyState) => {
      state = next;
      return Promise.resolve();
    },
    readSnapshot: () => Promise.resolve(stored),
    enabled: () => true,
    sendCommand: (command: CallCommand) => {
      commands.push(command);
      return Promise.resolve();
    },
    signIn: vi.fn(() => Promise.resolve()),
    openOptions: vi.fn(() => Promise.resolve()),
    t: englishT,
    now: () => now,
    setTimer: (run: () => void, ms: number) => timers.push({ run, ms }),
    onError: vi.fn(),
  };
  const notifier = createNotifier(deps);
  return {
    notifier,
    deps,
    shown,
    commands,
    timers,
    setStored: (next: SessionSnapshot) => (stored = next),
    advance: (ms: number) => (now += ms),
  };
}

describe('notifier', () => {
  const ringing = call({ conversationId: 'c1' });

  it('answers from the notification button, the same command the popup sends', async () => {
    const s = snapshot({ calls: [ringing] });
    const { notifier, shown, commands } = setup(s);
    await notifier.observe(s, null);
    expect(shown.get('incoming:c1')?.buttons).toEqual(['Answer', 'Decline']);
    expect(await notifier.buttonClicked('incoming:c1', 0)).toBe(true);
    expect(commands).toEqual([{ type: 'answer', conversationId: 'c1' }]);
    expect(shown.has('incoming:c1')).toBe(false);
  });

  it('declines with the second button', async () => {
    const { notifier, commands } = setup(snapshot({ calls: [ringing] }));
    await notifier.buttonClicked('incoming:c1', 1);
    expect(commands).toEqual([{ type: 'decline', conversationId: 'c1' }]);
  });

  it('never answers a call that stopped ringing meanwhile', async () => {
    const { notifier, commands, shown } = setup(
      snapshot({ calls: [{ ...ringing, state: 'missed' }] }),
    );
    shown.set('incoming:c1', { title: '', message: '' });
    expect(await notifier.buttonClicked('incoming:c1', 0)).toBe(false);
    expect(commands).toEqual([]);
    expect(shown.size).toBe(0);
  });

  it('rechecks a young outage on a timer and announces it once it is 3 s old', async () => {
    const reconnecting = snapshot({ connection: { state: 'reconnecting', attempt: 1 } });
    const { notifier, shown, timers, advance } = setup(reconnecting);
    await notifier.observe(reconnecting, snapshot());
    expect(shown.size).toBe(0);
    expect(timers).toHaveLength(1);
    expect(timers[0]?.ms).toBeGreaterThanOrEqual(3_000);
    await notifier.observe(reconnecting, reconnecting); // more snapshots: still one timer
    expect(timers).toHaveLength(1);
    advance(3_050);
    timers[0]?.run();
    await notifier.recheck();
    expect(shown.get('connection')?.title).toBe('Connection lost');
  });

  it('asks for sign-in with a button, and opens the options page when the notice is clicked', async () => {
    const { notifier, shown, deps } = setup(null);
    await notifier.signInNeeded('Your session ended.');
    expect(shown.get('sign-in')).toMatchObject({
      title: 'Sign-in needed',
      message: 'Your session ended.',
      buttons: ['Sign in'],
    });
    await notifier.buttonClicked('sign-in', 0);
    expect(deps.signIn).toHaveBeenCalledOnce();
    await notifier.signInNeeded('Again.');
    await notifier.clicked('sign-in');
    expect(deps.openOptions).toHaveBeenCalledOnce();
    expect(shown.size).toBe(0);
  });

  it('keeps going after a failing notification call', async () => {
    const s = snapshot({ calls: [ringing] });
    const { notifier, deps } = setup(s);
    deps.port.show = () => Promise.reject(new Error('no notifications'));
    await notifier.observe(s, null);
    expect(deps.onError).toHaveBeenCalledOnce();
    deps.port.show = () => Promise.resolve();
    await expect(notifier.observe(snapshot(), s)).resolves.toBeUndefined();
  });
});
