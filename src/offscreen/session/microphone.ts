/**
 * Whether the microphone may be used here. An offscreen document cannot show a permission prompt,
 * so "prompt" means blocked until the agent grants it from the options page. The permission state
 * decides ('granted' / 'denied'); for 'prompt' (or no Permissions API) one getUserMedia call tells:
 * it succeeds where the browser grants without asking, and fails with NotAllowedError otherwise.
 * Changes of the permission are followed; `check()` re-reads on demand (e.g. while blocked).
 */

export interface MicrophoneEnv {
  queryPermission?(): Promise<PermissionStatus>;
  getUserMedia?(constraints: MediaStreamConstraints): Promise<MediaStream>;
}

export type MicAccess = 'granted' | 'blocked';

const BLOCKING_ERRORS = new Set(['NotAllowedError', 'PermissionDeniedError', 'SecurityError']);
/** A capture that neither succeeds nor fails in this time waits for a prompt nobody can see. */
export const CAPTURE_TIMEOUT_MS = 5_000;

async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const error = new Error('No answer to the microphone request');
      reject(Object.assign(error, { name: 'NotAllowedError' }));
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export class MicrophoneWatch {
  #status: PermissionStatus | undefined;
  #last: MicAccess | undefined;
  #checking: Promise<MicAccess> | undefined;

  constructor(
    private readonly env: MicrophoneEnv,
    private readonly onChange: (access: MicAccess) => void,
  ) {}

  get access(): MicAccess | undefined {
    return this.#last;
  }

  /** Reads the current access (single-flight) and reports it when it changed. */
  check(): Promise<MicAccess> {
    this.#checking ??= this.#read().finally(() => {
      this.#checking = undefined;
    });
    return this.#checking;
  }

  stop(): void {
    if (this.#status !== undefined) {
      this.#status.onchange = null;
    }
  }

  async #read(): Promise<MicAccess> {
    const state = await this.#permissionState();
    const access =
      state === 'granted' ? 'granted' : state === 'denied' ? 'blocked' : await this.#tryCapture();
    if (access !== this.#last) {
      this.#last = access;
      this.onChange(access);
    }
    return access;
  }

  async #permissionState(): Promise<PermissionState | undefined> {
    if (this.env.queryPermission === undefined) {
      return undefined;
    }
    try {
      if (this.#status === undefined) {
        this.#status = await this.env.queryPermission();
        this.#status.onchange = () => void this.check();
      }
      return this.#status.state;
    } catch {
      return undefined;
    }
  }

  async #tryCapture(): Promise<MicAccess> {
    if (this.env.getUserMedia === undefined) {
      return 'blocked';
    }
    try {
      const stream = await within(this.env.getUserMedia({ audio: true }), CAPTURE_TIMEOUT_MS);
      stream.getTracks().forEach((track) => track.stop());
      return 'granted';
    } catch (error) {
      const name = (error as { name?: unknown } | null)?.name;
      // No device or a busy device is a different problem: the permission itself is there.
      return typeof name === 'string' && BLOCKING_ERRORS.has(name) ? 'blocked' : 'granted';
    }
  }
}

/** The browser's own permission and capture functions, where they exist. */
export function browserMicrophoneEnv(): MicrophoneEnv {
  const env: MicrophoneEnv = {};
  if (typeof navigator === 'undefined') {
    return env;
  }
  if ('permissions' in navigator) {
    env.queryPermission = () => navigator.permissions.query({ name: 'microphone' });
  }
  if ('mediaDevices' in navigator) {
    env.getUserMedia = (constraints) => navigator.mediaDevices.getUserMedia(constraints);
  }
  return env;
}
