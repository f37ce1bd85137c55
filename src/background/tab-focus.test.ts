/** The pop target follows the agent's focus: per window, then the focused window, then recency. */
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as TabFocus from './tab-focus';
import type { TabInfo } from './tab-focus';

/** A worker that has just started: the module loaded anew (empty memory), storage as it was. */
async function startWorker(): Promise<typeof TabFocus> {
  vi.resetModules();
  return import('./tab-focus');
}

let focus: Awaited<ReturnType<typeof startWorker>>;
beforeEach(async () => {
  focus = await startWorker();
});

const tab = (id: number, windowId: number, active = false, lastAccessed = 0): TabInfo => ({
  id,
  windowId,
  active,
  lastAccessed,
});

describe('tab focus', () => {
  it('picks the last ServiceNow tab of the focused window', async () => {
    await focus.noteTabActivated(11, 1, true, 100);
    await focus.noteTabActivated(21, 2, true, 200);
    await focus.noteWindowFocused(1);
    expect(await focus.pickPopTarget([tab(11, 1), tab(21, 2)])).toBe(11);
    await focus.noteWindowFocused(2);
    expect(await focus.pickPopTarget([tab(11, 1), tab(21, 2)])).toBe(21);
  });

  it('keeps the last ServiceNow tab when the agent moves to another site', async () => {
    await focus.noteTabActivated(11, 1, true, 100);
    await focus.noteTabActivated(12, 1, false, 200);
    await focus.noteWindowFocused(1);
    expect(await focus.pickPopTarget([tab(11, 1), tab(13, 1)])).toBe(11);
  });

  it('ignores focus leaving the browser', async () => {
    await focus.noteTabActivated(11, 1, true, 100);
    await focus.noteWindowFocused(1);
    await focus.noteWindowFocused(-1);
    expect((await focus.readFocus()).focusedWindowId).toBe(1);
  });

  it('falls back to the most recent remembered tab when the focused window has none', async () => {
    await focus.noteTabActivated(11, 1, true, 100);
    await focus.noteTabActivated(21, 2, true, 300);
    await focus.noteWindowFocused(3);
    expect(await focus.pickPopTarget([tab(11, 1), tab(21, 2)])).toBe(21);
  });

  it('forgets closed tabs and skips remembered tabs that are no longer open', async () => {
    await focus.noteTabActivated(11, 1, true, 100);
    await focus.noteTabActivated(21, 2, true, 300);
    await focus.forgetTab(21);
    expect(Object.values((await focus.readFocus()).windows).map((e) => e.tabId)).toEqual([11]);
    expect(await focus.pickPopTarget([tab(31, 3)])).toBe(31);
  });

  it('without any history picks the active, most recently used tab, or null without tabs', async () => {
    expect(await focus.pickPopTarget([])).toBeNull();
    expect(await focus.pickPopTarget([tab(1, 1, false, 50), tab(2, 1, false, 90)])).toBe(2);
    expect(await focus.pickPopTarget([tab(1, 1, true, 50), tab(2, 1, false, 90)])).toBe(1);
  });

  it('loses no update when events arrive together', async () => {
    await Promise.all([
      focus.noteTabActivated(11, 1, true, 1),
      focus.noteTabActivated(21, 2, true, 2),
      focus.noteTabActivated(31, 3, true, 3),
      focus.noteWindowFocused(2),
    ]);
    const state = await focus.readFocus();
    expect(Object.keys(state.windows).sort()).toEqual(['1', '2', '3']);
    expect(state.focusedWindowId).toBe(2);
  });

  it('a restarted worker still knows, reading storage once', async () => {
    await focus.noteTabActivated(11, 1, true, 100);
    await focus.noteTabActivated(21, 2, true, 200);
    await focus.noteWindowFocused(1);
    focus = await startWorker();
    const get = vi.spyOn(fakeBrowser.storage.session, 'get');
    expect(await focus.pickPopTarget([tab(11, 1), tab(21, 2)])).toBe(11);
    expect(await focus.pickPopTarget([tab(21, 2)])).toBe(21);
    expect(get).toHaveBeenCalledTimes(1);
  });
});
