/** The page lifetime ends (once) when the extension context goes away, and then stays quiet. */
import { describe, expect, it, vi } from 'vitest';
import { CHECK_EVERY_MS, createLifetime } from './lifetime';

describe('page lifetime', () => {
  it('ends when a check finds the extension context gone, on focus or on a timer', () => {
    vi.useFakeTimers();
    let alive = true;
    const onEnd = vi.fn();
    const lifetime = createLifetime(() => alive, window, onEnd);
    window.dispatchEvent(new Event('focus'));
    expect(lifetime.signal.aborted).toBe(false);
    alive = false;
    vi.advanceTimersByTime(CHECK_EVERY_MS);
    expect(lifetime.signal.aborted).toBe(true);
    window.dispatchEvent(new Event('focus'));
    expect(onEnd).toHaveBeenCalledOnce();
    vi.useRealTimers();
  });

  it('treats a throwing runtime as gone', () => {
    const lifetime = createLifetime(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(lifetime.check()).toBe(false);
    expect(lifetime.signal.aborted).toBe(true);
  });

  it('can be ended directly, idempotently', () => {
    const onEnd = vi.fn();
    const lifetime = createLifetime(() => true, window, onEnd);
    lifetime.end('test');
    lifetime.end('test');
    expect(onEnd).toHaveBeenCalledOnce();
  });
});
