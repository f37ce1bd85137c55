import { describe, expect, it } from 'vitest';
import { seedDirectory, SEED } from '../state';
import { dialTarget, inboundParticipants, outboundParticipants } from './build';

const dir = seedDirectory();
const agent1 = dir.users.get(SEED.agent1.userId);
const support = [...dir.queues.values()].find((q) => q.name === 'Support');

describe('conversation builders', () => {
  it('puts attributes on the customer and the queue on the alerting agent', () => {
    if (!agent1) {
      throw new Error('seed');
    }
    const [customer, acd, agent] = inboundParticipants(agent1, support, { attributes: { a: '1' } });
    expect(customer).toMatchObject({
      purpose: 'customer',
      state: 'connected',
      attributes: { a: '1' },
    });
    expect(acd).toMatchObject({ purpose: 'acd', queueName: 'Support' });
    expect(agent).toMatchObject({
      purpose: 'agent',
      userId: agent1.id,
      state: 'alerting',
      wrapupRequired: true,
    });
    const direct = inboundParticipants(agent1, undefined, {});
    expect(direct.map((p) => p.purpose)).toEqual(['customer', 'user']);
  });

  it('builds outbound calls to phone numbers and reads the dial target', () => {
    if (!agent1) {
      throw new Error('seed');
    }
    const [agent, far] = outboundParticipants(agent1, '+15550002');
    expect(agent).toMatchObject({ state: 'contacting', direction: 'outbound', userId: agent1.id });
    expect(far?.address).toBe('tel:+15550002');
    expect(dialTarget({ phoneNumber: '+1' })).toBe('+1');
    expect(dialTarget({ callUserId: 'u' })).toBe('u');
    expect(dialTarget({ phoneNumber: '' })).toBeUndefined();
  });
});
