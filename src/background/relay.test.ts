/** Every ServiceNow tab gets every snapshot, in order, once; the message names the pop target. */
import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../shared/protocol/envelope';
import type { SessionSnapshot } from '../shared/session/snapshot';
import { SEND_TIMEOUT_MS, isPopTarget, relaySnapshot, type RelayPorts } from './relay';
import type { TabInfo } from './tab-focus';

const snap = (seq: number): SessionSnapshot => ({
  v: 1,
  connection: { state: 'connected', since: 1, attempt: 0 },
  calls: [],
  networkProfile: 'standard',
  seq,
  updatedAt: 1,
});

function fakePorts(tabs: TabInfo[], target: number | null) {
  const sent: { tabId: number; message: Envelope }[] = [];
  const pages: Envelope[] = [];
  const ports: RelayPorts = {
    queryTabs: () => Promise.resolve(tabs),
    sendToTab: (tabId, message) => {
      sent.push({ tabId, message });
      return tabId === 99 ? Promise.reject(new Error('no receiver')) : Promise.resolve(null);
    },
    sendToPages: (message) => {
      pages.push(message);
      return Promise.resolve();
    },
    pickTarget: () => Promise.resolve(target),
  };
  return { ports, sent, pages };
}

const tabs: TabInfo[] = [
  { id: 1, windowId: 1, active: true },
  { id: 2, windowId: 1, active: false },
  { id: 99, windowId: 2, active: true },
];
const focused = { instances: ['https://acme.service-now.com'], popTarget: 'focused' } as const;

describe('snapshot relay', () => {
  it('sends every tab the snapshot and marks only the focused tab as the pop target', async () => {
    const fake = fakePorts(tabs, 2);
    const outcome = await relaySnapshot(snap(10), focused, fake.ports);
    expect(outcome).toEqual({ tabs: 3, delivered: 2, popTab: 2, skipped: false });
    expect(
      fake.sent.map(({ tabId, message }) => [
        tabId,
        message.type,
        (message.data as { popTarget: boolean }).popTarget,
      ]),
    ).toEqual([
      [1, 'content.snapshot', false],
      [2, 'content.snapshot', true],
      [99, 'content.snapshot', false],
    ]);
    expect(fake.pages.map((m) => [m.to, m.type])).toEqual([['ui', 'session.changed']]);
  });

  it('marks every tab when the setting says all', async () => {
    const fake = fakePorts(tabs, 2);
    await relaySnapshot(snap(11), { ...focused, popTarget: 'all' }, fake.ports);
    expect(
      fake.sent.every(({ message }) => (message.data as { popTarget: boolean }).popTarget),
    ).toBe(true);
  });

  it('drops stale and duplicate snapshots', async () => {
    const fake = fakePorts(tabs, 1);
    await relaySnapshot(snap(20), focused, fake.ports);
    expect((await relaySnapshot(snap(20), focused, fake.ports)).skipped).toBe(true);
    expect((await relaySnapshot(snap(19), focused, fake.ports)).skipped).toBe(true);
    expect(fake.sent.filter(({ tabId }) => tabId === 1)).toHaveLength(1);
  });

  it('relays one at a time: the newest snapshot asked for goes out last, superseded ones not at all', async () => {
    const fake = fakePorts([tabs[0]!], 1);
    let answer: (value: null) => void = () => undefined;
    fake.ports.sendToTab = (tabId, message) => {
      fake.sent.push({ tabId, message });
      return new Promise((resolve) => (answer = resolve));
    };
    const seqs = () =>
      fake.sent.map(({ message }) => (message.data as { snapshot: SessionSnapshot }).snapshot.seq);
    const first = relaySnapshot(snap(30), focused, fake.ports);
    await vi.waitFor(() => expect(seqs()).toEqual([30]));
    // The tab is still busy with 30 while 31, 32 and 33 arrive: 31 and 32 are superseded.
    const later = [31, 32, 33].map((seq) => relaySnapshot(snap(seq), focused, fake.ports));
    answer(null);
    expect((await first).skipped).toBe(false);
    expect((await later[0]!).skipped).toBe(true);
    expect((await later[1]!).skipped).toBe(true);
    await vi.waitFor(() => expect(seqs()).toEqual([30, 33]));
    answer(null);
    expect(await later[2]!).toMatchObject({ delivered: 1, skipped: false });
  });

  it('does not let a tab that never answers hold up the next relay', async () => {
    vi.useFakeTimers();
    const fake = fakePorts(tabs, 1);
    fake.ports.sendToTab = (tabId, message) => {
      fake.sent.push({ tabId, message });
      return tabId === 2 ? new Promise(() => undefined) : Promise.resolve(null);
    };
    const first = relaySnapshot(snap(40), focused, fake.ports);
    await vi.advanceTimersByTimeAsync(0); // 40 is being sent before 41 arrives
    const second = relaySnapshot(snap(41), focused, fake.ports);
    await vi.advanceTimersByTimeAsync(SEND_TIMEOUT_MS);
    expect((await first).delivered).toBe(2);
    await vi.advanceTimersByTimeAsync(SEND_TIMEOUT_MS);
    expect((await second).delivered).toBe(2);
    vi.useRealTimers();
  });

  it('answers whether a tab is the pop target', async () => {
    const fake = fakePorts(tabs, 2);
    expect(await isPopTarget(2, focused, fake.ports)).toBe(true);
    expect(await isPopTarget(1, focused, fake.ports)).toBe(false);
    expect(await isPopTarget(1, { ...focused, popTarget: 'all' }, fake.ports)).toBe(true);
    expect(await isPopTarget(undefined, focused, fake.ports)).toBe(false);
  });
});
