/**
 * Participant attributes capped for display and for the snapshot: at most `maxCount` entries,
 * keys and values cut to a length, and a total byte budget. Work is bounded by the limits, not by
 * the input: a 1 MB attribute map costs one pass over its keys at most.
 */

export interface AttributeLimits {
  maxCount: number;
  maxKeyLength: number;
  maxValueLength: number;
  /** UTF-8 bytes of all kept keys and values together. */
  maxTotalBytes: number;
}

export const DEFAULT_ATTRIBUTE_LIMITS: AttributeLimits = {
  maxCount: 50,
  maxKeyLength: 64,
  maxValueLength: 512,
  maxTotalBytes: 8192,
};

export interface CappedAttributes {
  attributes: Record<string, string>;
  /** True when anything was dropped or shortened. */
  truncated: boolean;
}

/** Cuts to `max` UTF-16 units without leaving half a surrogate pair behind. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** UTF-8 length of a (short, already capped) string. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      bytes += 1;
    } else if (code < 0x800) {
      bytes += 2;
    } else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else {
      bytes += 3;
    }
  }
  return bytes;
}

function asText(value: unknown): string | null {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return null;
}

/** Caps an untrusted attribute map; non-text values are dropped (and flag truncation). */
export function capAttributes(
  input: unknown,
  limits: AttributeLimits = DEFAULT_ATTRIBUTE_LIMITS,
): CappedAttributes {
  const attributes: Record<string, string> = {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { attributes, truncated: input !== undefined && input !== null };
  }
  let truncated = false;
  let count = 0;
  let bytes = 0;
  for (const rawKey in input) {
    if (!Object.hasOwn(input, rawKey)) {
      continue;
    }
    if (count >= limits.maxCount) {
      truncated = true;
      break;
    }
    const text = asText((input as Record<string, unknown>)[rawKey]);
    const key = cutText(rawKey, limits.maxKeyLength);
    if (text === null || key.length === 0 || Object.hasOwn(attributes, key)) {
      truncated = true;
      continue;
    }
    const value = cutText(text, limits.maxValueLength);
    if (key !== rawKey || value !== text) {
      truncated = true;
    }
    const size = utf8Length(key) + utf8Length(value);
    if (bytes + size > limits.maxTotalBytes) {
      truncated = true;
      break;
    }
    // defineProperty so that keys such as "__proto__" stay plain data.
    Object.defineProperty(attributes, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    bytes += size;
    count++;
  }
  return { attributes, truncated };
}
