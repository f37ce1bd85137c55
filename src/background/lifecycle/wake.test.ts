import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogHub } from '../../shared/logger';
import { noteTick, type WakePorts } from './wake';

let now: number;
let ports: WakePorts;
let revalidate: ReturnType<typeof vi.fn<(gapMs: number) => Promise<unknown>>>;

beforeEach(() => {
  now = 1_000_000;
  revalidate = vi.fn(() => Promise.resolve(null));
  ports = {
    area: fakeBrowser.storage.session,
    now: () => now,
    revalidate,
    log: createLogHub({ console: null }).createLogger('test'),
  };
});

describe('wake detection in the worker', () => {
  it('stays quiet on regular ticks', async () => {
    expect(await noteTick(ports)).toBeNull();
    now += 30_000;
    expect(await noteTick(ports)).toBeNull();
    now += 45_000;
    expect(await noteTick(ports)).toBeNull();
    expect(revalidate).not.toHaveBeenCalled();
  });

  it('asks the softphone to re-validate after a long gap, once', async () => {
    await noteTick(ports);
    now += 120_000;
    const [first, second] = await Promise.all([noteTick(ports), noteTick(ports)]);
    expect([first, second]).toEqual([120_000, null]);
    expect(revalidate).toHaveBeenCalledExactlyOnceWith(120_000);
  });

  it('survives a softphone that cannot be told', async () => {
    revalidate.mockRejectedValue(new Error('no offscreen document'));
    await noteTick(ports);
    now += 600_000;
    expect(await noteTick(ports)).toBe(600_000);
  });
});
