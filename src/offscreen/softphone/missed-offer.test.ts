import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { CallEvent } from '../../shared/calls/call-events';
import { CallCommands } from './call-commands';
import { CallRegistry } from './call-registry';
import type { ApiRequest, PlatformCall } from './rest-actions';
import { wireSdkEvents, type SdkEventSource } from './sdk-events';

/** The commands and the SDK event wiring over one registry, as the adapter has them. */
function setup() {
  const pending = new Set<string>();
  const emitter = new EventEmitter();
  const sdk = Object.assign(emitter, {
    _personDetails: { id: 'user-1' },
    sessionManager: {
      getAllSessions: () => [],
      getPendingSession: ({ conversationId }: { conversationId: string }) =>
        pending.has(conversationId) ? { conversationId } : undefined,
    },
    acceptPendingSession: vi.fn(async () => undefined),
    rejectPendingSession: vi.fn(async () => undefined),
    endSession: vi.fn(async () => undefined),
    forceTerminateSession: vi.fn(async () => undefined),
    setAudioMute: vi.fn(async () => undefined),
    setConversationHeld: vi.fn(async () => undefined),
    startSoftphoneSession: vi.fn(async () => ({ id: 'out-1' })),
  });
  const registry = new CallRegistry();
  const events: CallEvent[] = [];
  const request = vi.fn<ApiRequest>(async () => ({}));
  const commands = new CallCommands(sdk, registry, (e) => events.push(e), request);
  const acceptNow = vi.fn();
  wireSdkEvents(sdk as unknown as SdkEventSource, {
    emit: (e) => events.push(e as CallEvent),
    registry,
    autoAnswerAllowed: false,
    reconnecting: () => true,
    onConnected: vi.fn(),
    watchMedia: vi.fn(),
    acceptNow,
  });
  /** The platform's propose reaches the SDK. */
  const propose = (conversationId: string, autoAnswer: boolean) => {
    pending.add(conversationId);
    emitter.emit('pendingSession', {
      id: 's1',
      sessionId: 's1',
      conversationId,
      autoAnswer,
      sessionType: 'softphone',
    });
  };
  return { sdk, registry, events, request, commands, acceptNow, propose };
}

const MISSED: PlatformCall = {
  conversationId: 'c1',
  state: 'alerting',
  participantId: 'p-1',
  fields: {
    conversationId: 'c1',
    state: 'alerting',
    direction: 'inbound',
    remote: { number: '+14155550123', name: 'Early Caller' },
  },
};

describe('Happy path – a call that rang before the softphone listened', () => {
  it('is announced as alerting, with what the platform says of the caller', () => {
    const { commands, events } = setup();
    expect(commands.offerMissed(MISSED)).toBe(true);
    expect(events).toEqual([
      {
        type: 'call-alerting',
        call: expect.objectContaining({
          conversationId: 'c1',
          direction: 'inbound',
          autoAnswer: false,
          remote: { number: '+14155550123', name: 'Early Caller' },
        }),
      },
    ]);
  });

  it('answer: answered on the platform, and the session it then sends is accepted at once', async () => {
    const { commands, request, acceptNow, propose, events, registry } = setup();
    commands.offerMissed(MISSED);
    await commands.answer('c1');
    expect(request).toHaveBeenCalledWith('/conversations/calls/c1/participants/p-1', 'patch', {
      state: 'connected',
    });
    propose('c1', true);
    expect(acceptNow).toHaveBeenCalledWith('c1');
    expect(events.filter((e) => e.type === 'call-alerting')).toHaveLength(1);
    expect(registry.local('c1')).toBe('answer');
  });

  it('decline: the agent leaves the call on the platform', async () => {
    const { commands, request, events } = setup();
    commands.offerMissed(MISSED);
    await commands.decline('c1');
    expect(request).toHaveBeenCalledWith('/conversations/calls/c1/participants/p-1', 'patch', {
      state: 'disconnected',
    });
    expect(events.at(-1)).toEqual({ type: 'call-ended', conversationId: 'c1', reason: 'declined' });
  });
});

describe('Edge cases', () => {
  it('a call this client knows already is not offered twice', () => {
    const { commands, propose, events } = setup();
    propose('c1', false);
    expect(commands.offerMissed(MISSED)).toBe(false);
    expect(events.filter((e) => e.type === 'call-alerting')).toHaveLength(1);
  });

  it('its late propose arriving before the answer makes it an ordinary pending call', async () => {
    const { commands, sdk, request, propose } = setup();
    commands.offerMissed(MISSED);
    propose('c1', false);
    await commands.answer('c1');
    expect(sdk.acceptPendingSession).toHaveBeenCalledWith({ conversationId: 'c1' });
    expect(request).not.toHaveBeenCalled();
  });

  it('an answer the platform refuses leaves the call answerable', async () => {
    const { commands, request, registry } = setup();
    commands.offerMissed(MISSED);
    request.mockRejectedValueOnce(Object.assign(new Error('gone'), { status: 404 }));
    await expect(commands.answer('c1')).rejects.toMatchObject({ name: 'SoftphoneError' });
    expect(registry.local('c1')).toBeUndefined();
    expect(registry.isPending('c1')).toBe(true);
  });
});
