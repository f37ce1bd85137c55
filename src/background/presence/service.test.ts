/** The worker's presence service and actions with a fake Genesys API and notification port. */
import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../shared/logger';
import type { AgentStatus, RoutingStatus, SystemPresence } from '../../shared/presence/status';
import { NOT_RESPONDING_ID, QUEUE_COMMAND, createPresenceActions } from './actions';
import type { PresenceApi } from './genesys-rest';
import { createPresenceService, type PresenceService } from './service';

const log = { info: vi.fn(), warn: vi.fn(), debug: vi.fn() } as unknown as Logger;

function setup(initial: { presence: SystemPresence; routing: RoutingStatus }) {
  const remote = { ...initial };
  const calls: string[] = [];
  const api: PresenceApi = {
    read: () => Promise.resolve({ ...remote }),
    setPresence: (presence) => {
      calls.push(`presence:${presence}`);
      remote.presence = presence;
      return Promise.resolve();
    },
    setRouting: (status) => {
      calls.push(`routing:${status}`);
      remote.routing = status;
      return Promise.resolve();
    },
  };
  let stored: AgentStatus | null = null;
  const published: (AgentStatus | null)[] = [];
  const port = { show: vi.fn(() => Promise.resolve()), clear: vi.fn(() => Promise.resolve()) };
  const actions = createPresenceActions({
    service: () => service,
    port,
    enabled: () => true,
    t: (key) => key,
  });
  const service: PresenceService = createPresenceService({
    api,
    store: {
      load: () => Promise.resolve(stored),
      save: (s) => {
        stored = s;
        return Promise.resolve();
      },
    },
    signedIn: () => Promise.resolve(true),
    publish: (s) => published.push(s),
    notResponding: (entered) => actions.notResponding(entered),
    now: () => 10,
    log,
  });
  return { service, actions, calls, published, port };
}

describe('presence service', () => {
  it('reads the status from Genesys once and publishes it', async () => {
    const { service, published } = setup({ presence: 'Available', routing: 'OFF_QUEUE' });
    expect(await service.get(false)).toMatchObject({ presence: 'Available' });
    expect(await service.get(false)).toMatchObject({ presence: 'Available' });
    expect(published).toHaveLength(1);
  });

  it('a missed ACD call raises the notification; its button puts the agent back on queue', async () => {
    const { service, actions, calls, port } = setup({ presence: 'On Queue', routing: 'IDLE' });
    await service.get(false);
    await service.event({ routing: 'NOT_RESPONDING' });
    expect(port.show).toHaveBeenCalledWith(
      NOT_RESPONDING_ID,
      expect.objectContaining({ buttons: ['presenceBackOnQueue'] }),
    );
    expect(await actions.buttonClicked(NOT_RESPONDING_ID, 0)).toBe(true);
    expect(calls).toEqual(['routing:IDLE']);
    expect(await service.get(false)).toMatchObject({ presence: 'On Queue', routing: 'IDLE' });
    expect(port.clear).toHaveBeenCalledWith(NOT_RESPONDING_ID);
  });

  it('ignores other notifications and commands', async () => {
    const { actions, calls } = setup({ presence: 'On Queue', routing: 'IDLE' });
    expect(await actions.buttonClicked('incoming:abc', 0)).toBe(false);
    expect(await actions.command('hang-up')).toBe(false);
    expect(calls).toEqual([]);
  });

  it('the queue command toggles on and off queue', async () => {
    const { actions, calls, service } = setup({ presence: 'Available', routing: 'OFF_QUEUE' });
    expect(await actions.command(QUEUE_COMMAND)).toBe(true);
    expect(await service.get(false)).toMatchObject({ presence: 'On Queue', routing: 'IDLE' });
    await actions.command(QUEUE_COMMAND);
    expect(calls).toEqual(['presence:On Queue', 'presence:Available']);
  });
});
