import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../shared/logger';
import type { WriteOutcome } from '../../shared/records/types';
import type { CallSnapshot } from '../../shared/session/snapshot';
import { call, snapshot } from '../../test/snapshots';
import type { ExecutorPorts } from './executor';
import { createRecords, type GenesysRecordsPort } from './service';
import { createJobStore } from './store';
import { LEASE_MS, newJob } from '../../shared/records/queue';

/** A ServiceNow instance behind one tab: the interaction table keyed like the real one. */
function fakeServiceNow() {
  const table = new Map<string, Record<string, string>>();
  const faults: WriteOutcome[] = [];
  let n = 0;
  let requests = 0;
  let tabOpen = true;
  let loseAnswer = false;
  const ports: ExecutorPorts = {
    tabs: () => Promise.resolve(tabOpen ? [{ id: 1, origin: 'https://x', active: true }] : []),
    send(_tab, message) {
      requests++;
      const fault = faults.shift();
      if (fault) {
        return Promise.resolve({ ok: true, value: fault });
      }
      const { data } = message as {
        data: { conversationId: string; sysId?: string; fields: Record<string, string> };
      };
      let sysId =
        data.sysId ??
        [...table].find(([, r]) => r['u_conversation_id'] === data.conversationId)?.[0];
      if (sysId === undefined) {
        sysId = (++n).toString(16).padStart(32, '0');
        table.set(sysId, { number: `INT${String(n)}` });
      }
      const record = { ...table.get(sysId), ...data.fields };
      table.set(sysId, record);
      if (loseAnswer) {
        loseAnswer = false;
        return Promise.reject(new Error('tab closed mid-write'));
      }
      const value: WriteOutcome = {
        ok: true,
        sysId,
        number: record['number'] ?? '',
        instance: 'https://x',
        created: true,
      };
      return Promise.resolve({ ok: true, value });
    },
  };
  return {
    ports,
    table,
    faults,
    requests: () => requests,
    setTab: (open: boolean) => (tabOpen = open),
    tabExists: (tabId: number) => tabOpen && tabId === 1,
    loseNextAnswer: () => (loseAnswer = true),
    records: (id: string) => [...table.values()].filter((r) => r['u_conversation_id'] === id),
  };
}

function genesysFake() {
  const attributes = vi.fn((_id: string, _attrs: Record<string, string>) => Promise.resolve(null));
  const port: GenesysRecordsPort = {
    agent: () => Promise.resolve({ userId: 'u1', name: 'Agent One' }),
    attributes,
    wrapupCodes: () => Promise.resolve({ required: true, codes: [{ id: 'w1', name: 'Resolved' }] }),
    wrapup: () => Promise.resolve(null),
  };
  return { port, attributes };
}

function service(sn: ReturnType<typeof fakeServiceNow>, genesys = genesysFake()) {
  const records = createRecords({
    store: createJobStore(),
    instances: () => ['https://x'],
    executor: sn.ports,
    tabExists: (tabId: number) => Promise.resolve(sn.tabExists(tabId)),
    genesys: genesys.port,
    changed: () => undefined,
    schedule: (at) => void setTimeout(() => void records.pump(), Math.max(0, at - Date.now())),
    now: () => Date.now(),
    log: createLogger('test'),
  });
  return { records, genesys };
}

const answered = (id: string, extra: Partial<CallSnapshot> = {}) =>
  call({
    conversationId: id,
    state: 'connected',
    queue: 'Support',
    answeredAt: 2_000,
    mediaConnectedAt: 2_500,
    ...extra,
  });

async function settle(): Promise<void> {
  await vi.runAllTimersAsync();
}

