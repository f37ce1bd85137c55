/** Routing-status changes the platform makes around ACD calls, recorded with `by: 'platform'`. */
import { describe, expect, it } from 'vitest';
import type { Hub } from '../hub';
import type { User } from '../state';
import { acdCallConnected, acdCallEnded, missedAcdCall } from './routing';

function setup(presence: string, routing: string) {
  const published: string[] = [];
  const hub = {
    dir: { presenceChanges: [] as { kind: string; value: string; by?: string }[] },
    streaming: { publish: (topic: string) => published.push(topic) },
  } as unknown as Hub;
  const user = {
    id: 'u1',
    presence: { systemPresence: presence },
    routingStatus: { status: routing, startTime: '' },
  } as unknown as User;
  const log = () => hub.dir.presenceChanges.map((c) => `${c.value}:${c.by ?? 'client'}`);
  return { hub, user, log, published };
}

describe('platform routing status', () => {
  it('an answered queue call is INTERACTING until it ends, then IDLE', () => {
    const { hub, user, log, published } = setup('On Queue', 'IDLE');
    acdCallConnected(hub, user);
    expect(user.routingStatus.status).toBe('INTERACTING');
    acdCallEnded(hub, user);
    expect(log()).toEqual(['INTERACTING:platform', 'IDLE:platform']);
    expect(published).toEqual(['v2.users.u1.routingStatus', 'v2.users.u1.routingStatus']);
  });

  it('leaves an agent off queue alone', () => {
    const { hub, user, log } = setup('Available', 'OFF_QUEUE');
    acdCallConnected(hub, user);
    acdCallEnded(hub, user);
    missedAcdCall(hub, user);
    expect(log()).toEqual([]);
  });
});
