import { describe, expect, it } from 'vitest';
import { axiosThrottle, honouringRateLimits } from './rest-throttle';
import type { ApiRequest } from './rest-actions';

const axios429 = (retryAfter?: string) =>
  Object.assign(new Error('Request failed with status code 429'), {
    response: {
      status: 429,
      headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter },
    },
  });

describe('axiosThrottle', () => {
  it('reads a 429 and its Retry-After from an axios error', () => {
    expect(axiosThrottle(axios429('5'), 0)).toEqual({ retryAfterMs: 5_000 });
    expect(axiosThrottle(axios429(), 0)).toEqual({});
    expect(axiosThrottle({ response: { status: 404, headers: {} } }, 0)).toBeNull();
    expect(axiosThrottle(new Error('Network Error'), 0)).toBeNull();
    expect(axiosThrottle(null, 0)).toBeNull();
  });
});

describe('honouringRateLimits', () => {
  it('sends the same request again after each Retry-After, then returns its answer', async () => {
    const sent: string[] = [];
    let left = 2;
    const request: ApiRequest = (path, method, body) => {
      sent.push(`${method} ${path} ${JSON.stringify(body)}`);
      return left-- > 0 ? Promise.reject(axios429('4')) : Promise.resolve({ ok: true });
    };
    const waits: number[] = [];
    let t = 0;
    const wrapped = honouringRateLimits(request, {
      now: () => t,
      sleep: (ms) => {
        waits.push(ms);
        t += ms;
        return Promise.resolve();
      },
    });
    await expect(
      wrapped('/conversations/calls/c1/participants/p1/attributes', 'patch', { a: 1 }),
    ).resolves.toEqual({ ok: true });
    expect(waits).toEqual([4_000, 4_000]);
    expect(new Set(sent).size).toBe(1);
    expect(sent).toHaveLength(3);
  });
});
