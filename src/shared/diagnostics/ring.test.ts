import { describe, expect, it } from 'vitest';
import { createRing } from './ring';

describe('createRing', () => {
  it.each([
    { capacity: 3, pushes: [], expected: [], dropped: 0 },
    { capacity: 3, pushes: [1, 2], expected: [1, 2], dropped: 0 },
    { capacity: 3, pushes: [1, 2, 3], expected: [1, 2, 3], dropped: 0 },
    { capacity: 3, pushes: [1, 2, 3, 4, 5], expected: [3, 4, 5], dropped: 2 },
    { capacity: 1, pushes: [1, 2, 3], expected: [3], dropped: 2 },
  ])('keeps the newest $capacity of $pushes', ({ capacity, pushes, expected, dropped }) => {
    const ring = createRing<number>(capacity);
    for (const p of pushes) {
      ring.push(p);
    }
    expect(ring.toArray()).toEqual(expected);
    expect(ring.size).toBe(expected.length);
    expect(ring.dropped).toBe(dropped);
    expect(ring.last()).toBe(expected.at(-1));
  });

  it('clear() empties it and resets the drop count', () => {
    const ring = createRing<string>(2);
    ring.push('a');
    ring.push('b');
    ring.push('c');
    ring.clear();
    expect(ring.toArray()).toEqual([]);
    expect(ring.dropped).toBe(0);
    ring.push('d');
    expect(ring.toArray()).toEqual(['d']);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects capacity %s', (capacity) => {
    expect(() => createRing(capacity)).toThrow(RangeError);
  });
});
