/**
 * The agent's microphone, speaker and ringer, in real Chromium with its fake devices ("Fake Audio
 * Input 1/2", "Fake Audio Output 1/2" beside the defaults; one extension origin, so the options
 * page and the offscreen document see the same ids). The choice is saved through the worker as the
 * options page saves it. Chosen before sign-in, it is what the softphone is built with: the call's
 * microphone and the remote audio's sink; the ringer's sink follows its own choice. Mid-call the
 * live call's sender track moves to the new microphone and audio keeps flowing both ways (byte
 * counters at both ends grow after the switch); a capture track that ends is taken again from the
 * chosen microphone; a device id that does not exist leaves the call on the default microphone,
 * and the snapshot and the log say so.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { evaluateInOffscreen } from '../support/extension';
import {
  configure,
  signIn,
  startStack,
  waitForCall,
  waitForConnection,
  type Stack,
} from '../support/stack';
import {
  audioBothWays,
  callState,
  command,
  diagnostics,
  measure,
  printOffscreenLog,
} from './softphone.helpers';

let stack: Stack;
let cid: string;

interface Device {
  kind: string;
  deviceId: string;
  label: string;
}
let devices: Device[];

const offscreen = <T>(expression: string) => evaluateInOffscreen<T>(stack.ext, expression);

/** Remembers every peer connection that sends or receives media (the SDK's calls). */
const INSTRUMENT = `(() => {
  globalThis.__pcs = new Set();
  const proto = RTCPeerConnection.prototype;
  for (const name of ['addTrack', 'addTransceiver', 'setRemoteDescription']) {
    const original = proto[name];
    proto[name] = function (...args) {
      globalThis.__pcs.add(this);
      return original.apply(this, args);
    };
  }
  return true;
})()`;

/** The live call's outgoing audio: which device its sender track captures. */
const SENDER = `(() => {
  const tracks = [...globalThis.__pcs]
    .filter((pc) => pc.connectionState !== 'closed')
    .flatMap((pc) => pc.getSenders())
    .map((s) => s.track)
    .filter((t) => t !== null && t.kind === 'audio' && t.readyState === 'live');
  return tracks.map((t) => ({ deviceId: t.getSettings().deviceId, label: t.label }));
})()`;

const senders = () => offscreen<{ deviceId: string; label: string }[]>(SENDER);
const sinkOf = (id: string) => offscreen<string>(`document.getElementById('${id}').sinkId`);

function device(kind: string, label: string): Device {
  const found = devices.find((d) => d.kind === kind && d.label === label);
  if (found === undefined) {
    throw new Error(`no ${kind} "${label}" in ${JSON.stringify(devices)}`);
  }
  return found;
}

/** Saves `audio.*` through the worker, as the options page does. */
async function chooseDevices(audio: Record<string, string>): Promise<void> {
  const current = await stack.toWorker<{ settings: Record<string, Record<string, unknown>> }>(
    'settings.get',
    null,
  );
  const settings = current.value.settings;
  const saved = await stack.toWorker<{ ok: boolean }>('settings.save', {
    settings: { ...settings, audio: { ...settings['audio'], ...audio } },
  });
  expect(saved.ok && saved.value.ok).toBe(true);
}

/** Bytes the far end received from the agent, and the agent's softphone from the far end. */
async function bytes(): Promise<{ far: number; agent: number }> {
  const far = await stack.genesys.control.media(cid);
  const stats = await diagnostics<{ bytesReceived: number } | null>(
    stack.ext,
    `mediaStats(${JSON.stringify(cid)})`,
  );
  return { far: far.peer?.bytesReceived ?? 0, agent: stats?.bytesReceived ?? 0 };
}

/** Both byte counters grow from now on (audio flows both ways after the switch). */
async function bytesGrowBothWays(): Promise<void> {
  const before = await bytes();
  await stack.genesys.control.waitFor(
    'bytes grow both ways',
    async () => {
      const now = await bytes();
      return now.far - before.far > 2_000 && now.agent - before.agent > 2_000;
    },
    10_000,
    200,
  );
}

async function senderBecomes(deviceId: string): Promise<void> {
  await expect
    .poll(async () => (await senders()).map((s) => s.deviceId), { timeout: 10_000 })
    .toEqual([deviceId]);
}

/** The choice before sign-in: the softphone is built with it. */
const FIRST = { microphoneId: 'Fake Audio Input 2', speakerId: 'Fake Audio Output 1' };

