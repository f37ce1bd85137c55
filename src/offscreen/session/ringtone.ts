/**
 * The ringtone, played in the offscreen document (so it rings with every ServiceNow tab closed): a
 * tone generated with WebAudio (two sines, 440 + 480 Hz, two seconds on, four off — the North
 * American ring cadence), routed through a MediaStream into the `<audio id="ringer">` element so
 * the agent's ringer device can be chosen with setSinkId. No audio files are fetched. Idempotent:
 * `ring()` while ringing and `silence()` while silent do nothing. The element carries
 * `data-ringing` for diagnostics.
 */

export interface Ringer {
  ring(): void;
  silence(): void;
  setVolume(volume: number): void;
  /** Rings on this output device ('default': the system's); rejects when it cannot be used. */
  setDevice(deviceId: string): Promise<void>;
  readonly ringing: boolean;
}

/** Rings while `on`, silent otherwise (both idempotent). */
export function ringWhile(ringer: Ringer, on: boolean): void {
  if (on) {
    ringer.ring();
  } else {
    ringer.silence();
  }
}

const TONES_HZ = [440, 480];
const ON_S = 2;
const CYCLE_S = 6;
/** Cadence scheduled ahead; `ring()` reschedules it when it runs out. */
const CYCLES_AHEAD = 50;

interface Playing {
  context: AudioContext;
  sources: OscillatorNode[];
}

export class WebAudioRinger implements Ringer {
  #playing: Playing | undefined;
  #volume = 0.8;

  constructor(
    private readonly element: HTMLAudioElement,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  get ringing(): boolean {
    return this.#playing !== undefined;
  }

  setVolume(volume: number): void {
    this.#volume = Math.min(Math.max(volume, 0), 1);
  }

  async setDevice(deviceId: string): Promise<void> {
    if (typeof this.element.setSinkId !== 'function') {
      throw new Error('This browser cannot choose the ringer device (no setSinkId).');
    }
    await this.element.setSinkId(deviceId === 'default' ? '' : deviceId);
  }

  ring(): void {
    if (this.#playing !== undefined) {
      return;
    }
    try {
      this.#playing = this.#start();
      this.element.dataset['ringing'] = 'true';
    } catch (error) {
      this.onError(error);
    }
  }

  silence(): void {
    const playing = this.#playing;
    this.#playing = undefined;
    this.element.dataset['ringing'] = 'false';
    if (playing === undefined) {
      return;
    }
    this.element.pause();
    this.element.srcObject = null;
    for (const source of playing.sources) {
      source.stop();
      source.disconnect();
    }
    void playing.context.close().catch(this.onError);
  }

  #start(): Playing {
    const context = new AudioContext();
    const gain = context.createGain();
    const destination = context.createMediaStreamDestination();
    gain.connect(destination);
    const level = 0.25 * this.#volume;
    const t0 = context.currentTime;
    gain.gain.setValueAtTime(0, t0);
    for (let i = 0; i < CYCLES_AHEAD; i++) {
      const start = t0 + i * CYCLE_S;
      gain.gain.setValueAtTime(level, start);
      gain.gain.setValueAtTime(0, start + ON_S);
    }
    const sources = TONES_HZ.map((hz) => {
      const oscillator = context.createOscillator();
      oscillator.frequency.value = hz;
      oscillator.connect(gain);
      oscillator.start();
      return oscillator;
    });
    this.element.srcObject = destination.stream;
    void context.resume().catch(this.onError);
    void this.element.play().catch(this.onError);
    return { context, sources };
  }
}

/** A ringer that only remembers whether it should ring (tests, and documents without audio). */
export class SilentRinger implements Ringer {
  ringing = false;
  volume = 0.8;
  device = 'default';
  ring(): void {
    this.ringing = true;
  }
  silence(): void {
    this.ringing = false;
  }
  setVolume(volume: number): void {
    this.volume = volume;
  }
  setDevice(deviceId: string): Promise<void> {
    this.device = deviceId;
    return Promise.resolve();
  }
}
