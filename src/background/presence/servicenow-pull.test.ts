/** ServiceNow → Genesys presence: read by a tab, applied on a ServiceNow change, never On Queue. */
import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../shared/logger';
import type { AgentStatus } from '../../shared/presence/labels';
import type { PresenceReadOutcome } from '../../shared/presence/servicenow';
import type { ServiceNowPresence, SyncDirection } from '../../shared/presence/sync';
import { PULL_MIN_INTERVAL_MS, createServiceNowPull, type PullMemory } from './servicenow-pull';

const log = { info: vi.fn(), warn: vi.fn(), debug: vi.fn() } as unknown as Logger;

function setup(direction: SyncDirection = 'servicenow-to-genesys') {
  let memory: PullMemory | null = null;
  let servicenow: ServiceNowPresence | null = 'available';
  let tab = true;
  let clock = 1_000_000;
  let genesys: AgentStatus = { presence: 'On Queue', routing: 'IDLE', updatedAt: 1 };
  const reads: number[] = [];
  const set: string[] = [];
  const pull = createServiceNowPull({
    direction: () => direction,
    memory: {
      load: () => Promise.resolve(memory),
      save: (m) => {
        memory = m;
        return Promise.resolve();
      },
    },
    read: (): Promise<PresenceReadOutcome | null> => {
      reads.push(clock);
      return Promise.resolve(tab ? { ok: true, state: servicenow } : null);
    },
    current: () => Promise.resolve(genesys),
    setGenesys: (presence) => {
      set.push(presence);
      genesys = { ...genesys, presence, routing: 'OFF_QUEUE' };
      return Promise.resolve();
    },
    now: () => clock,
    log,
  });
  return {
    pull,
    reads,
    set,
    tick: (ms: number) => (clock += ms),
    servicenow: (state: ServiceNowPresence | null) => (servicenow = state),
    closeTabs: () => (tab = false),
    agentSets: (presence: AgentStatus['presence']) => (genesys = { ...genesys, presence }),
  };
}

describe('ServiceNow presence pull', () => {
  it('sets Genesys Available (not On Queue) from ServiceNow Available, then Away', async () => {
    const s = setup();
    await s.pull.pull(true);
    expect(s.set).toEqual(['Available']);
    s.servicenow('offline');
    await s.pull.pull(true);
    expect(s.set).toEqual(['Available', 'Away']);
  });

  it('reads at most once a minute on the alarm; a starting tab reads at once', async () => {
    const s = setup();
    await s.pull.pull(false);
    s.tick(PULL_MIN_INTERVAL_MS - 1);
    await s.pull.pull(false);
    expect(s.reads).toHaveLength(1);
    await s.pull.pull(true);
    s.tick(PULL_MIN_INTERVAL_MS);
    await s.pull.pull(false);
    expect(s.reads).toHaveLength(3);
  });

  it('an unchanged ServiceNow never overrides what the agent set in Genesys', async () => {
    const s = setup();
    await s.pull.pull(true);
    s.agentSets('On Queue');
    await s.pull.pull(true);
    expect(s.set).toEqual(['Available']);
  });

  it('does nothing without a tab, without a record, or in another direction', async () => {
    const noTab = setup();
    noTab.closeTabs();
    await noTab.pull.pull(true);
    const noRecord = setup();
    noRecord.servicenow(null);
    await noRecord.pull.pull(true);
    const other = setup('genesys-to-servicenow');
    await other.pull.pull(true);
    expect([noTab.set, noRecord.set, other.set, other.reads]).toEqual([[], [], [], []]);
  });
});
