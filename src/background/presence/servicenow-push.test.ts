/** Genesys → ServiceNow presence: one wanted state, kept until a ServiceNow tab writes it. */
import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../shared/logger';
import type { AgentStatus, SystemPresence } from '../../shared/presence/labels';
import type { PresenceWriteOutcome } from '../../shared/presence/servicenow';
import type { PushState, ServiceNowPresence, SyncDirection } from '../../shared/presence/sync';
import { executeInTab, type ExecutorPorts } from '../records/executor';
import { createServiceNowPush } from './servicenow-push';

const log = { info: vi.fn(), warn: vi.fn(), debug: vi.fn() } as unknown as Logger;
const status = (presence: SystemPresence): AgentStatus => ({
  presence,
  routing: presence === 'On Queue' ? 'IDLE' : 'OFF_QUEUE',
  updatedAt: 1,
});

function setup(direction: SyncDirection = 'genesys-to-servicenow') {
  let stored: PushState | null = null;
  let tabOpen = false;
  let failing = false;
  const written: ServiceNowPresence[] = [];
  const push = createServiceNowPush({
    direction: () => direction,
    store: {
      load: () => Promise.resolve(stored),
      save: (state) => {
        stored = state;
        return Promise.resolve();
      },
    },
    execute: (state): Promise<PresenceWriteOutcome | null> => {
      if (!tabOpen) {
        return Promise.resolve(null);
      }
      if (failing) {
        return Promise.resolve({ ok: false, code: 'servicenow.acl-denied', message: 'ACL' });
      }
      written.push(state);
      return Promise.resolve({ ok: true, changed: true });
    },
    log,
  });
  return {
    push,
    written,
    stored: () => stored,
    open: (failingWrites = false) => {
      tabOpen = true;
      failing = failingWrites;
    },
  };
}

describe('ServiceNow presence push', () => {
  it('writes the mapped state through a tab; On Queue is Away', async () => {
    const { push, written, stored, open } = setup();
    open();
    await push.statusChanged(status('On Queue'));
    await push.statusChanged(status('Available'));
    expect(written).toEqual(['away', 'available']);
    expect(stored()).toEqual({ state: 'available', done: true });
  });

  it('without a tab keeps only the latest state and writes it when a tab appears', async () => {
    const { push, written, stored, open } = setup();
    await push.statusChanged(status('Available'));
    await push.statusChanged(status('Break'));
    expect(written).toEqual([]);
    expect(stored()).toEqual({ state: 'away', done: false });
    open();
    await push.tabAppeared();
    await push.tabAppeared();
    expect(written).toEqual(['away']);
  });

  it('keeps a refused write for the next tab, and writes nothing in other directions', async () => {
    const failing = setup();
    failing.open(true);
    await failing.push.statusChanged(status('Meal'));
    expect(failing.stored()).toEqual({ state: 'away', done: false });
    for (const direction of ['off', 'servicenow-to-genesys'] as const) {
      const other = setup(direction);
      other.open();
      await other.push.statusChanged(status('Available'));
      await other.push.tabAppeared();
      expect(other.written).toEqual([]);
      expect(other.stored()).toBeNull();
    }
  });
});

describe('executeInTab', () => {
  const accept = (v: unknown): v is string => typeof v === 'string';
  const timedOut = (message: string) => `timeout: ${message}`;

  it('asks the focused tab first and skips tabs without an answer', async () => {
    const asked: number[] = [];
    const ports: ExecutorPorts = {
      tabs: () =>
        Promise.resolve([
          { id: 1, origin: 'https://a.service-now.com', active: false },
          { id: 2, origin: 'https://a.service-now.com', active: true },
        ]),
      send: (id) => {
        asked.push(id);
        return id === 2
          ? Promise.reject(new Error('no receiver'))
          : Promise.resolve({ ok: true, value: 'done' });
      },
    };
    expect(await executeInTab(ports, ['x'], undefined, {}, accept, timedOut)).toBe('done');
    expect(asked).toEqual([2, 1]);
  });

  it('a tab that does not answer in time ends the search; no tab is null', async () => {
    const tab = { id: 1, origin: 'https://a.service-now.com', active: true };
    const silent: ExecutorPorts = {
      tabs: () => Promise.resolve([tab, { ...tab, id: 2 }]),
      send: () => new Promise(() => undefined),
    };
    expect(await executeInTab(silent, ['x'], undefined, {}, accept, timedOut, 10)).toMatch(
      /^timeout/,
    );
    const none: ExecutorPorts = { tabs: () => Promise.resolve([]), send: () => Promise.resolve() };
    expect(await executeInTab(none, ['x'], undefined, {}, accept, timedOut)).toBeNull();
  });
});
