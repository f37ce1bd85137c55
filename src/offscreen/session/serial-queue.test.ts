import { afterEach, describe, expect, it, vi } from 'vitest';
import { NamedTimers, systemClock } from './clock';
import { SerialQueue } from './serial-queue';

const later = (ms: number, value: string, log: string[]) =>
  new Promise<string>((resolve) =>
    setTimeout(() => {
      log.push(value);
      resolve(value);
    }, ms),
  );

afterEach(() => {
  vi.useRealTimers();
});

describe('SerialQueue', () => {
  it('runs operations one at a time in order, whatever each outcome', async () => {
    vi.useFakeTimers();
    const q = new SerialQueue();
    const log: string[] = [];
    const a = q.run(() => later(30, 'a', log));
    const b = q.run(() => Promise.reject(new Error('b')));
    const c = q.run(() => later(10, 'c', log));
    expect(q.length).toBe(3);
    await vi.advanceTimersByTimeAsync(100);
    await expect(a).resolves.toBe('a');
    await expect(b).rejects.toThrow('b');
    await expect(c).resolves.toBe('c');
    expect(log).toEqual(['a', 'c']);
    expect(q.length).toBe(0);
  });

  it('preempt starts at once and what comes after waits for it only', async () => {
    vi.useFakeTimers();
    const q = new SerialQueue();
    const log: string[] = [];
    void q.run(() => later(1_000, 'hung start', log));
    const destroy = q.preempt(() => later(10, 'destroy', log));
    const next = q.run(() => later(10, 'start', log));
    await vi.advanceTimersByTimeAsync(50);
    await destroy;
    await next;
    expect(log).toEqual(['destroy', 'start']);
  });
});

describe('NamedTimers', () => {
  it('replaces a pending timer of the same name and reports lateness', async () => {
    vi.useFakeTimers({ now: 0 });
    const timers = new NamedTimers<'a' | 'b'>(systemClock);
    const fired: [string, number][] = [];
    timers.set('a', 100, (late) => fired.push(['a1', late]));
    timers.set('a', 200, (late) => fired.push(['a2', late]));
    timers.set('b', 50, (late) => fired.push(['b', late]));
    expect(timers.dueAt('a')).toBe(200);
    await vi.advanceTimersByTimeAsync(60);
    vi.setSystemTime(Date.now() + 10_000);
    await vi.advanceTimersByTimeAsync(200);
    expect(fired).toEqual([
      ['b', 0],
      ['a2', 10_000],
    ]);
    expect(timers.has('a')).toBe(false);
  });

  it('cancel and cancelAll stop pending timers', async () => {
    vi.useFakeTimers();
    const timers = new NamedTimers<'a' | 'b'>(systemClock);
    const fire = vi.fn();
    timers.set('a', 10, fire);
    timers.set('b', 10, fire);
    timers.cancel('a');
    timers.cancelAll();
    await vi.advanceTimersByTimeAsync(100);
    expect(fire).not.toHaveBeenCalled();
  });
});
