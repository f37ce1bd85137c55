import { describe, expect, it } from 'vitest';
import type { CallEvent } from '../../shared/calls/call-events';
import { MediaWatch } from './media-watch';
import type { MediaSession } from './sdk-internals';

class FakePc extends EventTarget {
  connectionState = 'new';
  set(state: string) {
    this.connectionState = state;
    this.dispatchEvent(new Event('connectionstatechange'));
  }
}

function session(conversationId: string, pc = new FakePc()) {
  return {
    session: { id: 's', conversationId, peerConnection: pc } as unknown as MediaSession,
    pc,
  };
}

describe('MediaWatch', () => {
  it('reports each connection state under the current conversation', () => {
    const events: CallEvent[] = [];
    const watch = new MediaWatch((e) => events.push(e));
    const { session: s, pc } = session('c1');
    watch.watch(s);
    watch.watch(s);
    pc.set('connecting');
    pc.set('connected');
    s.conversationId = 'c2'; // a persistent connection carries the next call
    watch.watch(s);
    pc.set('closed');
    pc.set('connected');
    expect(events).toEqual([
      { type: 'call-media', conversationId: 'c1', connectionState: 'connecting' },
      { type: 'call-media', conversationId: 'c1', connectionState: 'connected' },
      { type: 'call-media', conversationId: 'c2', connectionState: 'connected' },
      { type: 'call-media', conversationId: 'c2', connectionState: 'closed' },
    ]);
  });

  it('stops reporting after clear()', () => {
    const events: CallEvent[] = [];
    const watch = new MediaWatch((e) => events.push(e));
    const { session: s, pc } = session('c1');
    watch.watch(s);
    watch.clear();
    pc.set('connected');
    expect(events).toEqual([]);
  });
});
