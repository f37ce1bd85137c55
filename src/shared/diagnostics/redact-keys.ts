/**
 * Which object keys hold secrets. Some keys are secret whatever their value (passwords, tokens,
 * cookies); ambiguous ones (`code`, `state`) are secret only when the value looks opaque, so an
 * error code such as 'auth.invalid-token' or a state such as 'connected' survives.
 */

function normalise(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const ALWAYS = new Set([
  'authorization',
  'proxyauthorization',
  'codeverifier',
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'secret',
  'clientsecret',
  'gck',
  'sysparmck',
  'cookie',
  'setcookie',
  'apikey',
  'privatekey',
  'credential',
  'credentials',
  'jwt',
  'bearer',
]);

const ALWAYS_SUFFIXES = ['token', 'secret', 'password'];

const OPAQUE_ONLY = new Set([
  'code',
  'state',
  'nonce',
  'sig',
  'signature',
  'ticket',
  'key',
  'auth',
]);

export function isSecretKey(key: string): boolean {
  const k = normalise(key);
  return ALWAYS.has(k) || ALWAYS_SUFFIXES.some((suffix) => k.endsWith(suffix));
}

export function isOpaqueOnlyKey(key: string): boolean {
  return OPAQUE_ONLY.has(normalise(key));
}

/** Long, space-free, token-alphabet strings mixing at least two of lower/upper/digit. */
export function looksOpaque(value: string): boolean {
  if (value.length < 16 || !/^[A-Za-z0-9._~+/=-]+$/.test(value)) {
    return false;
  }
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((re) => re.test(value)).length;
  return classes >= 2;
}

const PHONE_KEYS =
  /^(phone|phonenumber|tel|telephone|mobile|cell|number|ani|dnis|msisdn|e164|caller|callee|callernumber|calleenumber|callerid|address|from|to|remote|remotenumber|dialednumber)$/;

/** Keys whose string value is a phone number even without separators (e.g. "5551234567"). */
export function isPhoneKey(key: string): boolean {
  return PHONE_KEYS.test(normalise(key));
}
