import { describe, expect, it, vi } from 'vitest';
import { envelope } from './envelope';
import { uiReceiver } from './ui-receiver';

const runtime = {
  id: 'ext',
  getURL: (path: string) => `chrome-extension://ext/${path.replace(/^\//, '')}`,
};
const worker = { id: 'ext', url: 'chrome-extension://ext/service-worker-loader.js' };

describe('uiReceiver', () => {
  const changed = vi.fn(() => null);
  const receive = uiReceiver(runtime, {
    'session.changed': () => null,
    'settings.changed': changed,
    'auth.changed': () => null,
  });

  it('answers the worker on behalf of the page', async () => {
    await expect(receive(envelope('ui', 'settings.changed', null), worker)).resolves.toEqual({
      ok: true,
      value: null,
    });
    expect(changed).toHaveBeenCalledOnce();
  });

  it('never answers messages for other contexts, and refuses other senders', async () => {
    expect(receive(envelope('worker', 'settings.changed', null), worker)).toBeUndefined();
    const page = { id: 'ext', url: 'chrome-extension://ext/src/popup/popup.html' };
    await expect(receive(envelope('ui', 'settings.changed', null), page)).resolves.toMatchObject({
      ok: false,
      error: { code: 'protocol.forbidden-sender' },
    });
  });
});
