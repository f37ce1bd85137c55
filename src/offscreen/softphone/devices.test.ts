import { describe, expect, it } from 'vitest';
import { restoreLiveAudio, startDefaults, switchDevices, type SdkDevices } from './devices';

const LISTED = [
  { deviceId: 'default', kind: 'audioinput', label: 'Default', groupId: 'g0' },
  { deviceId: 'mic-1', kind: 'audioinput', label: 'Headset microphone', groupId: 'g1' },
  { deviceId: 'spk-1', kind: 'audiooutput', label: 'Headset', groupId: 'g1' },
];

/** An SDK with one live call whose microphone track is `track` until updateOutgoingMedia. */
function sdkWithCall(defaultMic: string | null, track: { readyState: string } | null) {
  const calls: unknown[] = [];
  let sender = track && { track: { kind: 'audio', ...track } };
  const sdk: SdkDevices & { sessionManager: object } = {
    _config: { defaults: { audioDeviceId: defaultMic } },
    updateDefaultDevices: (options) => {
      calls.push(['updateDefaultDevices', options]);
      return Promise.resolve();
    },
    updateOutgoingMedia: (options) => {
      calls.push(['updateOutgoingMedia', options]);
      sender = { track: { kind: 'audio', readyState: 'live' } };
      return Promise.resolve();
    },
    sessionManager: {
      getAllSessions: () => [
        {
          id: 's1',
          conversationId: 'c1',
          state: 'active',
          peerConnection: {
            connectionState: 'connected',
            getSenders: () => [sender ?? { track: null }],
          },
        },
      ],
    },
  };
  return { sdk, calls };
}

describe('startDefaults', () => {
  it('gives the SDK constructor the chosen devices, the system default as null', () => {
    expect(startDefaults({ microphoneId: 'mic-1', speakerId: 'spk-1' })).toEqual({
      audioDeviceId: 'mic-1',
      outputDeviceId: 'spk-1',
    });
    expect(startDefaults({ microphoneId: 'default', speakerId: 'default' })).toEqual({
      audioDeviceId: null,
      outputDeviceId: null,
    });
    expect(startDefaults(undefined)).toEqual({ audioDeviceId: null, outputDeviceId: null });
  });
});

describe('switchDevices', () => {
  it('hands the SDK the system default as null and the sink as an empty id', async () => {
    const { sdk, calls } = sdkWithCall(null, { readyState: 'live' });
    const sinks: string[] = [];
    const output = { setSinkId: (id: string) => Promise.resolve(void sinks.push(id)) };
    await switchDevices(sdk, output, { microphoneId: 'default', speakerId: 'default' });
    expect(sinks).toEqual(['']);
    expect(calls).toEqual([
      [
        'updateDefaultDevices',
        { audioDeviceId: null, outputDeviceId: null, updateActiveSessions: true },
      ],
    ]);
  });

  it('switches a chosen microphone alone, live calls included', async () => {
    const { sdk, calls } = sdkWithCall(null, { readyState: 'live' });
    const output = { setSinkId: () => Promise.reject(new Error('must not be called')) };
    await switchDevices(sdk, output, { microphoneId: 'mic-1' });
    expect(calls).toEqual([
      ['updateDefaultDevices', { audioDeviceId: 'mic-1', updateActiveSessions: true }],
    ]);
  });
});

describe('restoreLiveAudio', () => {
  it('gives a silent call the chosen microphone while it is connected', async () => {
    const { sdk, calls } = sdkWithCall('mic-1', { readyState: 'ended' });
    await restoreLiveAudio(sdk, 'c1', () => Promise.resolve(LISTED));
    expect(calls).toEqual([
      ['updateOutgoingMedia', { conversationId: 'c1', audioDeviceId: 'mic-1' }],
    ]);
  });

  it('gives it the system default when the chosen one is gone (or the list fails)', async () => {
    const gone = sdkWithCall('mic-2', { readyState: 'ended' });
    await restoreLiveAudio(gone.sdk, 'c1', () => Promise.resolve(LISTED));
    expect(gone.calls).toEqual([
      ['updateOutgoingMedia', { conversationId: 'c1', audioDeviceId: null }],
    ]);
    const failing = sdkWithCall('mic-1', null);
    await restoreLiveAudio(failing.sdk, 'c1', () => Promise.reject(new Error('no list')));
    expect(failing.calls).toEqual([
      ['updateOutgoingMedia', { conversationId: 'c1', audioDeviceId: null }],
    ]);
  });

  it('leaves a call that sends live audio alone', async () => {
    const { sdk, calls } = sdkWithCall('mic-1', { readyState: 'live' });
    await restoreLiveAudio(sdk, 'c1', () => Promise.resolve(LISTED));
    expect(calls).toEqual([]);
  });
});
