/**
 * The microphone unplugged mid-call, in real Chromium with its fake capture device. An unplugged
 * headset ends the capture track (`ended`) and the browser fires `devicechange`; the test does
 * both inside the offscreen document. The softphone takes a microphone again (the default), the
 * call stays up, and the far end hears the agent again (its RTP counter grows). With no
 * microphone to be had, the call says so in the snapshot (what the tabs get) and in the popup
 * until one is plugged back in, and then audio resumes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { evaluateInOffscreen } from '../support/extension';
import { startSignedIn, waitForCall, type Stack } from '../support/stack';
import { audioBothWays, callState, command, measure, printOffscreenLog } from './softphone.helpers';

let stack: Stack;
let cid: string;

const offscreen = <T>(expression: string) => evaluateInOffscreen<T>(stack.ext, expression);

/** Remembers every capture track the softphone asks for; can make capture fail (no device). */
const INSTRUMENT = `(() => {
  const devices = navigator.mediaDevices;
  const real = devices.getUserMedia.bind(devices);
  globalThis.__mic = { tracks: [], missing: false };
  devices.getUserMedia = async (constraints) => {
    if (globalThis.__mic.missing && constraints && constraints.audio) {
      throw new DOMException('Requested device not found', 'NotFoundError');
    }
    const stream = await real(constraints);
    globalThis.__mic.tracks.push(...stream.getAudioTracks());
    return stream;
  };
  return true;
})()`;

/** What an unplugged headset does: the live capture track ends, then the device list changes. */
const UNPLUG = `(() => {
  const live = globalThis.__mic.tracks.filter((t) => t.readyState === 'live');
  for (const track of live) {
    track.stop();
    track.dispatchEvent(new Event('ended'));
  }
  navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
  return live.length;
})()`;

const farReceived = async () => (await stack.genesys.control.media(cid)).peer?.packetsReceived ?? 0;

/** Far-end packets from the agent stop growing (the microphone is really gone). */
async function farEndSilent(): Promise<void> {
  await stack.genesys.control.waitFor(
    'the far end hears nothing',
    async () => {
      const a = await farReceived();
      await new Promise((r) => setTimeout(r, 1_500));
      return (await farReceived()) - a < 5;
    },
    10_000,
    0,
  );
}

beforeAll(async () => {
  stack = await startSignedIn();
  await offscreen(INSTRUMENT);
  ({ conversationId: cid } = await stack.genesys.control.placeCall({
    to: 'agent1',
    from: '+14155550123',
  }));
  await waitForCall(stack, cid, 'alerting');
  await command(stack, { type: 'answer', conversationId: cid });
  await waitForCall(stack, cid, 'connected');
  await audioBothWays(stack, cid);
});

beforeEach(() => {
  const since = Date.now();
  onTestFailed(() => printOffscreenLog(stack, since));
});

afterAll(async () => {
  await (stack as Stack | undefined)?.close();
});

describe('microphone removed mid-call', () => {
  it('takes the default microphone again; the call stays up and the far end hears the agent', async () => {
    const unplugged = Date.now();
    expect(await offscreen<number>(UNPLUG)).toBeGreaterThan(0);
    await audioBothWays(stack, cid, 25, 15_000);
    measure('microphone unplugged → far end hears the agent again (ms)', Date.now() - unplugged);
    const call = await callState(stack, cid);
    expect(call?.state).toBe('connected');
    expect(call?.error).toBeUndefined();
    expect(
      await offscreen<number>(
        `globalThis.__mic.tracks.filter((t) => t.readyState === 'live').length`,
      ),
    ).toBeGreaterThan(0);
  });

  it('with no microphone at all the call says so, and recovers once one is plugged in', async () => {
    await offscreen('globalThis.__mic.missing = true');
    await offscreen<number>(UNPLUG);
    await farEndSilent();
    await expect
      .poll(async () => (await callState(stack, cid))?.error?.code, { timeout: 15_000 })
      .toBe('microphone.device-lost');
    expect((await callState(stack, cid))?.state).toBe('connected');
    const popup = await stack.ext.openPage('src/popup/popup.html');
    const warning = popup.locator(
      `[data-call="${cid}"] .call-error[data-code="microphone.device-lost"]`,
    );
    await warning.waitFor({ timeout: 10_000 });
    expect(await warning.textContent()).toMatch(/microphone/i);

    // Plugged back in: the device list changes, the softphone takes it, the warning goes.
    await offscreen(`(() => {
      globalThis.__mic.missing = false;
      navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
      return true;
    })()`);
    await audioBothWays(stack, cid, 25, 15_000);
    await expect
      .poll(async () => (await callState(stack, cid))?.error, { timeout: 10_000 })
      .toBeUndefined();
    await expect.poll(() => warning.count(), { timeout: 10_000 }).toBe(0);
    await popup.close();
    await command(stack, { type: 'hangup', conversationId: cid });
    await waitForCall(stack, cid, 'ended');
  });
});
