/** The pop target follows the agent's focus: per window, then the focused window, then recency. */
import { describe, expect, it } from 'vitest';
import {
  forgetTab,
  noteTabActivated,
  noteWindowFocused,
  pickPopTarget,
  readFocus,
  type TabInfo,
} from './tab-focus';

const tab = (id: number, windowId: number, active = false, lastAccessed = 0): TabInfo => ({
  id,
  windowId,
  active,
  lastAccessed,
});

describe('tab focus', () => {
  it('picks the last ServiceNow tab of the focused window', async () => {
    await noteTabActivated(11, 1, true, 100);
    await noteTabActivated(21, 2, true, 200);
    await noteWindowFocused(1);
    expect(await pickPopTarget([tab(11, 1), tab(21, 2)])).toBe(11);
    await noteWindowFocused(2);
    expect(await pickPopTarget([tab(11, 1), tab(21, 2)])).toBe(21);
  });

  it('keeps the last ServiceNow tab when the agent moves to another site', async () => {
    await noteTabActivated(11, 1, true, 100);
    await noteTabActivated(12, 1, false, 200);
    await noteWindowFocused(1);
    expect(await pickPopTarget([tab(11, 1), tab(13, 1)])).toBe(11);
  });

  it('ignores focus leaving the browser', async () => {
    await noteTabActivated(11, 1, true, 100);
    await noteWindowFocused(1);
    await noteWindowFocused(-1);
    expect((await readFocus()).focusedWindowId).toBe(1);
  });

  it('falls back to the most recent remembered tab when the focused window has none', async () => {
    await noteTabActivated(11, 1, true, 100);
    await noteTabActivated(21, 2, true, 300);
    await noteWindowFocused(3);
    expect(await pickPopTarget([tab(11, 1), tab(21, 2)])).toBe(21);
  });

  it('forgets closed tabs and skips remembered tabs that are no longer open', async () => {
    await noteTabActivated(11, 1, true, 100);
    await noteTabActivated(21, 2, true, 300);
    await forgetTab(21);
    expect(Object.values((await readFocus()).windows).map((e) => e.tabId)).toEqual([11]);
    expect(await pickPopTarget([tab(31, 3)])).toBe(31);
  });

  it('without any history picks the active, most recently used tab, or null without tabs', async () => {
    expect(await pickPopTarget([])).toBeNull();
    expect(await pickPopTarget([tab(1, 1, false, 50), tab(2, 1, false, 90)])).toBe(2);
    expect(await pickPopTarget([tab(1, 1, true, 50), tab(2, 1, false, 90)])).toBe(1);
  });

  it('loses no update when events arrive together', async () => {
    await Promise.all([
      noteTabActivated(11, 1, true, 1),
      noteTabActivated(21, 2, true, 2),
      noteTabActivated(31, 3, true, 3),
      noteWindowFocused(2),
    ]);
    const state = await readFocus();
    expect(Object.keys(state.windows).sort()).toEqual(['1', '2', '3']);
    expect(state.focusedWindowId).toBe(2);
  });
});
