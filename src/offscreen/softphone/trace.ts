/**
 * The SDK's logger, turned into `trace` events: filtered by level, secrets redacted, and details
 * previewed with a hard size budget (the SDK logs whole conversation events and its own options,
 * access token included, at debug level).
 */
import type { TraceLevel } from './softphone-port';

export interface SdkLogger {
  log(message: unknown, details?: unknown, options?: unknown): void;
  debug(message: unknown, details?: unknown, options?: unknown): void;
  info(message: unknown, details?: unknown, options?: unknown): void;
  warn(message: unknown, details?: unknown, options?: unknown): void;
  error(message: unknown, details?: unknown, options?: unknown): void;
}

const RANK: Record<TraceLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
const SECRET_KEY = /token|authori[sz]ation|password|passwd|secret|jwt|authkey|credential|cookie/i;
const SECRET_TEXT = /(authKey:|Bearer\s+)[^\s"',}]+/gi;
const BULKY_KEY = /^(sdp|offer|answer|localDescription|remoteDescription)$/i;
const MAX_TEXT = 1000;

function redactText(text: string): string {
  return text.replace(SECRET_TEXT, '$1[redacted]');
}

/** A bounded, redacted, JSON-ish rendering of any value. Never walks more than it prints. */
export function preview(value: unknown, budget = MAX_TEXT, depth = 0): string {
  if (budget <= 0) {
    return '…';
  }
  if (value === null || value === undefined) {
    return String(value);
  }
  if (typeof value === 'string') {
    const text = redactText(value);
    return JSON.stringify(text.length > budget ? `${text.slice(0, budget)}…` : text);
  }
  if (typeof value === 'function') {
    return '[function]';
  }
  if (typeof value === 'symbol') {
    return value.toString();
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `${value}`;
  }
  if (value instanceof Error) {
    return JSON.stringify(redactText(`${value.name}: ${value.message}`));
  }
  if (depth >= 3) {
    return Array.isArray(value) ? '[…]' : '{…}';
  }
  const parts: string[] = [];
  let used = 2;
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value).values();
  for (const [key, item] of entries) {
    if (used >= budget || parts.length >= 20) {
      parts.push('…');
      break;
    }
    const name = String(key);
    const rendered = SECRET_KEY.test(name)
      ? '"[redacted]"'
      : BULKY_KEY.test(name)
        ? '"[omitted]"'
        : preview(item, budget - used, depth + 1);
    const part = Array.isArray(value) ? rendered : `${JSON.stringify(name)}:${rendered}`;
    parts.push(part);
    used += part.length + 1;
  }
  const body = parts.join(',');
  return Array.isArray(value) ? `[${body}]` : `{${body}}`;
}

export function formatTrace(message: unknown, details?: unknown): string {
  const head =
    message instanceof Error
      ? `${message.name}: ${message.message}`
      : typeof message === 'string'
        ? message
        : preview(message, 300);
  const text = redactText(head).slice(0, MAX_TEXT);
  if (details === undefined || details === null) {
    return text;
  }
  return `${text} ${preview(details, MAX_TEXT - text.length)}`;
}

export function createTraceLogger(
  minLevel: TraceLevel,
  emit: (level: TraceLevel, message: string) => void,
): SdkLogger {
  const at = (level: TraceLevel) => (message: unknown, details?: unknown) => {
    if (RANK[level] < RANK[minLevel]) {
      return;
    }
    emit(level, formatTrace(message, details));
  };
  return {
    log: at('info'),
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  };
}
