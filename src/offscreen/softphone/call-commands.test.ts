import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallEvent } from '../../shared/calls/call-events';
import { CallCommands, HANGUP_TIMEOUT_MS } from './call-commands';
import { CallRegistry } from './call-registry';
import type { ApiRequest } from './rest-actions';

/** The SDK surface the commands use, plus the private fields sdk-internals reads. */
function fakeSdk() {
  const pending = new Set<string>();
  const sessions: { id: string; conversationId: string; state: string; peerConnection: object }[] =
    [];
  return {
    pending,
    sessions,
    _personDetails: { id: 'user-1' },
    sessionManager: {
      getAllSessions: () => sessions,
      getPendingSession: ({ conversationId }: { conversationId: string }) =>
        pending.has(conversationId) ? { conversationId } : undefined,
    },
    acceptPendingSession: vi.fn(async () => undefined),
    rejectPendingSession: vi.fn(async () => undefined),
    endSession: vi.fn(async (_p: { conversationId: string }): Promise<void> => undefined),
    forceTerminateSession: vi.fn(async () => undefined),
    setAudioMute: vi.fn(async () => undefined),
    setConversationHeld: vi.fn(async () => undefined),
    startSoftphoneSession: vi.fn(async () => ({ id: 'out-1', selfUri: '/x' })),
  };
}

