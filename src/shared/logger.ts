/**
 * Structured logging: named loggers write `{t, level, scope, msg, data?}` entries into a bounded
 * ring (read by the support bundle) and to the console. This is the only module that may call
 * console.*. Data is deep-redacted and registered secrets (the current access token…) are
 * scrubbed from messages and data before anything is stored or printed.
 */
import { redact, type Json } from './diagnostics/redact';
import { compileSecrets, redactText, type SecretMatcher } from './diagnostics/redact-text';
import { createRing } from './diagnostics/ring';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value);
}

export interface LogEntry {
  /** Epoch ms. */
  t: number;
  level: LogLevel;
  scope: string;
  msg: string;
  data?: Json;
}

export interface Logger {
  readonly scope: string;
  debug(msg: string, data?: unknown): void;
  info(msg: string, data?: unknown): void;
  warn(msg: string, data?: unknown): void;
  error(msg: string, data?: unknown): void;
  /** A logger for a sub-scope: 'offscreen' → 'offscreen:heartbeat'. */
  child(name: string): Logger;
}

export type ConsoleLike = Pick<Console, LogLevel>;

export interface LogHubOptions {
  /** Ring size in entries. Default 1000. */
  capacity?: number;
  minLevel?: LogLevel;
  /** Where entries are printed; null prints nothing. Default: the global console. */
  console?: ConsoleLike | null;
  now?: () => number;
}

export interface LogHub {
  createLogger(scope: string): Logger;
  setMinLevel(level: LogLevel): void;
  getMinLevel(): LogLevel;
  /** Adds a value that must never be stored or printed; returns a function that removes it. */
  registerSecret(secret: string): () => void;
  clearSecrets(): void;
  /** Redacted entries, oldest first. */
  entries(): LogEntry[];
  clear(): void;
  /** Called with every stored entry (e.g. to forward offscreen logs to the worker). */
  subscribe(listener: (entry: LogEntry) => void): () => void;
}

const RANK: Readonly<Record<LogLevel, number>> = { debug: 0, info: 1, warn: 2, error: 3 };
const DATA_LIMITS = {
  maxDepth: 6,
  maxStringLength: 2000,
  maxArrayLength: 50,
  maxKeys: 50,
  maxNodes: 500,
};

export function createLogHub(options: LogHubOptions = {}): LogHub {
  const ring = createRing<LogEntry>(options.capacity ?? 1000);
  const out = options.console === undefined ? globalThis.console : options.console;
  const now = options.now ?? Date.now;
  const secrets = new Map<string, number>();
  const listeners = new Set<(entry: LogEntry) => void>();
  let minLevel: LogLevel = options.minLevel ?? 'info';
  let matcher: SecretMatcher;

  function recompile(): void {
    matcher = compileSecrets(secrets.keys());
  }

  function write(level: LogLevel, scope: string, msg: string, data: unknown): void {
    if (RANK[level] < RANK[minLevel]) {
      return;
    }
    const entry: LogEntry = { t: now(), level, scope, msg: redactText(msg, matcher) };
    if (data !== undefined) {
      entry.data = redact(data, { ...DATA_LIMITS, matcher });
    }
    ring.push(entry);
    try {
      if (entry.data === undefined) {
        out?.[level](`[${scope}] ${entry.msg}`);
      } else {
        out?.[level](`[${scope}] ${entry.msg}`, entry.data);
      }
    } catch {
      // A broken console must not break the caller.
    }
    for (const listener of listeners) {
      try {
        listener(entry);
      } catch {
        // Listener bugs must not break logging.
      }
    }
  }

  function createLogger(scope: string): Logger {
    return {
      scope,
      debug: (msg, data) => write('debug', scope, msg, data),
      info: (msg, data) => write('info', scope, msg, data),
      warn: (msg, data) => write('warn', scope, msg, data),
      error: (msg, data) => write('error', scope, msg, data),
      child: (name) => createLogger(`${scope}:${name}`),
    };
  }

  return {
    createLogger,
    setMinLevel(level) {
      minLevel = level;
    },
    getMinLevel: () => minLevel,
    registerSecret(secret) {
      secrets.set(secret, (secrets.get(secret) ?? 0) + 1);
      recompile();
      let removed = false;
      return () => {
        if (removed) {
          return;
        }
        removed = true;
        const count = (secrets.get(secret) ?? 1) - 1;
        if (count <= 0) {
          secrets.delete(secret);
        } else {
          secrets.set(secret, count);
        }
        recompile();
      };
    },
    clearSecrets() {
      secrets.clear();
      recompile();
    },
    entries: () => ring.toArray(),
    clear: () => ring.clear(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The hub of this JavaScript context (worker, offscreen document, content script, page). */
export const logHub: LogHub = createLogHub();

export function createLogger(scope: string): Logger {
  return logHub.createLogger(scope);
}

export function setLogLevel(level: LogLevel): void {
  logHub.setMinLevel(level);
}

export function registerSecret(secret: string): () => void {
  return logHub.registerSecret(secret);
}

export function logEntries(): LogEntry[] {
  return logHub.entries();
}
