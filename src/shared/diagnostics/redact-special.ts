/**
 * Deep-redaction cases for non-plain objects: Errors (name, message, stack, code, cause), Dates,
 * Maps, Sets, binary buffers and objects with toJSON (URL, AuthError…).
 */
import type { Json } from './redact';

/** Continues the walk one level down (cycle, depth and size limits stay in force). */
export type Recurse = (value: unknown) => Json;

export type Special = { handled: true; value: Json } | { handled: false };

const NOT_HANDLED: Special = { handled: false };

function errorToJson(error: Error, recurse: Recurse): Json {
  const plain: Record<string, unknown> = { name: error.name, message: error.message };
  for (const key of Object.keys(error)) {
    try {
      plain[key] = (error as unknown as Record<string, unknown>)[key];
    } catch {
      plain[key] = '[unreadable]';
    }
  }
  if (error.stack !== undefined) {
    plain['stack'] = error.stack.split('\n').slice(0, 12).join('\n');
  }
  if (error.cause !== undefined) {
    plain['cause'] = error.cause;
  }
  return recurse(plain);
}

export function redactSpecial(value: object, recurse: Recurse): Special {
  if (value instanceof Error) {
    return { handled: true, value: errorToJson(value, recurse) };
  }
  if (value instanceof Date) {
    return {
      handled: true,
      value: Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString(),
    };
  }
  if (value instanceof Map) {
    const entries: Record<string, unknown> = {};
    for (const [k, v] of value) {
      entries[String(k)] = v;
    }
    return { handled: true, value: recurse(entries) };
  }
  if (value instanceof Set) {
    return { handled: true, value: recurse([...value]) };
  }
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    return { handled: true, value: `[binary ${String(value.byteLength)} bytes]` };
  }
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    let converted: unknown;
    try {
      converted = (toJSON as () => unknown).call(value);
    } catch {
      return { handled: true, value: '[unserialisable]' };
    }
    if (converted !== value) {
      return { handled: true, value: recurse(converted) };
    }
  }
  return NOT_HANDLED;
}
