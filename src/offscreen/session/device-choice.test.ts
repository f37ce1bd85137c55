import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionConfig } from '../../shared/protocol/schemas';
import { SoftphoneError } from '../softphone/softphone-error';
import type { AudioDevice } from '../softphone/softphone-port';
import { resolveDevice } from './device-choice';
import { CONFIG, harness, withToken, type Harness } from './supervisor.testkit';

afterEach(() => {
  vi.useRealTimers();
});

const DEVICES: AudioDevice[] = [
  { deviceId: 'default', kind: 'audioinput', label: 'Default', groupId: 'g0' },
  { deviceId: 'mic-1', kind: 'audioinput', label: 'Headset microphone', groupId: 'g1' },
  { deviceId: 'mic-2', kind: 'audioinput', label: 'Desk microphone', groupId: 'g2' },
  { deviceId: 'default', kind: 'audiooutput', label: 'Default', groupId: 'g0' },
  { deviceId: 'spk-1', kind: 'audiooutput', label: 'Headset', groupId: 'g1' },
  { deviceId: 'spk-2', kind: 'audiooutput', label: 'Desk speaker', groupId: 'g2' },
];

const CHOSEN: SessionConfig = {
  ...CONFIG,
  devices: { microphoneId: 'mic-1', speakerId: 'spk-1', ringerId: 'spk-2' },
};

function withDevices(devices: Partial<NonNullable<SessionConfig['devices']>>, base = CHOSEN) {
  return { ...base, devices: { ...CHOSEN.devices!, ...base.devices, ...devices } };
}

async function connectedWith(config: SessionConfig): Promise<Harness> {
  const h = harness();
  h.port.devices = [...DEVICES];
  h.supervisor.configure(config);
  await h.flush();
  expect(h.kind()).toBe('connected');
  return h;
}

async function inCallWith(config: SessionConfig): Promise<Harness> {
  const h = await connectedWith(config);
  h.port.emitAlerting({ conversationId: 'c1', remote: { number: '+15550100' } });
  await h.supervisor.command({ type: 'answer', conversationId: 'c1' });
  await h.flush();
  expect(h.last()?.calls[0]?.state).toBe('connected');
  return h;
}

const warnings = (h: Harness) =>
  h
    .logs()
    .filter((e) => e.level === 'warn')
    .map((e) => e.msg);

describe('resolveDevice', () => {
  it('keeps a listed device and the system default; anything else becomes the default', () => {
    expect(resolveDevice(DEVICES, 'audioinput', 'mic-2')).toEqual({
      deviceId: 'mic-2',
      missing: false,
    });
    expect(resolveDevice(DEVICES, 'audioinput', 'default')).toEqual({
      deviceId: 'default',
      missing: false,
    });
    expect(resolveDevice(DEVICES, 'audiooutput', 'mic-2')).toEqual({
      deviceId: 'default',
      missing: true,
    });
  });
});

