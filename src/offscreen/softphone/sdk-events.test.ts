import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { CallRegistry } from './call-registry';
import { wireSdkEvents, type SdkEventSource } from './sdk-events';
import type { SoftphoneEvent } from './softphone-port';

function wired(options: { autoAnswerAllowed?: boolean; reconnecting?: boolean } = {}) {
  const sdk = new EventEmitter();
  const registry = new CallRegistry();
  const events: SoftphoneEvent[] = [];
  const ctx = {
    emit: (e: SoftphoneEvent) => events.push(e),
    registry,
    autoAnswerAllowed: options.autoAnswerAllowed ?? false,
    reconnecting: () => options.reconnecting ?? true,
    onConnected: vi.fn(),
    watchMedia: vi.fn(),
    acceptNow: vi.fn(),
  };
  wireSdkEvents(sdk as unknown as SdkEventSource, ctx);
  return { sdk, registry, events, ctx };
}

const pending = (conversationId: string, autoAnswer = false) => ({
  id: 's1',
  sessionId: 's1',
  conversationId,
  autoAnswer,
  sessionType: 'softphone',
});
const session = (conversationId: string, extra: Record<string, unknown> = {}) => ({
  id: 's1',
  conversationId,
  sessionType: 'softphone',
  ...extra,
});

describe('pending sessions', () => {
  it('announces an alerting call with the platform fields seen before the propose', () => {
    const { sdk, registry, events } = wired();
    registry.noteFields({ conversationId: 'c1', state: 'alerting', remote: { name: 'Ada' } }, 'p1');
    sdk.emit('pendingSession', pending('c1'));
    expect(events).toEqual([
      {
        type: 'call-alerting',
        call: {
          conversationId: 'c1',
          state: 'alerting',
          remote: { name: 'Ada' },
          direction: 'inbound',
          autoAnswer: false,
        },
      },
    ]);
    expect(registry.isPending('c1')).toBe(true);
  });

  it('reports a withdrawn call once', () => {
    const { sdk, events } = wired();
    sdk.emit('pendingSession', pending('c1'));
    sdk.emit('cancelPendingSession', { sessionId: 's1', conversationId: 'c1' });
    sdk.emit('cancelPendingSession', { sessionId: 's1', conversationId: 'c1' });
    expect(events.map((e) => e.type)).toEqual(['call-alerting', 'call-cancelled']);
  });

  it('reports a call taken by another client as answered elsewhere', () => {
    const { sdk, registry, events } = wired();
    sdk.emit('pendingSession', pending('c1'));
    registry.noteFields({ conversationId: 'c1', state: 'connected' });
    sdk.emit('handledPendingSession', { sessionId: 's1', conversationId: 'c1' });
    expect(events.at(-1)).toEqual({
      type: 'call-ended',
      conversationId: 'c1',
      reason: 'answered-elsewhere',
    });
  });

  it('does not treat its own answer as handled elsewhere', () => {
    const { sdk, registry, events } = wired();
    sdk.emit('pendingSession', pending('c1'));
    registry.noteLocal('c1', 'answer');
    sdk.emit('handledPendingSession', { sessionId: 's1', conversationId: 'c1' });
    expect(events.map((e) => e.type)).toEqual(['call-alerting']);
    expect(registry.isPending('c1')).toBe(false);
  });

  it('lets the SDK auto-answer when allowed', () => {
    const { sdk, registry, events } = wired({ autoAnswerAllowed: true });
    sdk.emit('pendingSession', pending('c1', true));
    sdk.emit('handledPendingSession', { conversationId: 'c1' });
    expect(registry.local('c1')).toBe('auto-answer');
    expect(events.map((e) => e.type)).toEqual(['call-alerting']);
  });

  it('accepts its own outbound call itself when auto-answer is disabled', () => {
    const { sdk, registry, ctx, events } = wired({ autoAnswerAllowed: false });
    registry.noteDialed('c9');
    sdk.emit('pendingSession', pending('c9', true));
    expect(ctx.acceptNow).toHaveBeenCalledWith('c9');
    expect(events[0]).toMatchObject({ type: 'call-alerting', call: { direction: 'outbound' } });
  });

  it('does not bring back a call that already started or ended', () => {
    const { sdk, registry, events } = wired();
    registry.noteStarted('c1');
    registry.noteEnded('c2');
    sdk.emit('pendingSession', pending('c1'));
    sdk.emit('pendingSession', pending('c2'));
    expect(events).toEqual([]);
  });

  it('ignores non-softphone and malformed pending sessions', () => {
    const { sdk, events } = wired();
    sdk.emit('pendingSession', { ...pending('c1'), sessionType: 'screenRecording' });
    sdk.emit('pendingSession', null);
    sdk.emit('pendingSession', { conversationId: '' });
    expect(events).toEqual([]);
  });
});

