import { describe, expect, it, vi } from 'vitest';
import { sessionStopHandlers } from './session-stop';

function memoryStorage(entries: Record<string, string>): Storage {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    clear: () => map.clear(),
  };
}

const meta = { from: 'worker' as const, sender: {} };

describe('session stop handlers', () => {
  it('signs the session out and reports whether the queued destroy settled in time', async () => {
    const configure = vi.fn();
    let release: () => void = () => undefined;
    const settled = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handlers = sessionStopHandlers({ configure, settled: () => settled }, () => undefined);
    const late = handlers['auth.stopSoftphone']({ timeoutMs: 20 }, meta);
    await expect(late).resolves.toEqual({ stopped: false });
    expect(configure).toHaveBeenCalledWith(null);
    release();
    await expect(handlers['auth.stopSoftphone']({ timeoutMs: 1_000 }, meta)).resolves.toEqual({
      stopped: true,
    });
  });

  it('forgets only the streaming backoff keys', async () => {
    const storage = memoryStorage({
      sc_connectionData_switchboard: '{"currentDelayMs":8000}',
      unrelated: 'kept',
    });
    const handlers = sessionStopHandlers(
      { configure: () => undefined, settled: () => Promise.resolve() },
      () => storage,
    );
    expect(await handlers['auth.clearBackoff'](null, meta)).toEqual({ cleared: 1 });
    expect(storage.getItem('sc_connectionData_switchboard')).toBeNull();
    expect(storage.getItem('unrelated')).toBe('kept');
  });
});