function setup() {
  const sdk = fakeSdk();
  const registry = new CallRegistry();
  const events: CallEvent[] = [];
  const request = vi.fn<ApiRequest>(async () => ({}));
  const commands = new CallCommands(sdk, registry, (e) => events.push(e), request);
  const alert = (id: string) => {
    registry.notePending(id);
    sdk.pending.add(id);
  };
  const connect = (id: string) => {
    registry.noteStarted(id);
    sdk.pending.delete(id);
    sdk.sessions.push({ id: `s-${id}`, conversationId: id, state: 'active', peerConnection: {} });
  };
  return { sdk, registry, events, request, commands, alert, connect };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('answer and decline', () => {
  it('answers a call that is still pending', async () => {
    const { sdk, commands, alert, registry } = setup();
    alert('c1');
    await commands.answer('c1');
    expect(sdk.acceptPendingSession).toHaveBeenCalledWith({ conversationId: 'c1' });
    expect(registry.local('c1')).toBe('answer');
  });

  it.each([
    ['never proposed', () => undefined],
    [
      'the platform moved on',
      (s: ReturnType<typeof setup>) =>
        s.registry.noteFields({ conversationId: 'c1', state: 'disconnected' }),
    ],
    [
      'the SDK dropped the pending session',
      (s: ReturnType<typeof setup>) => s.sdk.pending.delete('c1'),
    ],
    ['it was cancelled', (s: ReturnType<typeof setup>) => s.registry.noteEnded('c1')],
  ])('refuses with not-pending when %s', async (_name, change) => {
    const s = setup();
    if (_name !== 'never proposed') {
      s.alert('c1');
    }
    change(s);
    await expect(s.commands.answer('c1')).rejects.toMatchObject({
      reason: 'not-pending',
      code: 'signalling.call-not-pending',
    });
    expect(s.sdk.acceptPendingSession).not.toHaveBeenCalled();
  });

  it('forgets the local answer when accepting fails', async () => {
    const { sdk, commands, alert, registry } = setup();
    alert('c1');
    sdk.acceptPendingSession.mockRejectedValueOnce(
      Object.assign(new Error('Request failed with status code 503'), {
        response: { status: 503 },
      }),
    );
    await expect(commands.answer('c1')).rejects.toMatchObject({ reason: 'server' });
    expect(registry.local('c1')).toBeUndefined();
  });

  it('declines and reports the call declined once', async () => {
    const { commands, alert, events } = setup();
    alert('c1');
    await commands.decline('c1');
    expect(events).toEqual([{ type: 'call-ended', conversationId: 'c1', reason: 'declined' }]);
    await expect(commands.decline('c1')).rejects.toMatchObject({ reason: 'not-pending' });
  });
});

describe('hang-up', () => {
  it('declines a call that is still ringing', async () => {
    const { sdk, commands, alert } = setup();
    alert('c1');
    await commands.hangUp('c1');
    expect(sdk.rejectPendingSession).toHaveBeenCalledOnce();
    expect(sdk.endSession).not.toHaveBeenCalled();
  });

  it('ends a live call', async () => {
    const { sdk, commands, connect, registry } = setup();
    connect('c1');
    await commands.hangUp('c1');
    expect(sdk.endSession).toHaveBeenCalledWith({ conversationId: 'c1' });
    expect(registry.local('c1')).toBe('hangup');
  });

  it('force-terminates when endSession never settles', async () => {
    vi.useFakeTimers();
    const { sdk, commands, connect } = setup();
    connect('c1');
    sdk.endSession.mockImplementationOnce(() => new Promise<void>(() => undefined));
    const done = commands.hangUp('c1');
    await vi.advanceTimersByTimeAsync(HANGUP_TIMEOUT_MS);
    await done;
    expect(sdk.forceTerminateSession).toHaveBeenCalledWith('s-c1');
  });

  it('refuses calls it does not have', async () => {
    const { commands } = setup();
    await expect(commands.hangUp('nope')).rejects.toMatchObject({ reason: 'no-call' });
    await expect(commands.setMute('nope', true)).rejects.toMatchObject({ reason: 'no-call' });
  });
});

describe('REST call control', () => {
  it('sends digits on the agent participant known from the events', async () => {
    const { commands, connect, registry, request } = setup();
    connect('c1');
    registry.noteFields({ conversationId: 'c1' }, 'p-agent');
    await commands.sendDigits('c1', '12 3#');
    expect(request).toHaveBeenCalledWith(
      '/conversations/calls/c1/participants/p-agent/digits',
      'post',
      { digits: '123#' },
    );
  });

  it('looks the participant up when the events did not name it', async () => {
    const { commands, request } = setup();
    request.mockResolvedValueOnce({
      id: 'c1',
      participants: [{ id: 'p-agent', userId: 'user-1', calls: [{ state: 'connected' }] }],
    });
    await commands.blindTransfer('c1', ' +15550002 ');
    expect(request).toHaveBeenNthCalledWith(1, '/conversations/c1', 'get');
    expect(request).toHaveBeenNthCalledWith(
      2,
      '/conversations/calls/c1/participants/p-agent/replace',
      'post',
      { address: '+15550002' },
    );
  });

  it('validates digits, transfer targets and dialled numbers before any request', async () => {
    const { commands, request, sdk } = setup();
    await expect(commands.sendDigits('c1', '12x')).rejects.toMatchObject({
      reason: 'invalid-argument',
    });
    await expect(commands.blindTransfer('c1', 'a b')).rejects.toMatchObject({
      reason: 'invalid-argument',
    });
    await expect(commands.dial('call me')).rejects.toMatchObject({ reason: 'invalid-argument' });
    expect(sdk.startSoftphoneSession).not.toHaveBeenCalled();
    expect(request).not.toHaveBeenCalled();
  });

  it('dials and remembers the call as outbound', async () => {
    const { commands, registry } = setup();
    await expect(commands.dial(' +1 (555) 000-2 ')).resolves.toEqual({ conversationId: 'out-1' });
    expect(registry.direction('out-1')).toBe('outbound');
  });
});

describe('calls the platform has', () => {
  const conversation = (id: string, state: string) => ({
    id,
    participants: [
      { id: `cust-${id}`, purpose: 'customer', calls: [{ state: 'connected' }] },
      { id: `p-${id}`, purpose: 'agent', userId: 'user-1', calls: [{ state }] },
    ],
  });

  it('lists the agent calls that are not over, with the agent participant', async () => {
    const { commands, request } = setup();
    request.mockResolvedValueOnce({
      entities: [conversation('c1', 'connected'), conversation('c2', 'disconnected'), { bad: 1 }],
    });
    await expect(commands.platformCalls()).resolves.toEqual([
      {
        conversationId: 'c1',
        state: 'connected',
        participantId: 'p-c1',
        fields: expect.objectContaining({ conversationId: 'c1', state: 'connected' }),
      },
    ]);
    expect(request).toHaveBeenCalledWith('/conversations/calls', 'get');
  });

  it('abandons a call without media here by disconnecting the agent participant', async () => {
    const { commands, request, sdk } = setup();
    request.mockResolvedValueOnce(conversation('c1', 'connected'));
    await commands.abandon('c1');
    expect(request).toHaveBeenLastCalledWith('/conversations/calls/c1/participants/p-c1', 'patch', {
      state: 'disconnected',
    });
    expect(sdk.endSession).not.toHaveBeenCalled();
  });

  it('abandoning a call with a live media session here hangs it up instead', async () => {
    const { commands, connect, request, sdk } = setup();
    connect('c1');
    await commands.abandon('c1');
    expect(sdk.endSession).toHaveBeenCalledWith({ conversationId: 'c1' });
    expect(request).not.toHaveBeenCalled();
  });
});
