import { describe, expect, it } from 'vitest';
import { displayAddress, mapRawConversation, mapSdkConversationState } from './conversation-map';

const ME = 'user-1';

function conversation(overrides: { agentCalls?: unknown[]; extra?: unknown[] } = {}) {
  return {
    id: 'conv-1',
    participants: [
      {
        id: 'p-customer',
        purpose: 'customer',
        name: 'Ada Lovelace',
        address: 'tel:+15550100',
        attributes: { ticket: 'INC0001', nested: { no: 1 } },
        calls: [{ state: 'connected', direction: 'inbound' }],
      },
      { id: 'p-acd', purpose: 'acd', name: 'Support', queueId: 'q1', calls: [] },
      {
        id: 'p-agent',
        purpose: 'agent',
        userId: ME,
        calls: overrides.agentCalls ?? [
          {
            state: 'alerting',
            direction: 'inbound',
            muted: false,
            held: false,
            recordingId: 'rec-1',
          },
        ],
      },
      ...(overrides.extra ?? []),
    ],
  };
}

describe('mapRawConversation', () => {
  it('maps the agent call, the caller, the queue and capped attributes', () => {
    expect(mapRawConversation(conversation(), ME)).toEqual({
      userParticipantId: 'p-agent',
      fields: {
        conversationId: 'conv-1',
        direction: 'inbound',
        state: 'alerting',
        muted: false,
        held: false,
        recordingId: 'rec-1',
        queue: 'Support',
        remote: { name: 'Ada Lovelace', number: '+15550100' },
        attributes: { ticket: 'INC0001' },
        attributesTruncated: true,
      },
    });
  });

  it('prefers the live call of a re-alerted agent over the ended one', () => {
    const body = conversation({
      extra: [{ id: 'p-agent-2', purpose: 'agent', userId: ME, calls: [{ state: 'alerting' }] }],
      agentCalls: [{ state: 'disconnected' }],
    });
    const mapped = mapRawConversation(body, ME);
    expect(mapped?.userParticipantId).toBe('p-agent-2');
    expect(mapped?.fields.state).toBe('alerting');
  });

  it('falls back to the call peer when no customer participant is listed', () => {
    const body = {
      id: 'conv-2',
      participants: [
        {
          id: 'p',
          userId: ME,
          queueName: 'Sales',
          calls: [
            {
              state: 'dialing',
              direction: 'outbound',
              other: { name: 'Bob', addressNormalized: 'tel:+1555' },
            },
          ],
        },
      ],
    };
    expect(mapRawConversation(body, ME)?.fields).toMatchObject({
      direction: 'outbound',
      queue: 'Sales',
      remote: { name: 'Bob', number: '+1555' },
    });
  });

  it.each([
    ['not an object', 'nope'],
    ['no id', { participants: [] }],
    ['no participants', { id: 'c', participants: [] }],
    ['we are not a participant', { id: 'c', participants: [{ id: 'x', userId: 'someone-else' }] }],
  ])('returns null for %s', (_name, body) => {
    expect(mapRawConversation(body, ME)).toBeNull();
  });

  it('ignores fields of the wrong type instead of failing', () => {
    const body = conversation({ agentCalls: [{ state: 42, muted: 'yes', held: true }] });
    const fields = mapRawConversation(body, ME)?.fields;
    expect(fields?.held).toBe(true);
    expect(fields).not.toHaveProperty('state');
    expect(fields).not.toHaveProperty('muted');
  });
});

describe('mapSdkConversationState', () => {
  it('reads state, mute and hold from the SDK conversation entry', () => {
    const entry = {
      conversationId: 'c1',
      session: { big: 'object' },
      mostRecentCallState: { state: 'connected', muted: true, held: false, direction: 'inbound' },
    };
    expect(mapSdkConversationState(entry)).toEqual({
      conversationId: 'c1',
      state: 'connected',
      muted: true,
      held: false,
      direction: 'inbound',
    });
  });

  it('returns null without a conversation id', () => {
    expect(mapSdkConversationState({ mostRecentCallState: {} })).toBeNull();
  });
});

describe('displayAddress', () => {
  it.each([
    ['tel:+15550100', '+15550100'],
    ['sip:alice@example.com', 'alice@example.com'],
    ['+44 20', '+44 20'],
    ['', undefined],
    [undefined, undefined],
  ])('%s → %s', (input, expected) => {
    expect(displayAddress(input)).toBe(expected);
  });
});