describe('Devices – happy path', () => {
  it('the softphone starts with the chosen devices and gets them once connected', async () => {
    const h = await connectedWith(CHOSEN);
    expect(h.port.config?.devices).toEqual({ microphoneId: 'mic-1', speakerId: 'spk-1' });
    expect(h.port.calls('setDevices')).toEqual([[{ microphoneId: 'mic-1', speakerId: 'spk-1' }]]);
    expect(h.ringer.device).toBe('spk-2');
    expect(warnings(h)).toEqual([]);
  });

  it('without a choice in the configuration the system defaults are used', async () => {
    const h = await connectedWith(CONFIG);
    expect(h.port.config?.devices).toEqual({ microphoneId: 'default', speakerId: 'default' });
    expect(h.port.calls('setDevices')).toEqual([
      [{ microphoneId: 'default', speakerId: 'default' }],
    ]);
    expect(h.ringer.device).toBe('default');
  });

  it('a new microphone mid-call is applied once, alone; the call goes on', async () => {
    const h = await inCallWith(CHOSEN);
    h.supervisor.configure(withDevices({ microphoneId: 'mic-2' }));
    await h.flush();
    expect(h.port.calls('setDevices').slice(1)).toEqual([[{ microphoneId: 'mic-2' }]]);
    h.supervisor.configure(withDevices({ microphoneId: 'mic-2', speakerId: 'spk-2' }));
    await h.flush();
    expect(h.port.calls('setDevices').slice(2)).toEqual([[{ speakerId: 'spk-2' }]]);
    expect(h.last()?.calls[0]).toMatchObject({ state: 'connected' });
    expect(h.last()?.calls[0]?.error).toBeUndefined();
  });

  it('changes of something else (a token, the network profile, the ringer) switch no call device', async () => {
    const h = await inCallWith(CHOSEN);
    const before = h.port.calls('setDevices').length;
    h.supervisor.configure(withToken('token-two', CHOSEN));
    h.supervisor.configure({
      ...withToken('token-two', CHOSEN),
      network: { kind: 'high-latency' },
    });
    h.supervisor.configure(withDevices({ ringerId: 'spk-1' }, withToken('token-two', CHOSEN)));
    await h.flush();
    expect(h.port.calls('setDevices')).toHaveLength(before);
    expect(h.ringer.device).toBe('spk-1');
  });

  it('a soft reconnect keeps the devices; a new softphone instance gets them again', async () => {
    const h = await connectedWith(CHOSEN);
    h.port.emitDisconnected();
    await h.advance(300);
    expect(h.kind()).toBe('connected');
    expect(h.port.calls('setDevices')).toHaveLength(1);

    h.port.failNextReconnect(new SoftphoneError('timeout', 'Signalling reconnect timed out'));
    h.port.emitDisconnected();
    await h.advance(1_500);
    expect(h.port.calls('start')).toHaveLength(2);
    expect(h.kind()).toBe('connected');
    expect(h.port.calls('setDevices')).toEqual([
      [{ microphoneId: 'mic-1', speakerId: 'spk-1' }],
      [{ microphoneId: 'mic-1', speakerId: 'spk-1' }],
    ]);
  });

  it('a choice made while signed out applies when the softphone connects', async () => {
    const h = harness();
    h.port.devices = [...DEVICES];
    h.supervisor.configure(CHOSEN);
    h.supervisor.configure(null);
    await h.flush();
    expect(h.port.calls('setDevices')).toEqual([]);
    h.supervisor.configure(withDevices({ microphoneId: 'mic-2' }));
    await h.flush();
    expect(h.port.calls('setDevices')).toEqual([[{ microphoneId: 'mic-2', speakerId: 'spk-1' }]]);
  });
});

describe('Devices – failure case: a chosen device is not connected', () => {
  it('mid-call, an unknown microphone falls back to the default and the call says so', async () => {
    const h = await inCallWith(CHOSEN);
    h.supervisor.configure(withDevices({ microphoneId: 'unplugged-headset' }));
    await h.flush();
    expect(h.port.calls('setDevices').at(-1)).toEqual([{ microphoneId: 'default' }]);
    expect(warnings(h)).toContain('chosen microphone not connected, the default is used');
    expect(h.last()?.calls[0]).toMatchObject({
      state: 'connected',
      error: { code: 'microphone.not-found' },
    });

    h.supervisor.configure(withDevices({ microphoneId: 'mic-2' }));
    await h.flush();
    expect(h.port.calls('setDevices').at(-1)).toEqual([{ microphoneId: 'mic-2' }]);
    expect(h.last()?.calls[0]?.error).toBeUndefined();
  });

  it('at start, unknown devices are replaced by the defaults, each with a warning', async () => {
    const h = await connectedWith(
      withDevices({ microphoneId: 'gone-mic', speakerId: 'gone-spk', ringerId: 'gone-ring' }),
    );
    expect(h.port.calls('setDevices')).toEqual([
      [{ microphoneId: 'default', speakerId: 'default' }],
    ]);
    expect(h.ringer.device).toBe('default');
    expect(warnings(h)).toEqual(
      expect.arrayContaining([
        'chosen microphone not connected, the default is used',
        'chosen speaker not connected, the default is used',
        'chosen ringer not connected, the default is used',
      ]),
    );
  });

  it('a ringer that cannot take the device rings on the default', async () => {
    const h = harness();
    h.port.devices = [...DEVICES];
    const chosen: string[] = [];
    h.ringer.setDevice = (id) => {
      chosen.push(id);
      return id === 'default' ? Promise.resolve() : Promise.reject(new Error('NotAllowedError'));
    };
    h.supervisor.configure(CHOSEN);
    await h.flush();
    expect(chosen).toEqual(['spk-2', 'default']);
    expect(warnings(h)).toContain('ringer device could not be chosen, the default is used');
  });

  it('a switch the softphone refuses is logged; the call goes on and the next choice applies', async () => {
    const h = await inCallWith(CHOSEN);
    h.port.failNextSetDevices(new SoftphoneError('mic', 'The call has no microphone audio.'));
    h.supervisor.configure(withDevices({ microphoneId: 'mic-2' }));
    await h.flush();
    expect(warnings(h)).toContain('audio devices could not be applied');
    expect(h.last()?.calls[0]?.state).toBe('connected');
    h.supervisor.configure(withDevices({ microphoneId: 'mic-1' }));
    await h.flush();
    expect(h.port.calls('setDevices').at(-1)).toEqual([{ microphoneId: 'mic-1' }]);
  });
});
