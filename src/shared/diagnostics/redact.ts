/**
 * Deep redaction for logs and the support bundle. Produces plain JSON: secrets under secret-named
 * keys, known secret values, JWTs, e-mails and phone numbers are masked; cycles, deep nesting,
 * huge strings, arrays and objects are cut with a marker instead of exhausting memory.
 */
import { compileSecrets, maskPhone, REDACTED, redactText, type SecretMatcher } from './redact-text';
import { isOpaqueOnlyKey, isPhoneKey, isSecretKey, looksOpaque } from './redact-keys';
import { redactSpecial } from './redact-special';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface RedactOptions {
  /** Known secret values (the current access token, the PKCE verifier…). */
  secrets?: Iterable<string>;
  /** The same, precompiled with compileSecrets() (used instead of `secrets` when given). */
  matcher?: SecretMatcher;
  maxDepth?: number;
  maxStringLength?: number;
  maxArrayLength?: number;
  maxKeys?: number;
  /** Total values visited before everything else becomes '[truncated]'. */
  maxNodes?: number;
}

export interface Walk {
  secrets: SecretMatcher;
  maxDepth: number;
  maxStringLength: number;
  maxArrayLength: number;
  maxKeys: number;
  nodesLeft: number;
  ancestors: Set<object>;
}

/** Extra characters scrubbed past the cut, so a secret straddling it is still recognised. */
const CUT_MARGIN = 4096;

export function redactString(
  text: string,
  walk: Pick<Walk, 'secrets' | 'maxStringLength'>,
): string {
  const limit = walk.maxStringLength;
  if (text.length <= limit) {
    return redactText(text, walk.secrets);
  }
  const scrubbed = redactText(text.slice(0, limit + CUT_MARGIN), walk.secrets);
  return `${scrubbed.slice(0, limit)}…[+${String(text.length - limit)} chars]`;
}

function redactValueUnderKey(
  key: string,
  value: unknown,
  walk: Walk,
  depth: number,
): Json | undefined {
  if (value === null || value === undefined || typeof value === 'boolean') {
    return value ?? null;
  }
  if (isSecretKey(key)) {
    return REDACTED;
  }
  if (typeof value === 'string') {
    if (isOpaqueOnlyKey(key) && looksOpaque(value)) {
      return REDACTED;
    }
    if (isPhoneKey(key) && /^\+?[\d\s().-]{6,24}$/.test(value) && /\d{2}/.test(value)) {
      return maskPhone(value);
    }
  }
  return walkValue(value, walk, depth);
}

function walkObject(value: object, walk: Walk, depth: number): Json {
  const out: Record<string, Json> = {};
  const keys = Object.keys(value);
  for (const key of keys.slice(0, walk.maxKeys)) {
    let field: unknown;
    try {
      field = (value as Record<string, unknown>)[key];
    } catch {
      field = '[unreadable]';
    }
    if (field === undefined) {
      continue;
    }
    let safeKey = redactString(key, walk);
    while (Object.hasOwn(out, safeKey)) {
      safeKey = `${safeKey}#`;
    }
    const redacted = redactValueUnderKey(key, field, walk, depth + 1);
    if (redacted !== undefined) {
      out[safeKey] = redacted;
    }
  }
  if (keys.length > walk.maxKeys) {
    out['…'] = `[+${String(keys.length - walk.maxKeys)} keys]`;
  }
  return out;
}

function walkArray(value: readonly unknown[], walk: Walk, depth: number): Json {
  const out: Json[] = [];
  for (const item of value.slice(0, walk.maxArrayLength)) {
    out.push(walkValue(item, walk, depth + 1) ?? null);
  }
  if (value.length > walk.maxArrayLength) {
    out.push(`[+${String(value.length - walk.maxArrayLength)} items]`);
  }
  return out;
}

export function walkValue(value: unknown, walk: Walk, depth: number): Json | undefined {
  if (walk.nodesLeft <= 0) {
    return '[truncated]';
  }
  walk.nodesLeft -= 1;
  switch (typeof value) {
    case 'string':
      return redactString(value, walk);
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'boolean':
      return value;
    case 'undefined':
      return undefined;
    case 'bigint':
      return value.toString();
    case 'symbol':
      return redactString(value.toString(), walk);
    case 'function':
      return `[function ${value.name || 'anonymous'}]`;
    case 'object':
      break;
  }
  if (value === null) {
    return null;
  }
  if (walk.ancestors.has(value)) {
    return '[circular]';
  }
  if (depth > walk.maxDepth) {
    return '[max depth]';
  }
  walk.ancestors.add(value);
  try {
    const special = redactSpecial(value, (inner) => walkValue(inner, walk, depth) ?? null);
    if (special.handled) {
      return special.value;
    }
    return Array.isArray(value) ? walkArray(value, walk, depth) : walkObject(value, walk, depth);
  } finally {
    walk.ancestors.delete(value);
  }
}

export function createWalk(options: RedactOptions = {}): Walk {
  return {
    secrets: options.matcher ?? compileSecrets(options.secrets),
    maxDepth: options.maxDepth ?? 12,
    maxStringLength: options.maxStringLength ?? 8000,
    maxArrayLength: options.maxArrayLength ?? 1000,
    maxKeys: options.maxKeys ?? 300,
    nodesLeft: options.maxNodes ?? 100_000,
    ancestors: new Set(),
  };
}

/** Deep-copies `value` into redacted, JSON-safe data. Never throws. */
export function redact(value: unknown, options: RedactOptions = {}): Json {
  return walkValue(value, createWalk(options), 0) ?? null;
}

export { isSecretKey } from './redact-keys';
export { compileSecrets, redactText, REDACTED, type SecretMatcher } from './redact-text';