beforeAll(async () => {
  stack = await startStack();
  // The options page lists the devices (the same ids as the offscreen document: one origin).
  devices = await stack.ui.evaluate(async () =>
    (await navigator.mediaDevices.enumerateDevices()).map((d) => ({
      kind: d.kind,
      deviceId: d.deviceId,
      label: d.label,
    })),
  );
  await configure(stack, (settings) => ({
    ...settings,
    audio: {
      ...(settings['audio'] as object),
      microphoneId: device('audioinput', FIRST.microphoneId).deviceId,
      speakerId: device('audiooutput', FIRST.speakerId).deviceId,
    },
  }));
  await signIn(stack);
  await waitForConnection(stack, 'connected');
  await offscreen(INSTRUMENT);
  const inOffscreen = await offscreen<string[]>(
    `navigator.mediaDevices.enumerateDevices().then((list) => list.map((d) => d.deviceId))`,
  );
  expect(inOffscreen).toEqual(devices.map((d) => d.deviceId));
});

beforeEach(() => {
  const since = Date.now();
  onTestFailed(() => printOffscreenLog(stack, since));
});

afterAll(async () => {
  await (stack as Stack | undefined)?.close();
});

describe('audio devices', () => {
  it('chosen before the call: the call captures that microphone, plays on that speaker, rings on that ringer', async () => {
    const mic = device('audioinput', FIRST.microphoneId);
    const speaker = device('audiooutput', FIRST.speakerId);
    const ringer = device('audiooutput', 'Fake Audio Output 2');
    await expect.poll(() => sinkOf('remote-audio'), { timeout: 10_000 }).toBe(speaker.deviceId);
    await chooseDevices({ ringerId: ringer.deviceId });
    await expect.poll(() => sinkOf('ringer'), { timeout: 10_000 }).toBe(ringer.deviceId);

    ({ conversationId: cid } = await stack.genesys.control.placeCall({
      to: 'agent1',
      from: '+14155550123',
    }));
    await waitForCall(stack, cid, 'alerting');
    expect(await offscreen<string>(`document.getElementById('ringer').dataset.ringing`)).toBe(
      'true',
    );
    await command(stack, { type: 'answer', conversationId: cid });
    await waitForCall(stack, cid, 'connected');
    await audioBothWays(stack, cid);
    expect(await senders()).toEqual([{ deviceId: mic.deviceId, label: 'Fake Audio Input 2' }]);
    expect(await sinkOf('remote-audio')).toBe(speaker.deviceId);
  });

  it('switched mid-call: the sender track moves to the new microphone and audio flows both ways', async () => {
    const mic = device('audioinput', 'Fake Audio Input 1');
    const speaker = device('audiooutput', 'Fake Audio Output 2');
    const switched = Date.now();
    await chooseDevices({ microphoneId: mic.deviceId, speakerId: speaker.deviceId });
    await senderBecomes(mic.deviceId);
    measure('microphone chosen mid-call → call sends from it (ms)', Date.now() - switched);
    await expect.poll(() => sinkOf('remote-audio'), { timeout: 10_000 }).toBe(speaker.deviceId);
    await bytesGrowBothWays();
    await audioBothWays(stack, cid);
    const call = await callState(stack, cid);
    expect(call?.state).toBe('connected');
    expect(call?.error).toBeUndefined();
  });

  it('a capture track that ends mid-call is taken again from the chosen microphone', async () => {
    const mic = device('audioinput', 'Fake Audio Input 1');
    const ended = await offscreen<number>(`(() => {
      const live = [...globalThis.__pcs]
        .flatMap((pc) => pc.getSenders())
        .map((s) => s.track)
        .filter((t) => t !== null && t.kind === 'audio' && t.readyState === 'live');
      for (const track of live) {
        track.stop();
        track.dispatchEvent(new Event('ended'));
      }
      navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
      return live.length;
    })()`);
    expect(ended).toBe(1);
    await senderBecomes(mic.deviceId);
    await bytesGrowBothWays();
    expect((await callState(stack, cid))?.error).toBeUndefined();
  });

  it('a microphone that does not exist: the call goes on with the default, and says so', async () => {
    const fallback = device('audioinput', 'Fake Default Audio Input');
    await chooseDevices({ microphoneId: 'no-such-microphone' });
    await expect
      .poll(async () => (await callState(stack, cid))?.error?.code, { timeout: 10_000 })
      .toBe('microphone.not-found');
    expect((await callState(stack, cid))?.error?.message).toMatch(/default microphone/);
    const logged = await diagnostics<{ msg: string; data?: { deviceId?: string } }[]>(
      stack.ext,
      'logs()',
    );
    expect(
      logged.find((e) => e.msg === 'chosen microphone not connected, the default is used')?.data,
    ).toMatchObject({ deviceId: 'no-such-microphone' });
    await senderBecomes(fallback.deviceId);
    await bytesGrowBothWays();
    expect((await callState(stack, cid))?.state).toBe('connected');

    // A real microphone again: the warning goes.
    await chooseDevices({ microphoneId: device('audioinput', 'Fake Audio Input 2').deviceId });
    await expect
      .poll(async () => (await callState(stack, cid))?.error, { timeout: 10_000 })
      .toBeUndefined();
    await audioBothWays(stack, cid);
    await command(stack, { type: 'hangup', conversationId: cid });
    await waitForCall(stack, cid, 'ended');
  });
});
