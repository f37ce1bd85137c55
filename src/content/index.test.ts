/**
 * The whole content script against a fake worker: a tab opened mid-call shows the call at once,
 * snapshots arrive in order, Workspace navigation leaves exactly one UI and one listener, and an
 * invalidated extension context (after an update) removes the UI and goes quiet.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCall } from '../shared/screenpop/call-fixture';
import { parsePhone } from '../shared/screenpop/phone';
import { DEFAULT_SETTINGS } from '../shared/settings/schema';
import type { CallSnapshot, SessionSnapshot } from '../shared/session/snapshot';

const WORKER = {
  id: fakeBrowser.runtime.id,
  url: `chrome-extension://${fakeBrowser.runtime.id}/service-worker-loader.js`,
};

const snapshotOf = (seq: number, calls: CallSnapshot[]): SessionSnapshot => ({
  v: 1,
  connection: { state: 'connected', since: 1, attempt: 0 },
  calls,
  networkProfile: 'standard',
  seq,
  updatedAt: seq,
});

let commands: unknown[];

function fakeWorker(current: SessionSnapshot | null, refuseConfig = false) {
  commands = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: {
    type: string;
    data: unknown;
  }) => {
    if (refuseConfig && message.type === 'content.config') {
      const error = { name: 'AppError', code: 'protocol.forbidden-sender', message: 'no' };
      return Promise.resolve({ ok: false, error });
    }
    const value = {
      'content.ready': { snapshot: current },
      'content.config': {
        config: { defaultRegion: 'US', screenPop: DEFAULT_SETTINGS.screenPop },
        popTarget: true,
      },
      'content.claim': { granted: true },
      'content.pageToken': { token: null },
      'content.numbers': {
        numbers: ((message.data as { texts?: string[] } | null)?.texts ?? []).map((text) =>
          text === '+1 415 555 0101' ? '+14155550101' : null,
        ),
      },
      'content.phones': {
        phones: ((message.data as { texts?: string[] } | null)?.texts ?? []).map((text) =>
          parsePhone(text, { defaultRegion: 'US' }),
        ),
      },
      'call.command': null,
    }[message.type];
    if (message.type === 'call.command') {
      commands.push(message.data);
    }
    return Promise.resolve({ ok: true, value: value ?? null });
  }) as never);
}

const shadow = () => document.querySelector('switchboard-root')?.shadowRoot ?? null;
const button = (action: string) =>
  shadow()?.querySelector<HTMLButtonElement>(`[data-action=${action}]`) ?? null;
const seqShown = () => Number(shadow()?.querySelector('.sb-layer')?.getAttribute('data-seq') ?? -1);
const deliver = async (data: unknown, sender: object = WORKER): Promise<unknown[]> =>
  (await fakeBrowser.runtime.onMessage.trigger(
    { v: 1, to: 'content', type: 'content.snapshot', data },
    sender,
    () => undefined,
  )) as unknown[];

async function boot(current: SessionSnapshot | null, refuseConfig = false) {
  fakeWorker(current, refuseConfig);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
  const added = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  await import('./index');
  return { added };
}

beforeEach(() => {
  vi.resetModules();
  history.replaceState(null, '', '/now/workspace/agent/home');
  document.body.replaceChildren(Object.assign(document.createElement('main'), { id: 'sn-main' }));
});

afterEach(() => {
  // Retire this test's copy of the script (as an extension update would), then restore the id.
  fakeBrowser.runtime.id = undefined as unknown as string;
  window.dispatchEvent(new Event('focus'));
  fakeBrowser.runtime.id = 'test-extension-id';
  vi.restoreAllMocks();
});

describe('content script', () => {
  it('shows the calls in progress as soon as it starts (a tab opened mid-call)', async () => {
    await boot(snapshotOf(5, [makeCall({ remote: { name: 'Jane Doe' } })]));
    await vi.waitFor(() =>
      expect(shadow()?.querySelector('.sb-caller')?.textContent).toBe('Jane Doe'),
    );
    expect(seqShown()).toBe(5);
  });

  it('still shows the calls when the configuration cannot be had, and then never pops', async () => {
    await boot(snapshotOf(5, [makeCall({ remote: { name: 'Jane Doe' } })]), true);
    await vi.waitFor(() =>
      expect(shadow()?.querySelector('.sb-caller')?.textContent).toBe('Jane Doe'),
    );
    expect(shadow()?.querySelector('.sb-layer')?.getAttribute('data-pop-target')).toBe('false');
  });

  it('applies newer snapshots from the worker only, and refuses other senders', async () => {
    await boot(snapshotOf(5, []));
    await vi.waitFor(() => expect(seqShown()).toBe(5));
    await deliver({ snapshot: snapshotOf(7, [makeCall()]), popTarget: false });
    await deliver({ snapshot: snapshotOf(6, []), popTarget: false });
    expect(seqShown()).toBe(7);
    const replies = await deliver(
      { snapshot: snapshotOf(9, []), popTarget: false },
      { id: WORKER.id, url: 'https://evil.example/', tab: { id: 3 } },
    );
    expect(replies).toContainEqual(expect.objectContaining({ ok: false }));
    expect(seqShown()).toBe(7);
  });

  it('sends call commands through the worker', async () => {
    await boot(snapshotOf(5, [makeCall()]));
    await vi.waitFor(() => expect(button('answer')).not.toBeNull());
    button('answer')?.click();
    await vi.waitFor(() =>
      expect(commands).toEqual([{ type: 'answer', conversationId: 'conv-1' }]),
    );
  });

  it('survives Workspace navigation with one UI and one message listener', async () => {
    const { added } = await boot(snapshotOf(5, [makeCall()]));
    await vi.waitFor(() => expect(seqShown()).toBe(5));
    for (const path of ['/now/workspace/agent/list/incident', '/now/workspace/agent/home']) {
      history.pushState(null, '', path);
      window.dispatchEvent(new PopStateEvent('popstate'));
      document.getElementById('sn-main')?.replaceChildren(document.createElement('section'));
    }
    document.body.replaceChildren(document.createElement('main'));
    await vi.waitFor(() => expect(document.querySelectorAll('switchboard-root')).toHaveLength(1));
    expect(added).toHaveBeenCalledOnce();
    expect(shadow()?.querySelector('.sb-card')).not.toBeNull();
  });

  it('removes its UI and listeners once the extension context is invalidated', async () => {
    document.body.innerHTML = '<p>+1 415 555 0101</p>';
    await boot(snapshotOf(5, [makeCall()]));
    await vi.waitFor(() => expect(document.querySelectorAll('switchboard-dial')).toHaveLength(1));
    const removed = vi.spyOn(fakeBrowser.runtime.onMessage, 'removeListener');
    fakeBrowser.runtime.id = undefined as unknown as string;
    window.dispatchEvent(new Event('focus'));
    expect(document.querySelector('switchboard-root')).toBeNull();
    expect(document.querySelector('switchboard-dial')).toBeNull();
    expect(removed).toHaveBeenCalledOnce();
    await deliver({ snapshot: snapshotOf(8, []), popTarget: true });
    expect(document.querySelector('switchboard-root')).toBeNull();
  });

  it('goes quiet when a request finds the context invalidated', async () => {
    await boot(snapshotOf(5, [makeCall()]));
    await vi.waitFor(() => expect(button('answer')).not.toBeNull());
    const answer = button('answer')!;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(
      new Error('Extension context invalidated.'),
    );
    answer.click();
    await vi.waitFor(() => expect(document.querySelector('switchboard-root')).toBeNull());
  });
});