describe('sessions', () => {
  it('starts watching media and reports the start', () => {
    const { sdk, ctx, events, registry } = wired();
    registry.noteDialed('c1');
    sdk.emit('sessionStarted', session('c1'));
    expect(ctx.watchMedia).toHaveBeenCalledOnce();
    expect(events).toEqual([{ type: 'call-started', conversationId: 'c1', direction: 'outbound' }]);
  });

  it.each([
    ['hangup', 'success', 'local-hangup'],
    [undefined, 'success', 'remote-hangup'],
    [undefined, 'failed-transport', 'failed'],
    ['shutdown', 'success', 'shutdown'],
  ] as const)('local %s + condition %s → %s', (local, condition, reason) => {
    const { sdk, registry, events } = wired();
    if (local !== undefined) {
      registry.noteLocal('c1', local);
    }
    sdk.emit('sessionEnded', session('c1'), { condition });
    sdk.emit('sessionEnded', session('c1'), { condition });
    expect(events).toEqual([
      { type: 'call-ended', conversationId: 'c1', reason, detail: condition },
    ]);
  });

  it('does not end a call whose media session was replaced by a re-invite', () => {
    const { sdk, events } = wired();
    sdk.emit('sessionEnded', session('c1', { sessionReplacedByReinvite: true }), {
      condition: 'success',
    });
    sdk.emit('sessionEnded', session('c1'), { condition: 'alternative-session' });
    expect(events.map((e) => e.type)).toEqual(['trace', 'trace']);
  });
});

describe('connection, errors, station, updates', () => {
  it('calls onConnected once and passes the reconnect flag', () => {
    const { sdk, ctx, events } = wired({ reconnecting: false });
    sdk.emit('connected', { reconnect: false });
    sdk.emit('disconnected', 'Streaming API connection disconnected');
    sdk.emit('connected', { reconnect: true });
    expect(ctx.onConnected).toHaveBeenCalledOnce();
    expect(events).toEqual([
      { type: 'connected', reconnect: false },
      { type: 'disconnected', reconnecting: false },
      { type: 'connected', reconnect: true },
    ]);
  });

  it('classifies sdkError with the nested HTTP status and conversation', () => {
    const { sdk, events } = wired();
    const axiosLike = {
      name: 'AxiosError',
      message: 'Request failed with status code 401',
      response: { status: 401 },
    };
    sdk.emit('sdkError', {
      name: 'Error',
      type: 'http',
      message: 'Request failed',
      details: axiosLike,
    });
    sdk.emit('sdkError', {
      type: 'call',
      message: 'Call error has occurred',
      details: { conversationId: 'c1' },
    });
    expect(events[0]).toMatchObject({
      type: 'error',
      reason: 'auth',
      status: 401,
      code: 'auth.invalid-token',
    });
    expect(events[1]).toMatchObject({
      type: 'error',
      conversationId: 'c1',
      code: 'signalling.call-error',
    });
  });

  it('maps the station', () => {
    const { sdk, events } = wired({ autoAnswerAllowed: true });
    sdk.emit('station', {
      action: 'Associated',
      station: {
        type: 'inin_webrtc_softphone',
        webRtcPersistentEnabled: true,
        webRtcForceTurn: true,
        webRtcCallAppearances: 2,
      },
    });
    sdk.emit('station', { action: 'Disassociated', station: null });
    expect(events).toEqual([
      {
        type: 'station',
        associated: true,
        persistent: true,
        forceTurn: true,
        lineAppearances: 2,
        autoAnswer: true,
      },
      {
        type: 'station',
        associated: false,
        persistent: false,
        forceTurn: false,
        lineAppearances: 1,
        autoAnswer: true,
      },
    ]);
  });

  it('passes conversation updates on for known calls only', () => {
    const { sdk, registry, events } = wired();
    registry.notePending('c1');
    sdk.emit('conversationUpdate', {
      current: [
        {
          conversationId: 'c1',
          mostRecentCallState: { state: 'connected', muted: true, held: false },
        },
        { conversationId: 'other', mostRecentCallState: { state: 'connected' } },
      ],
    });
    expect(events).toEqual([
      {
        type: 'call-updated',
        call: { conversationId: 'c1', state: 'connected', muted: true, held: false },
      },
    ]);
  });
});