describe('interaction records queue', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('writes one record per call, writes attributes while live, and updates it to the end', async () => {
    const sn = fakeServiceNow();
    const { records, genesys } = service(sn);
    await records.observe(snapshot({ calls: [call({ conversationId: 'c1' })] }));
    await settle();
    await records.observe(snapshot({ calls: [answered('c1', { recordingId: 'rec-1' })] }));
    await settle();
    await records.observe(
      snapshot({
        calls: [answered('c1', { state: 'ended', endedAt: 9_000, recordingId: 'rec-1' })],
      }),
    );
    await settle();
    const [record, ...others] = sn.records('c1');
    expect(others).toHaveLength(0);
    expect(record).toMatchObject({
      u_outcome: 'answered',
      u_recording_id: 'rec-1',
      u_agent: 'Agent One (u1)',
    });
    expect(genesys.attributes).toHaveBeenCalledTimes(1);
    expect(genesys.attributes.mock.calls[0]?.[1]).toMatchObject({ sn_interaction_number: 'INT1' });
    const state = await records.state();
    expect(state.jobs[0]).toMatchObject({
      status: 'done',
      attributes: 'done',
      wrapup: { status: 'needed' },
    });
  });

  it('asks Genesys for the agent once per call while that request waits (a rate limit)', async () => {
    const sn = fakeServiceNow();
    const genesys = genesysFake();
    let release: (agent: { userId: string }) => void = () => undefined;
    const agent = vi.fn(() => new Promise<{ userId: string }>((resolve) => (release = resolve)));
    genesys.port.agent = agent;
    const { records } = service(sn, genesys);
    for (let i = 0; i < 5; i += 1) {
      await records.observe(snapshot({ calls: [call({ conversationId: 'c1' })] }));
    }
    expect(agent).toHaveBeenCalledTimes(1);
    release({ userId: 'u1' });
    await settle();
    await records.observe(snapshot({ calls: [answered('c1')] }));
    await settle();
    expect(agent).toHaveBeenCalledTimes(1);
  });

  it('never duplicates when a write happened but its answer was lost', async () => {
    const sn = fakeServiceNow();
    const { records } = service(sn);
    sn.loseNextAnswer();
    await records.observe(snapshot({ calls: [answered('c2')] }));
    await settle();
    expect((await records.state()).jobs[0]?.status).toBe('waiting');
    await records.tabAppeared();
    await settle();
    expect(sn.records('c2')).toHaveLength(1);
    expect((await records.state()).jobs[0]?.status).toBe('done');
  });

  it('takes over a write whose worker died (lease ran out) without a second record', async () => {
    const sn = fakeServiceNow();
    const store = createJobStore();
    // The dead worker created the record, then died before storing its answer.
    sn.table.set('f'.repeat(32), { number: 'INT9', u_conversation_id: 'c9' });
    await store.update((jobs) => ({
      jobs: {
        ...jobs,
        c9: {
          ...newJob('c9', Date.now()),
          fields: { u_conversation_id: 'c9', u_outcome: 'answered' },
          status: 'writing',
          leaseUntil: Date.now() + LEASE_MS,
          writes: 1,
        },
      },
      value: null,
    }));
    const { records } = service(sn);
    await records.pump();
    expect(sn.requests()).toBe(0); // the lease still holds
    await settle();
    expect(sn.records('c9')).toEqual([
      expect.objectContaining({ number: 'INT9', u_outcome: 'answered' }),
    ]);
    expect((await records.state()).jobs[0]?.status).toBe('done');
  });

  it('takes over at once a write whose tab is gone, and waits out one whose tab is there', async () => {
    const sn = fakeServiceNow();
    const store = createJobStore();
    const writing = (id: string, leaseTab: number) => ({
      ...newJob(id, Date.now()),
      fields: { u_conversation_id: id, u_outcome: 'missed' },
      status: 'writing' as const,
      leaseUntil: Date.now() + LEASE_MS,
      leaseTab,
      writes: 1,
    });
    await store.update((jobs) => ({
      jobs: { ...jobs, gone: writing('gone', 42), alive: writing('alive', 1) },
      value: null,
    }));
    const { records } = service(sn);
    await records.start();
    expect(sn.records('gone')).toEqual([expect.objectContaining({ u_outcome: 'missed' })]);
    expect(sn.records('alive')).toEqual([]); // its tab may still be writing: the lease holds
    await settle();
    expect(sn.records('alive')).toHaveLength(1);
    expect(Date.now()).toBeGreaterThanOrEqual(1_000_000 + LEASE_MS);
  });

  it('at browser start ends every old lease, and finds the record instead of creating it', async () => {
    const sn = fakeServiceNow();
    const store = createJobStore();
    // The last session's tab created the record; the browser closed before the answer came back.
    sn.table.set('e'.repeat(32), { number: 'INT8', u_conversation_id: 'c8' });
    await store.update((jobs) => ({
      jobs: {
        ...jobs,
        c8: {
          ...newJob('c8', Date.now()),
          fields: { u_conversation_id: 'c8', u_outcome: 'missed' },
          status: 'writing',
          leaseUntil: Date.now() - 1_000 + LEASE_MS, // handed out before the browser closed
          leaseTab: 1, // a tab with this id exists again in the new session
          writes: 1,
        },
      },
      value: null,
    }));
    const { records } = service(sn);
    await records.start();
    expect(sn.requests()).toBe(0); // a worker start alone keeps a lease whose tab exists
    await records.browserStarted();
    await vi.advanceTimersByTimeAsync(10);
    expect(sn.records('c8')).toEqual([
      expect.objectContaining({ number: 'INT8', u_outcome: 'missed' }),
    ]);
    expect((await store.read())['c8']).toMatchObject({ status: 'done' });
    expect((await store.read())['c8']?.leaseTab).toBeUndefined();
  });

  it('at browser start leaves alone a write handed out since this worker started', async () => {
    const sn = fakeServiceNow();
    const store = createJobStore();
    const held: (() => void)[] = [];
    const ports = { ...sn.ports };
    sn.ports.send = (tabId, message) =>
      new Promise<void>((resolve) => held.push(resolve)).then(() => ports.send(tabId, message));
    const { records } = service(sn);
    await vi.advanceTimersByTimeAsync(5);
    await records.observe(snapshot({ calls: [call({ conversationId: 'c6' })] }));
    await vi.advanceTimersByTimeAsync(10);
    expect(held).toHaveLength(1); // in flight in a tab of this browser session
    await records.browserStarted(); // Chrome's onStartup arrives late
    await vi.advanceTimersByTimeAsync(10);
    expect(held).toHaveLength(1); // not handed to a second tab while the first may still write
    expect((await store.read())['c6']).toMatchObject({ status: 'writing', leaseTab: 1 });
  });

  it('notes the tab a write went to while it is in flight', async () => {
    const sn = fakeServiceNow();
    const store = createJobStore();
    let hold = true;
    const held: (() => void)[] = [];
    const ports = { ...sn.ports };
    sn.ports.send = (tabId, message) =>
      hold
        ? new Promise<void>((resolve) => held.push(resolve)).then(() => ports.send(tabId, message))
        : ports.send(tabId, message);
    const { records } = service(sn);
    await records.observe(snapshot({ calls: [call({ conversationId: 'c7' })] }));
    await vi.advanceTimersByTimeAsync(10);
    expect((await store.read())['c7']).toMatchObject({ status: 'writing', leaseTab: 1 });
    hold = false;
    held.forEach((resolve) => resolve());
    await settle();
    expect((await store.read())['c7']).toMatchObject({ status: 'done' });
    expect((await store.read())['c7']?.leaseTab).toBeUndefined();
  });

  it('resumes from storage after the worker dies mid-write (a new service, same storage)', async () => {
    const sn = fakeServiceNow();
    const first = service(sn).records;
    sn.setTab(false);
    await first.observe(snapshot({ calls: [answered('c3', { state: 'ended', endedAt: 5 })] }));
    await settle();
    expect((await first.state()).jobs[0]?.status).toBe('waiting');
    sn.setTab(true);
    const second = service(sn).records; // the worker was restarted
    await second.tabAppeared();
    await settle();
    expect(sn.records('c3')).toHaveLength(1);
  });

  it('waits out a 429 storm with Retry-After, then writes once, without hammering', async () => {
    const sn = fakeServiceNow();
    const { records } = service(sn);
    for (let i = 0; i < 3; i++) {
      sn.faults.push({
        ok: false,
        code: 'servicenow.rate-limited',
        message: '429',
        status: 429,
        retryAfterMs: 10_000,
      });
    }
    await records.observe(snapshot({ calls: [answered('c4', { state: 'ended', endedAt: 5 })] }));
    await vi.advanceTimersByTimeAsync(15_000);
    expect(sn.requests()).toBe(2);
    expect((await records.state()).jobs[0]?.status).toBe('retrying');
    await settle();
    expect(sn.records('c4')).toHaveLength(1);
    expect(sn.requests()).toBe(4);
  });

  it('stops on 403 with the reason, and writes after the agent retries', async () => {
    const sn = fakeServiceNow();
    const { records } = service(sn);
    sn.faults.push({
      ok: false,
      code: 'servicenow.acl-denied',
      message: 'ACL restricts',
      status: 403,
    });
    await records.observe(
      snapshot({ calls: [call({ conversationId: 'c5', state: 'declined', endedAt: 5 })] }),
    );
    await settle();
    expect((await records.state()).jobs[0]).toMatchObject({
      status: 'failed',
      error: { code: 'servicenow.acl-denied' },
    });
    expect(sn.records('c5')).toHaveLength(0);
    await records.retry('c5');
    await settle();
    expect(sn.records('c5')[0]).toMatchObject({
      u_outcome: 'declined',
      u_no_recording_reason: 'media-never-connected',
    });
  });

  it('does not write attributes after the call ended, and says so', async () => {
    const sn = fakeServiceNow();
    const { records, genesys } = service(sn);
    await records.observe(
      snapshot({ calls: [call({ conversationId: 'c6', state: 'missed', endedAt: 5 })] }),
    );
    await settle();
    expect(genesys.attributes).not.toHaveBeenCalled();
    expect((await records.state()).jobs[0]?.attributes).toBe('too-late');
  });

  it('puts the wrap-up into the record, and refuses to skip a required one', async () => {
    const sn = fakeServiceNow();
    const { records } = service(sn);
    await records.observe(snapshot({ calls: [answered('c7')] }));
    await records.observe(snapshot({ calls: [answered('c7', { state: 'ended', endedAt: 9 })] }));
    await settle();
    await expect(records.wrapup({ conversationId: 'c7', skip: true })).rejects.toThrow(/requires/);
    await records.wrapup({ conversationId: 'c7', code: 'w1', notes: 'fine' });
    await settle();
    expect(sn.records('c7')[0]).toMatchObject({
      u_wrapup_code: 'w1',
      u_wrapup_name: 'Resolved',
      u_wrapup_notes: 'fine',
    });
    expect((await records.state()).jobs[0]?.wrapup?.status).toBe('sent');
  });
});
