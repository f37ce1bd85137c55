/**
 * Presence in the ServiceNow tab: the guards agree with the contract's schemas, the status store
 * keeps the newest status, the chip shows it as text and follows changes, and the presence write
 * sets `current_presence_state` only when it differs.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { contentApi } from '../../shared/protocol/contract';
import { ServiceNowError } from '../../shared/servicenow/errors';
import type { TableClient } from '../../shared/servicenow/table-client';
import { contentGuards } from '../messaging/content-guards';
import { isPresenceView, isPresenceWrite } from './guards';
import { readPresence } from './read';
import { createStatusStore } from './status-store';
import { StatusChip } from './StatusChip';
import { writePresence } from './write';

const onQueue = { presence: 'On Queue', routing: 'IDLE', updatedAt: 5 } as const;

describe('presence guards', () => {
  const views: unknown[] = [
    { status: null },
    { status: onQueue },
    { status: { ...onQueue, presence: 'Dancing' } },
    { status: { ...onQueue, routing: '<b>' } },
    { status: { ...onQueue, updatedAt: -1 } },
    { status: { ...onQueue, updatedAt: 1.5 } },
    { status: { presence: 'Break', routing: 'OFF_QUEUE' } },
    {},
    null,
    'On Queue',
  ];
  it.each(views)('agrees with the contract on presence.changed: %j', (data) => {
    expect(isPresenceView(data)).toBe(contentApi['presence.changed'].data.safeParse(data).success);
  });
  it.each([{ state: 'away' }, { state: 'available' }, { state: 'busy' }, {}, null])(
    'agrees with the contract on presence.write: %j',
    (data) => {
      expect(isPresenceWrite(data)).toBe(contentApi['presence.write'].data.safeParse(data).success);
    },
  );
});

describe('presence.read guard', () => {
  it.each([null, {}, 'x'])('agrees with the contract: %j', (data) => {
    expect(contentGuards['presence.read'](data)).toBe(
      contentApi['presence.read'].data.safeParse(data).success,
    );
  });
});

describe('status chip', () => {
  it('shows the status as text, follows changes and ignores an older status', async () => {
    const store = createStatusStore();
    const host = document.createElement('div');
    await act(() => render(<StatusChip t={(key) => key} store={store} />, host));
    expect(host.textContent).toBe('');
    await act(() => store.set(onQueue));
    expect(host.querySelector('.sb-presence')?.getAttribute('data-label')).toBe('on-queue');
    expect(host.textContent).toBe('presenceLabel: presence_on_queue');
    await act(() => store.set({ ...onQueue, routing: 'INTERACTING', updatedAt: 6 }));
    await act(() => store.set({ ...onQueue, presence: 'Break', updatedAt: 4 }));
    expect(host.textContent).toContain('presence_interacting');
    await act(() => store.set(null));
    expect(host.textContent).toBe('');
  });
});

const AGENT = 'a'.repeat(32);
const AWAY = 'b'.repeat(32);

function client(current: string, states = [{ sys_id: AWAY }]) {
  const query = vi.fn((table: string) =>
    Promise.resolve(
      table === 'awa_agent_presence'
        ? [{ sys_id: AGENT, current_presence_state: current }]
        : states,
    ),
  );
  const update = vi.fn((_t: string, sysId: string) => Promise.resolve({ sys_id: sysId }));
  const api: TableClient = { query, create: vi.fn(), update };
  return { api, query, update };
}

describe('ServiceNow presence write in the tab', () => {
  it("sets the agent's own presence record to the wanted state", async () => {
    const c = client('c'.repeat(32));
    expect(await writePresence(c.api, 'away')).toEqual({ ok: true, changed: true });
    expect(c.query).toHaveBeenCalledWith(
      'awa_agent_presence',
      'agent=javascript:gs.getUserID()',
      expect.anything(),
    );
    expect(c.query).toHaveBeenCalledWith('awa_presence_state', 'name=Away', expect.anything());
    expect(c.update).toHaveBeenCalledWith('awa_agent_presence', AGENT, {
      current_presence_state: AWAY,
    });
  });

  it('writes nothing when the state is already set, and reports what is missing', async () => {
    const same = client(AWAY);
    expect(await writePresence(same.api, 'away')).toEqual({ ok: true, changed: false });
    expect(same.update).not.toHaveBeenCalled();
    expect(await writePresence(client(AWAY, []).api, 'away')).toMatchObject({
      ok: false,
      code: 'presence.no-state',
    });
  });

  it("keeps ServiceNow's error code", async () => {
    const c = client('c'.repeat(32));
    c.update.mockRejectedValue(
      new ServiceNowError('servicenow.acl-denied', 'HTTP 403', { reason: 'http', status: 403 }),
    );
    expect(await writePresence(c.api, 'away')).toMatchObject({
      ok: false,
      code: 'servicenow.acl-denied',
    });
  });
});

describe('ServiceNow presence read in the tab', () => {
  it("reads the agent's state by name; no record is null", async () => {
    const query = vi.fn((table: string) =>
      Promise.resolve(
        table === 'awa_agent_presence'
          ? [{ sys_id: AGENT, current_presence_state: AWAY }]
          : [{ sys_id: AWAY, name: 'Away' }],
      ),
    );
    const api: TableClient = { query, create: vi.fn(), update: vi.fn() };
    expect(await readPresence(api)).toEqual({ ok: true, state: 'away' });
    expect(query).toHaveBeenLastCalledWith(
      'awa_presence_state',
      `sys_id=${AWAY}`,
      expect.anything(),
    );
    const none: TableClient = {
      query: () => Promise.resolve([]),
      create: vi.fn(),
      update: vi.fn(),
    };
    expect(await readPresence(none)).toEqual({ ok: true, state: null });
  });
});
