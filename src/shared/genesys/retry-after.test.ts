import { describe, expect, it } from 'vitest';
import { honourRetryAfter, throttleOf, type Throttle } from './retry-after';
import { sleepingClock } from './retry-after.testkit';

class Answer extends Error {
  constructor(
    readonly status: number,
    readonly retryAfter?: string,
  ) {
    super(`HTTP ${String(status)}`);
  }
}

const classify = (error: unknown): Throttle | null =>
  error instanceof Answer ? throttleOf(error.status, error.retryAfter, 0) : null;

const clock = sleepingClock;

function answers(...sequence: (Answer | string)[]) {
  let calls = 0;
  const attempt = () => {
    const next = sequence[Math.min(calls, sequence.length - 1)];
    calls += 1;
    return next instanceof Answer ? Promise.reject(next) : Promise.resolve(next ?? '');
  };
  return { attempt, calls: () => calls };
}

describe('honourRetryAfter', () => {
  it('waits exactly the Retry-After of each 429, then succeeds', async () => {
    const c = clock();
    const a = answers(new Answer(429, '4'), new Answer(429, '2'), 'ok');
    await expect(honourRetryAfter(a.attempt, classify, c)).resolves.toBe('ok');
    expect(c.waits).toEqual([4_000, 2_000]);
    expect(a.calls()).toBe(3);
  });

  it('doubles a default wait when no Retry-After is named, never below the floor', async () => {
    const c = clock();
    const a = answers(new Answer(429), new Answer(429), new Answer(429, '0'), 'ok');
    await honourRetryAfter(a.attempt, classify, { ...c, defaultWaitMs: 1_000 });
    expect(c.waits).toEqual([1_000, 2_000, 500]);
  });

  it('passes any other failure on at once', async () => {
    const c = clock();
    const a = answers(new Answer(503, '1'), 'ok');
    await expect(honourRetryAfter(a.attempt, classify, c)).rejects.toMatchObject({ status: 503 });
    expect(c.waits).toEqual([]);
  });

  it('gives up with the 429 when the next wait would pass the budget', async () => {
    const c = clock();
    const a = answers(new Answer(429, '20'), new Answer(429, '30'), 'ok');
    await expect(
      honourRetryAfter(a.attempt, classify, { ...c, budgetMs: 45_000 }),
    ).rejects.toMatchObject({ status: 429 });
    expect(c.waits).toEqual([20_000]);
    expect(a.calls()).toBe(2);
  });

  it('stops after the last attempt', async () => {
    const c = clock();
    const a = answers(new Answer(429, '1'));
    await expect(
      honourRetryAfter(a.attempt, classify, { ...c, maxAttempts: 3 }),
    ).rejects.toBeInstanceOf(Answer);
    expect(a.calls()).toBe(3);
  });
});

describe('throttleOf', () => {
  it('reads only 429 answers, with seconds or an HTTP date', () => {
    expect(throttleOf(429, '3', 0)).toEqual({ retryAfterMs: 3_000 });
    expect(throttleOf(429, new Date(10_000).toUTCString(), 4_000)).toEqual({ retryAfterMs: 6_000 });
    expect(throttleOf(429, 'soon', 0)).toEqual({});
    expect(throttleOf(429, undefined, 0)).toEqual({});
    expect(throttleOf(500, '3', 0)).toBeNull();
    expect(throttleOf(undefined, '3', 0)).toBeNull();
  });
});
