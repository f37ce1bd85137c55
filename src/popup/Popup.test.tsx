import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallCommand } from '../shared/protocol/schemas';
import type { SessionSnapshot } from '../shared/session/snapshot';
import { englishT } from '../test/english';
import { call, snapshot } from '../test/snapshots';
import { Popup, type PageEvent, type PopupDeps } from './Popup';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function mount(initial: SessionSnapshot) {
  const commands: CallCommand[] = [];
  let push: (event: PageEvent) => void = () => undefined;
  const worker = vi.fn((type: string, data: unknown) => {
    if (type === 'ui.state') {
      return Promise.resolve({ snapshot: initial });
    }
    if (type === 'auth.state') {
      return Promise.resolve({
        signedIn: true,
        profile: { id: 'a', name: 'Acme', environment: 'mypurecloud.ie' },
      });
    }
    if (type === 'call.command') {
      commands.push(data as CallCommand);
      return Promise.resolve(null);
    }
    return Promise.reject(new Error(type));
  });
  const deps: PopupDeps = {
    t: englishT,
    worker: worker,
    subscribe: (listener) => {
      push = listener;
      return () => undefined;
    },
    openOptions: vi.fn(),
    now: () => 100_000,
    formatTime: () => '10:00',
  };
  await act(async () => {
    render(<Popup deps={deps} />, root);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return { commands, push: (event: PageEvent) => act(() => push(event)) };
}

const button = (name: string) => {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) {
    throw new Error(`no button ${name}`);
  }
  return found;
};

describe('popup', () => {
  it('shows the organisation, the agent state and the connection', async () => {
    await mount(
      snapshot({ connection: { state: 'connected', since: 99_000, lastRecoveryMs: 1_200 } }),
    );
    expect(root.querySelector('#signed-in-as')?.textContent).toBe('Signed in · Acme');
    expect(root.querySelector('.agent')?.textContent).toBe('Ready');
    expect(root.querySelector('#connection-state')?.textContent).toBe(
      'ConnectedRecovered in 1.2 s',
    );
  });

  it('follows session.changed and ignores stale snapshots', async () => {
    const first = snapshot();
    const { push } = await mount(first);
    const newer = snapshot({ connection: { state: 'reconnecting', attempt: 1 } });
    await push({ type: 'session.changed', snapshot: newer });
    expect(root.querySelector('#connection-state')?.textContent).toContain('Reconnecting…');
    await push({ type: 'session.changed', snapshot: { ...first, seq: first.seq - 1 } });
    expect(root.querySelector('#connection-state')?.textContent).toContain('Reconnecting…');
  });

  it('answers and declines a ringing call', async () => {
    const { commands } = await mount(snapshot({ calls: [call({ conversationId: 'c1' })] }));
    expect(root.querySelector('[data-call="c1"]')?.getAttribute('aria-label')).toBe(
      'Call from Ada Lovelace',
    );
    await act(() => button('Answer').click());
    await act(() => button('Decline').click());
    expect(commands).toEqual([
      { type: 'answer', conversationId: 'c1' },
      { type: 'decline', conversationId: 'c1' },
    ]);
  });

  it('mutes, holds, sends DTMF and hangs up a connected call', async () => {
    const { commands } = await mount(
      snapshot({
        calls: [
          call({ conversationId: 'c2', state: 'connected', answeredAt: 40_000, muted: true }),
        ],
      }),
    );
    expect(button('Mute').getAttribute('aria-pressed')).toBe('true');
    await act(() => button('Mute').click());
    await act(() => button('Hold').click());
    await act(() => button('Keypad').click());
    expect(button('Keypad').getAttribute('aria-expanded')).toBe('true');
    await act(() => button('5').click());
    await act(() => button('#').click());
    await act(() => button('Hang up').click());
    expect(commands).toEqual([
      { type: 'mute', conversationId: 'c2', muted: false },
      { type: 'hold', conversationId: 'c2', held: true },
      { type: 'dtmf', conversationId: 'c2', digits: '5' },
      { type: 'dtmf', conversationId: 'c2', digits: '#' },
      { type: 'hangup', conversationId: 'c2' },
    ]);
    expect(root.querySelector('.call time')?.textContent).toBe('1:00');
  });

  it('dials a valid number only, when connected', async () => {
    const { commands } = await mount(snapshot());
    const input = root.querySelector<HTMLInputElement>('#dial-number');
    const submit = button('Call');
    await act(() => {
      input!.value = 'abc';
      input!.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(submit.disabled).toBe(true);
    await act(() => {
      input!.value = '+44 20 7946 0018';
      input!.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => submit.click());
    expect(commands).toEqual([{ type: 'dial', number: '+44 20 7946 0018' }]);
  });

  it('lists the last calls', async () => {
    await mount(snapshot({ calls: [call({ conversationId: 'm', state: 'missed', endedAt: 5 })] }));
    expect(root.querySelector('.recent li')?.textContent).toBe('Ada LovelaceMissed10:00');
  });
});
