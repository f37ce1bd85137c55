/**
 * Which ServiceNow tab pops by default: the one the agent looked at last. Per window, the last
 * activated ServiceNow tab is remembered with a time; the focused window's tab wins, then the most
 * recent one elsewhere. State lives in memory and in storage.session (read only when the memory
 * is empty, so a restarted worker still knows), and updates run one at a time so concurrent events
 * never lose each other's writes.
 *
 *   tabs.onActivated / tabs.onUpdated(url) ──▶ noteTabActivated(tab, window)   (ServiceNow only)
 *   windows.onFocusChanged ──▶ noteWindowFocused(window)
 *   tabs.onRemoved ──▶ forgetTab(tab)
 *   relay ──▶ pickPopTarget(open ServiceNow tabs) ──▶ tab id | null
 */
import browser from 'webextension-polyfill';

const KEY = 'tabFocus';
const NO_WINDOW = -1;

export interface FocusState {
  /** Per window id: the last ServiceNow tab activated there, and when. */
  windows: Record<string, { tabId: number; at: number }>;
  focusedWindowId: number | null;
}

/** What the picker needs to know about an open ServiceNow tab. */
export interface TabInfo {
  id: number;
  windowId: number;
  active: boolean;
  lastAccessed?: number;
}

const EMPTY: FocusState = { windows: {}, focusedWindowId: null };

function isFocusState(value: unknown): value is FocusState {
  return (
    typeof value === 'object' &&
    value !== null &&
    'windows' in value &&
    typeof value.windows === 'object' &&
    value.windows !== null
  );
}

/** undefined: not read from storage yet in this worker's life. */
let memory: FocusState | undefined;

export async function readFocus(): Promise<FocusState> {
  if (memory === undefined) {
    const stored: unknown = (await browser.storage.session.get(KEY))[KEY];
    memory ??= isFocusState(stored) ? stored : EMPTY;
  }
  return memory;
}

let queue: Promise<unknown> = Promise.resolve();

function update(change: (state: FocusState) => FocusState | null): Promise<void> {
  const next = queue.then(async () => {
    const changed = change(await readFocus());
    if (changed) {
      memory = changed;
      await browser.storage.session.set({ [KEY]: changed });
    }
  });
  queue = next.catch(() => undefined);
  return next;
}

export function noteTabActivated(
  tabId: number,
  windowId: number,
  isServiceNow: boolean,
  now: number = Date.now(),
): Promise<void> {
  if (!isServiceNow) {
    return Promise.resolve(); // the window keeps its last ServiceNow tab
  }
  return update((state) => ({
    ...state,
    windows: { ...state.windows, [String(windowId)]: { tabId, at: now } },
  }));
}

export function noteWindowFocused(windowId: number): Promise<void> {
  if (windowId === NO_WINDOW) {
    return Promise.resolve(); // focus left the browser: keep the last window
  }
  return update((state) =>
    state.focusedWindowId === windowId ? null : { ...state, focusedWindowId: windowId },
  );
}

export function forgetTab(tabId: number): Promise<void> {
  return update((state) => {
    const kept = Object.entries(state.windows).filter(([, entry]) => entry.tabId !== tabId);
    if (kept.length === Object.keys(state.windows).length) {
      return null;
    }
    return { ...state, windows: Object.fromEntries(kept) };
  });
}

function mostRecent(tabs: readonly TabInfo[]): TabInfo | undefined {
  return [...tabs].sort(
    (a, b) => Number(b.active) - Number(a.active) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0),
  )[0];
}

/** The tab that pops among the open ServiceNow tabs, or null when there is none. */
export async function pickPopTarget(tabs: readonly TabInfo[]): Promise<number | null> {
  if (tabs.length === 0) {
    return null;
  }
  const open = new Set(tabs.map((tab) => tab.id));
  const state = await readFocus();
  const focused =
    state.focusedWindowId === null ? undefined : state.windows[String(state.focusedWindowId)];
  if (focused && open.has(focused.tabId)) {
    return focused.tabId;
  }
  const remembered = Object.values(state.windows)
    .filter((entry) => open.has(entry.tabId))
    .sort((a, b) => b.at - a.at)[0];
  if (remembered) {
    return remembered.tabId;
  }
  // Nothing remembered yet (fresh install): the active tab of the focused window, else any.
  const inFocusedWindow = tabs.filter((tab) => tab.windowId === state.focusedWindowId);
  return (mostRecent(inFocusedWindow) ?? mostRecent(tabs))?.id ?? null;
}

/** Listener bodies for index.ts (which registers them at top level). */
export function tabFocusListeners(isServiceNowUrl: (url: string | undefined) => Promise<boolean>) {
  const activated = async (tabId: number, windowId: number, url: string | undefined) =>
    noteTabActivated(tabId, windowId, await isServiceNowUrl(url));
  return {
    onActivated: ({ tabId, windowId }: { tabId: number; windowId: number }): void => {
      void browser.tabs
        .get(tabId)
        .then((tab) => activated(tabId, windowId, tab.url))
        .catch(() => undefined);
    },
    onUpdated: (
      tabId: number,
      change: { url?: string },
      tab: { active: boolean; windowId?: number },
    ): void => {
      if (change.url !== undefined && tab.active && tab.windowId !== undefined) {
        void activated(tabId, tab.windowId, change.url).catch(() => undefined);
      }
    },
    onRemoved: (tabId: number): void => void forgetTab(tabId).catch(() => undefined),
    onFocusChanged: (windowId: number): void =>
      void noteWindowFocused(windowId).catch(() => undefined),
  };
}
