import { describe, expect, it, vi } from 'vitest';
import { createLogHub } from '../../shared/logger';
import { createTriggers, type TriggerTargets } from './triggers';

function setup(overrides: Partial<TriggerTargets['calls'] & TriggerTargets['presence']> = {}) {
  let release: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (release = resolve));
  const calls = {
    buttonClicked: vi.fn(overrides.buttonClicked ?? (() => Promise.resolve(false))),
    shortcut: vi.fn(overrides.shortcut ?? (() => Promise.resolve(null))),
  };
  const presence = {
    buttonClicked: vi.fn(() => Promise.resolve(false)),
    command: vi.fn(overrides.command ?? (() => Promise.resolve(false))),
  };
  const log = createLogHub({ console: null }).createLogger('test');
  const triggers = createTriggers({ ready, calls, presence, log });
  return { triggers, calls, presence, release };
}

describe('notification buttons and shortcuts, one path', () => {
  it('a notification button reaches the calls and presence, and says whether it acted', async () => {
    const { triggers, calls, presence } = setup({ buttonClicked: () => Promise.resolve(true) });
    expect(await triggers.onNotificationButton('incoming:c1', 1)).toBe(true);
    expect(calls.buttonClicked).toHaveBeenCalledWith('incoming:c1', 1);
    expect(presence.buttonClicked).toHaveBeenCalledWith('incoming:c1', 1);
  });

  it('a command waits for the settings, then runs the shortcut and the presence command', async () => {
    const { triggers, calls, presence, release } = setup({
      shortcut: () => Promise.resolve({ type: 'answer', conversationId: 'c1' }),
    });
    const result = triggers.onCommand('answer-call');
    await Promise.resolve();
    expect(calls.shortcut).not.toHaveBeenCalled();
    release();
    expect(await result).toBe(true);
    expect(calls.shortcut).toHaveBeenCalledWith('answer-call');
    expect(presence.command).toHaveBeenCalledWith('answer-call');
  });

  it('the ui.trigger message runs the same functions as the Chrome listeners', async () => {
    const { triggers, calls, release } = setup({
      command: (name) => Promise.resolve(name === 'toggle-queue'),
    });
    release();
    const handle = triggers.handlers['ui.trigger'];
    const context = { from: 'ui' as const, sender: {} };
    expect(await handle({ kind: 'command', name: 'toggle-queue' }, context)).toEqual({
      handled: true,
    });
    expect(await handle({ kind: 'command', name: 'hang-up' }, context)).toEqual({
      handled: false,
    });
    await handle(
      { kind: 'notification-button', notificationId: 'incoming:c9', buttonIndex: 0 },
      context,
    );
    expect(calls.buttonClicked).toHaveBeenCalledWith('incoming:c9', 0);
  });

  it('one side failing neither stops the other nor rejects', async () => {
    const { triggers, presence } = setup({
      buttonClicked: () => Promise.reject(new Error('offscreen gone')),
    });
    expect(await triggers.onNotificationButton('presence:x', 0)).toBe(false);
    expect(presence.buttonClicked).toHaveBeenCalledOnce();
  });
});
