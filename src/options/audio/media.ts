/**
 * Microphone and speakers from the options page: the permission (granted here once, because the
 * offscreen document cannot prompt), device lists, a level meter and a test tone. Browser APIs
 * only; nothing here is stored.
 */

export const MIC_PERMISSIONS = ['granted', 'denied', 'prompt', 'unavailable'] as const;
export type MicPermission = (typeof MIC_PERMISSIONS)[number];

export interface DeviceOption {
  id: string;
  label: string;
}

export interface DeviceLists {
  inputs: DeviceOption[];
  outputs: DeviceOption[];
}

export function mediaAvailable(): boolean {
  // mediaDevices is missing outside secure contexts, whatever the DOM types say.
  return 'mediaDevices' in navigator;
}

export async function microphonePermission(): Promise<MicPermission> {
  if (!mediaAvailable()) {
    return 'unavailable';
  }
  try {
    const status = await navigator.permissions.query({ name: 'microphone' });
    return status.state;
  } catch {
    return 'prompt';
  }
}

/** Asks for the microphone from this page; resolves with the stream (caller stops it). */
export function requestMicrophone(deviceId?: string): Promise<MediaStream> {
  const audio = deviceId && deviceId !== 'default' ? { deviceId: { exact: deviceId } } : true;
  return navigator.mediaDevices.getUserMedia({ audio });
}

export async function listDevices(): Promise<DeviceLists> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  const pick = (kind: MediaDeviceKind) =>
    devices
      .filter(
        (device) => device.kind === kind && device.deviceId !== '' && device.deviceId !== 'default',
      )
      .map((device) => ({ id: device.deviceId, label: device.label }));
  return { inputs: pick('audioinput'), outputs: pick('audiooutput') };
}

/** Calls onLevel (0..1, RMS) about 20 times a second until the returned stop is called. */
export function startLevelMeter(stream: MediaStream, onLevel: (level: number) => void): () => void {
  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    const rms = Math.sqrt(samples.reduce((sum, x) => sum + x * x, 0) / samples.length);
    onLevel(Math.min(1, rms * 4));
  }, 50);
  return () => {
    clearInterval(timer);
    void context.close();
  };
}

/** Plays a short tone (a ring-like pair for the ringer) on the chosen output device. */
export async function playTestTone(sinkId: string, volume: number, ring = false): Promise<void> {
  const context = new AudioContext();
  const destination = context.createMediaStreamDestination();
  const gain = context.createGain();
  gain.gain.value = Math.max(0, Math.min(1, volume)) * 0.3;
  gain.connect(destination);
  const start = context.currentTime;
  const tones = ring ? [440, 480] : [660];
  for (const frequency of tones) {
    const oscillator = context.createOscillator();
    oscillator.frequency.value = frequency;
    oscillator.connect(gain);
    oscillator.start(start);
    oscillator.stop(start + 1);
  }
  const audio = new Audio();
  audio.srcObject = destination.stream;
  if (sinkId !== 'default') {
    await audio.setSinkId(sinkId);
  }
  await audio.play();
  await new Promise((resolve) => setTimeout(resolve, 1100));
  audio.pause();
  await context.close();
}
