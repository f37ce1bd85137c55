/** One pop per call and trigger: the first claim wins, also when claims race. */
import { describe, expect, it } from 'vitest';
import browser from 'webextension-polyfill';
import { claimKey, claimPop } from './pop-claims';

describe('pop claims', () => {
  it('grants the first claim only', async () => {
    const key = claimKey('conv-1', 'alert', null);
    expect(await claimPop(key)).toBe(true);
    expect(await claimPop(key)).toBe(false);
    expect(await claimPop(claimKey('conv-1', 'answer', null))).toBe(true);
  });

  it('grants exactly one of racing claims', async () => {
    const key = claimKey('conv-2', 'answer', null);
    const results = await Promise.all([claimPop(key), claimPop(key), claimPop(key)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('keys claims per tab when every tab pops', async () => {
    expect(await claimPop(claimKey('conv-3', 'alert', { tabId: 1 }))).toBe(true);
    expect(await claimPop(claimKey('conv-3', 'alert', { tabId: 2 }))).toBe(true);
    expect(await claimPop(claimKey('conv-3', 'alert', { tabId: 1 }))).toBe(false);
  });

  it('survives a worker restart (claims are in storage.session) and prunes old ones', async () => {
    const key = claimKey('conv-4', 'alert', null);
    await browser.storage.session.set({ 'screenpop.claims': { [key]: 1_000 } });
    expect(await claimPop(key, 2_000)).toBe(false);
    // Twelve hours later the old claim is gone.
    await claimPop('other', 1_000 + 13 * 3600_000);
    const stored = (await browser.storage.session.get('screenpop.claims'))['screenpop.claims'];
    expect(Object.keys(stored as object)).toEqual(['other']);
  });

  it('treats a corrupt store as empty', async () => {
    await browser.storage.session.set({ 'screenpop.claims': 'nonsense' });
    expect(await claimPop('k')).toBe(true);
  });
});
