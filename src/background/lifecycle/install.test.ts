import { describe, expect, it, vi } from 'vitest';
import { WELCOME_PATH, onInstalled } from './install';

describe('first run', () => {
  it('opens the welcome page on install only', async () => {
    const openTab = vi.fn(() => Promise.resolve());
    const ports = {
      openTab,
      getURL: (path: string) => `chrome-extension://id/${path}`,
    };
    expect(await onInstalled({ reason: 'update' }, ports)).toBe(false);
    expect(await onInstalled({ reason: 'chrome_update' }, ports)).toBe(false);
    expect(openTab).not.toHaveBeenCalled();
    expect(await onInstalled({ reason: 'install' }, ports)).toBe(true);
    expect(openTab).toHaveBeenCalledExactlyOnceWith(`chrome-extension://id/${WELCOME_PATH}`);
  });
});
