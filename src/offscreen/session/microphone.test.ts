import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CAPTURE_TIMEOUT_MS,
  MicrophoneWatch,
  type MicAccess,
  type MicrophoneEnv,
} from './microphone';

function status(state: PermissionState) {
  return { state, onchange: null } as unknown as PermissionStatus & { state: PermissionState };
}

const stream = () => ({ getTracks: () => [{ stop: vi.fn() }] }) as unknown as MediaStream;
const domError = (name: string) => Object.assign(new Error(name), { name });

function watch(env: MicrophoneEnv) {
  const seen: MicAccess[] = [];
  return { mic: new MicrophoneWatch(env, (access) => seen.push(access)), seen };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('MicrophoneWatch', () => {
  it.each([
    ['granted', undefined, 'granted'],
    ['denied', undefined, 'blocked'],
    ['prompt', 'ok', 'granted'],
    ['prompt', 'NotAllowedError', 'blocked'],
    ['prompt', 'NotFoundError', 'granted'],
  ] as const)('permission %s, capture %s → %s', async (state, capture, expected) => {
    const getUserMedia = vi.fn(async () => {
      if (capture !== 'ok') {
        throw domError(capture ?? 'unused');
      }
      return stream();
    });
    const { mic, seen } = watch({ queryPermission: async () => status(state), getUserMedia });
    expect(await mic.check()).toBe(expected);
    expect(seen).toEqual([expected]);
    expect(getUserMedia).toHaveBeenCalledTimes(state === 'prompt' ? 1 : 0);
  });

  it('without the Permissions API it asks getUserMedia', async () => {
    const { mic } = watch({ getUserMedia: () => Promise.reject(domError('NotAllowedError')) });
    expect(await mic.check()).toBe('blocked');
  });

  it('a capture that never answers counts as blocked', async () => {
    vi.useFakeTimers();
    const { mic } = watch({
      queryPermission: async () => status('prompt'),
      getUserMedia: () => new Promise<MediaStream>(() => undefined),
    });
    const result = mic.check();
    await vi.advanceTimersByTimeAsync(CAPTURE_TIMEOUT_MS);
    expect(await result).toBe('blocked');
  });

  it('follows permission changes and reports only changes', async () => {
    const perm = status('denied');
    const { mic, seen } = watch({ queryPermission: async () => perm });
    await mic.check();
    await mic.check();
    expect(seen).toEqual(['blocked']);
    (perm as { state: PermissionState }).state = 'granted';
    (perm.onchange as () => void)();
    await vi.waitFor(() => expect(seen).toEqual(['blocked', 'granted']));
    mic.stop();
    expect(perm.onchange).toBeNull();
  });
});
