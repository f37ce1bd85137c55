/**
 * Text scrubbing for logs and the support bundle: known secrets (and their URL-encoded form),
 * JWTs, bearer credentials, secret-named query/header/JSON fields, e-mail addresses and phone
 * numbers (the last two digits are kept so support can still match a call).
 */

import { looksOpaque } from './redact-keys';

export const REDACTED = '[redacted]';
const MIN_SECRET_LENGTH = 6;

export type SecretMatcher = RegExp | undefined;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles known secret values (tokens, verifiers) into one matcher; short values are ignored. */
export function compileSecrets(secrets: Iterable<string> = []): SecretMatcher {
  const variants = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
      continue;
    }
    variants.add(secret);
    variants.add(encodeURIComponent(secret));
    variants.add(JSON.stringify(secret).slice(1, -1));
  }
  if (variants.size === 0) {
    return undefined;
  }
  const sorted = [...variants].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(sorted.join('|'), 'g');
}

const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*)?/g;
const BEARER = /\b(Bearer|Basic|Token)(\s+)[A-Za-z0-9._~+/=-]{6,}/gi;
const SECRET_FIELD_NAMES =
  'access_token|refresh_token|id_token|code_verifier|client_secret|password|passwd|secret|' +
  'token|g_ck|sysparm_ck|x-usertoken|usertoken|user_token|authorization|api_key|apikey|' +
  'accesstoken|refreshtoken|session_token|cookie|credential';
/** `access_token=…`, `"password": "…"`, `X-UserToken: …` anywhere in text. */
const SECRET_FIELD = new RegExp(
  `(\\b(?:${SECRET_FIELD_NAMES})["']?\\s*[:=]\\s*["']?)(?!\\[redacted)([^\\s"'&#,;}]+)`,
  'gi',
);
/** OAuth `code` / `state` only in query strings and fragments, where they are credentials. */
const QUERY_CODE = /([?&#](?:code|state)=)([^&#\s"']+)/gi;
/** Any long opaque query value (an unknown token parameter); canonical UUIDs are kept. */
const QUERY_OPAQUE = /([?&#][\w.-]+=)([A-Za-z0-9._~%+/=-]{24,})/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function redactOpaqueQuery(match: string, prefix: string, value: string): string {
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    // keep the raw value
  }
  return looksOpaque(decoded) && !UUID.test(decoded) ? `${prefix}${REDACTED}` : match;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** Explicit international or URI form: +44 20 7946 0958, %2B15551234567, tel:5551234. */
const PHONE_EXPLICIT = /(?:\+|%2B|\btel:|\bsip:)\s?\d(?:[\s().-]?\d){5,16}/gi;
/** National formats with separators: (555) 123-4567, 020 7946 0958, 555-123-4567. */
const PHONE_FORMATTED =
  /(?<![\w.:/-])\(?\d{1,5}\)?[\s-]\d{2,4}[\s-]\d{2,4}(?:[\s-]\d{2,4}){0,3}(?![\w.:/-])/g;
/**
 * Digits right after a phone-like field name, including ServiceNow encoded-query operators:
 * phone=5551234567, "ani":"5551234", phoneLIKE555-123-4567, mobile_phoneSTARTSWITH%2B1555…
 */
const PHONE_FIELD =
  /(\b(?:phone|tel|mobile|cell|number|caller|callee|ani|dnis|msisdn|e164)\w*?["']?\s*(?:[:=]|%3D|LIKE|STARTSWITH|ENDSWITH|IN)\s*["']?)((?:\+|%2B)?\d(?:[\s().-]?\d){5,16})(?!\d)/gi;
const DATE_LIKE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{4})$/;

export function maskPhone(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return `[phone:**${digits.slice(-2)}]`;
}

function maskFormatted(match: string): string {
  const digits = match.replace(/\D/g, '').length;
  if (digits < 7 || digits > 15 || DATE_LIKE.test(match.trim())) {
    return match;
  }
  return maskPhone(match);
}

export function redactText(text: string, secrets?: SecretMatcher): string {
  let out = secrets === undefined ? text : text.replace(secrets, REDACTED);
  out = out
    .replace(JWT, REDACTED)
    .replace(BEARER, `$1$2${REDACTED}`)
    .replace(SECRET_FIELD, `$1${REDACTED}`)
    .replace(QUERY_CODE, `$1${REDACTED}`)
    .replace(QUERY_OPAQUE, redactOpaqueQuery)
    .replace(EMAIL, '[email]')
    .replace(PHONE_FIELD, (_m, prefix: string, num: string) => `${prefix}${maskPhone(num)}`)
    .replace(PHONE_EXPLICIT, (m) => maskPhone(m))
    .replace(PHONE_FORMATTED, maskFormatted);
  return out;
}
