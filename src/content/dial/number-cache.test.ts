/** Click-to-dial's numbers come from the worker in batches and are remembered; anchors are retried. */
import { describe, expect, it, vi } from 'vitest';
import { createNumberCache, MAX_BATCH, type ResolveNumbers } from './number-cache';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function cache(resolve: ResolveNumbers = (texts) => Promise.resolve(texts.map((t) => `+1${t}`))) {
  const asked: string[][] = [];
  const retried: string[][] = [];
  const onError = vi.fn();
  const numbers = createNumberCache<string>({
    resolve: (texts) => {
      asked.push(texts);
      return resolve(texts);
    },
    retry: (anchors) => retried.push(anchors),
    onError,
  });
  return { numbers, asked, retried, onError };
}

describe('number cache', () => {
  it('batches what one slice meets, then answers from memory in candidate order', async () => {
    const { numbers, asked, retried } = cache((texts) =>
      Promise.resolve(texts.map((t) => (t === 'b' ? null : `+1${t}`))),
    );
    expect(numbers.lookup(['b', 'c'], 'n1')).toBeNull();
    expect(numbers.lookup(['a'], 'n2')).toBeNull();
    await flush();
    expect(asked).toEqual([['b', 'c', 'a']]);
    expect(retried).toEqual([['n1', 'n2']]);
    expect(numbers.lookup(['b', 'c'], 'n1')).toBe('+1c');
    expect(numbers.lookup(['b'], 'n3')).toBeNull();
    expect(await numbers.resolveNow(['a'])).toBe('+1a');
    expect(asked).toHaveLength(1);
  });

  it('splits more than one message can carry, and retries the anchors after the last part', async () => {
    const { numbers, asked, retried } = cache();
    const texts = Array.from({ length: MAX_BATCH + 5 }, (_, i) => String(1000 + i));
    texts.forEach((text, i) => numbers.lookup([text], `n${String(i)}`));
    await flush();
    expect(asked.map((batch) => batch.length)).toEqual([MAX_BATCH, 5]);
    expect(retried).toHaveLength(1);
    expect(retried[0]).toHaveLength(MAX_BATCH + 5);
  });

  it('a failed batch is reported and not retried in a loop', async () => {
    const { numbers, asked, retried, onError } = cache(() => Promise.reject(new Error('gone')));
    numbers.lookup(['a'], 'n1');
    await flush();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(retried).toEqual([]);
    expect(asked).toHaveLength(1);
  });

  it('a click asks at once for text it has not seen', async () => {
    const { numbers, asked } = cache();
    expect(await numbers.resolveNow(['x', 'y'])).toBe('+1x');
    expect(asked).toEqual([['x', 'y']]);
  });
});
