import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { CallEvent } from '../../shared/calls/call-events';
import { CallRegistry } from './call-registry';
import { MediaWatch } from './media-watch';
import type { StreamingClient } from './sdk-internals';
import { onRawConversation, tapStreaming, type TapContext } from './streaming-tap';

const body = (state: string) => ({
  eventBody: {
    id: 'c1',
    participants: [
      { id: 'p-cust', purpose: 'customer', name: 'Ada', address: 'tel:+1555' },
      { id: 'p-agent', purpose: 'agent', userId: 'u1', calls: [{ state, direction: 'inbound' }] },
    ],
  },
});

function context() {
  const events: CallEvent[] = [];
  const inbound: number[] = [];
  const ctx: TapContext = {
    registry: new CallRegistry(),
    media: new MediaWatch(() => undefined),
    emit: (e) => events.push(e),
    onInbound: (t) => inbound.push(t),
  };
  return { ctx, events, inbound };
}

describe('onRawConversation', () => {
  it('remembers fields of calls that are not ours yet, without emitting', () => {
    const { ctx, events } = context();
    onRawConversation(body('alerting'), 'u1', ctx);
    expect(events).toEqual([]);
    expect(ctx.registry.fields('c1').remote).toEqual({ name: 'Ada', number: '+1555' });
    expect(ctx.registry.participantId('c1')).toBe('p-agent');
  });

  it('reports the end with this client’s reason before the final fields', () => {
    const { ctx, events } = context();
    ctx.registry.notePending('c1');
    ctx.registry.noteLocal('c1', 'decline');
    onRawConversation(body('disconnected'), 'u1', ctx);
    onRawConversation(body('terminated'), 'u1', ctx);
    expect(events.map((e) => e.type)).toEqual(['call-ended', 'call-updated', 'call-updated']);
    expect(events[0]).toEqual({ type: 'call-ended', conversationId: 'c1', reason: 'declined' });
  });

  it('ignores a malformed notification and says so', () => {
    const { ctx, events } = context();
    const ignored: string[] = [];
    ctx.ignored = (reason) => ignored.push(reason);
    ctx.registry.notePending('c1');
    onRawConversation({ eventBody: { id: 'c1', participants: 'not-a-list' } }, 'u1', ctx);
    onRawConversation({ eventBody: '{"id":' }, 'u1', ctx);
    onRawConversation(null, 'u1', ctx);
    expect(events).toEqual([]);
    expect(ignored).toEqual(['malformed', 'malformed', 'malformed']);
  });

  it('ignores a late event that moves the same participant back, and says so', () => {
    const { ctx, events } = context();
    const ignored: [string, string | undefined][] = [];
    ctx.ignored = (reason, id) => ignored.push([reason, id]);
    ctx.registry.notePending('c1');
    onRawConversation(body('alerting'), 'u1', ctx);
    onRawConversation(body('connected'), 'u1', ctx);
    onRawConversation(body('alerting'), 'u1', ctx);
    onRawConversation(body('connected'), 'u1', ctx); // a duplicate is harmless
    expect(ignored).toEqual([['out-of-order', 'c1']]);
    expect(events.map((e) => (e.type === 'call-updated' ? e.call.state : e.type))).toEqual([
      'alerting',
      'connected',
      'connected',
    ]);
    expect(ctx.registry.fields('c1').state).toBe('connected');
  });
});

describe('tapStreaming', () => {
  it('listens for inbound data and conversation events, and detaches', () => {
    const client = Object.assign(new EventEmitter(), {
      connected: true,
      connecting: false,
      autoReconnect: true,
      hasMadeInitialAttempt: true,
      makeConnectionAttempt: async () => undefined,
    }) as unknown as StreamingClient & EventEmitter;
    const { ctx, inbound } = context();
    ctx.registry.notePending('c1');
    const detach = tapStreaming(client, 'u1', ctx);
    client.emit('raw', 'incoming', '<iq/>');
    client.emit('raw', 'outgoing', '<iq/>');
    client.emit('notify:v2.users.u1.conversations', body('alerting'));
    expect(inbound).toHaveLength(1);
    expect(ctx.registry.participantId('c1')).toBe('p-agent');
    detach();
    expect(client.listenerCount('raw')).toBe(0);
    expect(client.listenerCount('notify:v2.users.u1.conversations')).toBe(0);
  });
});
