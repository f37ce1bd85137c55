import { describe, expect, it } from 'vitest';
import { DEFAULT_ATTRIBUTE_LIMITS, capAttributes, cutText, utf8Length } from './attributes';

const limits = { maxCount: 3, maxKeyLength: 5, maxValueLength: 8, maxTotalBytes: 40 };

describe('capAttributes', () => {
  it('keeps small maps as they are', () => {
    const input = { a: '1', name: '<img src=x onerror=alert(1)>' };
    expect(capAttributes(input)).toEqual({ attributes: input, truncated: false });
  });

  it('caps the count, key and value lengths', () => {
    expect(capAttributes({ a: '1', b: '2', c: '3', d: '4' }, limits)).toEqual({
      attributes: { a: '1', b: '2', c: '3' },
      truncated: true,
    });
    expect(capAttributes({ longkey: 'value-too-long' }, limits)).toEqual({
      attributes: { longk: 'value-to' },
      truncated: true,
    });
  });

  it('caps the total bytes, counting UTF-8', () => {
    const result = capAttributes(
      { a: 'ééééé', b: 'ééééé', c: 'ééééé', d: 'x' },
      { ...limits, maxCount: 9, maxValueLength: 99, maxTotalBytes: 25 },
    );
    expect(result).toEqual({ attributes: { a: 'ééééé', b: 'ééééé' }, truncated: true });
  });

  it('turns numbers and booleans into text and drops the rest', () => {
    expect(capAttributes({ n: 4, t: true, o: { x: 1 }, u: undefined })).toEqual({
      attributes: { n: '4', t: 'true' },
      truncated: true,
    });
  });

  it('drops keys that collide once cut', () => {
    expect(capAttributes({ abcdeX: '1', abcdeY: '2' }, limits)).toEqual({
      attributes: { abcde: '1' },
      truncated: true,
    });
  });

  it('keeps "__proto__" as plain data', () => {
    const input = JSON.parse('{"__proto__":"x","a":"1"}') as unknown;
    const { attributes } = capAttributes(input);
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(attributes, '__proto__')?.value).toBe('x');
  });

  it.each([[null], [undefined], ['text'], [[1, 2]]])('handles %j', (input) => {
    expect(capAttributes(input).attributes).toEqual({});
  });

  it('handles 1 MB in one value cheaply', () => {
    const { attributes, truncated } = capAttributes({ big: 'x'.repeat(1_000_000), b: 'y' });
    expect(truncated).toBe(true);
    expect(attributes['big']).toHaveLength(DEFAULT_ATTRIBUTE_LIMITS.maxValueLength);
    expect(attributes['b']).toBe('y');
  });

  it('reads only what it keeps from a 1 MB map of many keys', () => {
    let reads = 0;
    const input: Record<string, string> = {};
    for (let i = 0; i < 50_000; i++) {
      Object.defineProperty(input, `key${i}`, {
        enumerable: true,
        get: () => {
          reads++;
          return 'v'.repeat(20);
        },
      });
    }
    const { attributes, truncated } = capAttributes(input);
    expect(truncated).toBe(true);
    expect(Object.keys(attributes)).toHaveLength(DEFAULT_ATTRIBUTE_LIMITS.maxCount);
    expect(reads).toBe(DEFAULT_ATTRIBUTE_LIMITS.maxCount);
  });
});

describe('text helpers', () => {
  it('does not split a surrogate pair', () => {
    expect(cutText('ab😀c', 3)).toBe('ab');
    expect(cutText('ab😀c', 4)).toBe('ab😀');
  });

  it('counts UTF-8 bytes', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
  });
});
