/**
 * Caller numbers: normalisation to E.164 with libphonenumber-js, and the written forms under
 * which the same number may be stored in ServiceNow ("+1 (415) 555-0101", "415-555-0101", …).
 * Input is untrusted: anything but a plausible phone number is rejected, never "extracted".
 */
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { CountryCode } from 'libphonenumber-js';
import type { ParsedPhone, PhoneFacts } from './phone-facts';

export interface PhoneOptions {
  /** ISO 3166-1 alpha-2 region for numbers written without a country code, e.g. 'US'. */
  defaultRegion?: string;
}

export interface NormalisedPhone {
  /** '+14155550101' */
  e164: string;
  /** '1' */
  countryCallingCode: string;
  /** National significant number, '4155550101'. */
  nationalNumber: string;
  /** Region when known, 'US'. */
  country?: string;
  extension?: string;
}

export const MAX_PHONE_INPUT = 64;
export const MAX_VARIANTS = 20;

// Digits and the usual separators, optionally followed by an extension.
const PLAUSIBLE = /^\+?[\d\s().\-/]+(?:\s*(?:;ext=|ext\.?|x|#)\s*\d{1,10})?$/i;

/** Strips `tel:` and `sip:user@host` wrappers (Genesys addresses come in both). */
function unwrap(raw: string): string {
  const text = raw.trim();
  const tel = /^tel:/i.exec(text);
  if (tel) {
    return text.slice(4);
  }
  const sip = /^sips?:([^@;]*)/i.exec(text);
  return sip ? (sip[1] ?? '') : text;
}

function regionOf(options: PhoneOptions): CountryCode | undefined {
  const region = options.defaultRegion?.toUpperCase();
  return region !== undefined && isSupportedCountry(region) ? region : undefined;
}

/** Parses an untrusted number; null for anything that is not a possible phone number. */
export function normalisePhone(raw: unknown, options: PhoneOptions = {}): NormalisedPhone | null {
  if (typeof raw !== 'string' || raw.length > MAX_PHONE_INPUT) {
    return null;
  }
  const text = unwrap(raw);
  if (!PLAUSIBLE.test(text)) {
    return null;
  }
  const digits = text.replace(/\D/g, '').length;
  if (digits < 3 || digits > 20) {
    return null;
  }
  const parsed = parsePhoneNumberFromString(text, regionOf(options));
  if (!parsed?.isPossible()) {
    return null;
  }
  return {
    e164: parsed.number,
    countryCallingCode: parsed.countryCallingCode,
    nationalNumber: parsed.nationalNumber,
    ...(parsed.country !== undefined && { country: parsed.country }),
    ...(parsed.ext !== undefined && { extension: parsed.ext }),
  };
}

/**
 * The forms to search for, most canonical first, without duplicates and capped at MAX_VARIANTS.
 * Every variant is built from digits and fixed separators only, never from the raw input.
 */
export function phoneVariants(raw: unknown, options: PhoneOptions = {}): string[] {
  const phone = normalisePhone(raw, options);
  if (phone === null) {
    return [];
  }
  // Re-parse the bare E.164 form so the extension never leaks into formatted variants.
  const parsed = parsePhoneNumberFromString(phone.e164);
  if (parsed === undefined) {
    return [phone.e164];
  }
  const cc = phone.countryCallingCode;
  const nsn = phone.nationalNumber;
  const national = parsed.formatNational();
  const international = parsed.formatInternational();
  const groups = international
    .slice(cc.length + 2)
    .split(/\s+/)
    .filter((group) => group.length > 0);
  const [first = nsn, ...tail] = groups;
  const join = (sep: string): string => [first, ...tail].join(sep);
  const paren = tail.length > 0 ? `(${first}) ${tail.join('-')}` : `(${first})`;

  const variants = [
    phone.e164,
    `${cc}${nsn}`,
    nsn,
    national,
    national.replace(/\D/g, ''),
    international,
    join('-'),
    join(' '),
    join('.'),
    paren,
    tail.length > 0 ? `(${first}) ${tail.join(' ')}` : paren,
    `+${cc} ${paren}`,
    `+${cc}-${join('-')}`,
    `+${cc}.${join('.')}`,
    `${cc}-${join('-')}`,
    `${cc} ${join(' ')}`,
    `00${cc}${nsn}`,
  ];
  return [...new Set(variants.filter((v) => v.length > 0))].slice(0, MAX_VARIANTS);
}

/** What the worker tells a page about one text: its E.164 form and search variants, or null. */
export function parsePhone(raw: unknown, options: PhoneOptions = {}): ParsedPhone | null {
  const e164 = normalisePhone(raw, options)?.e164;
  return e164 === undefined ? null : { e164, variants: phoneVariants(raw, options) };
}

/** The rules' phone facts straight from the parser (the worker, and tests of the rules). */
export function parsedPhones(options: PhoneOptions = {}): PhoneFacts {
  return {
    e164: (text) => normalisePhone(text, options)?.e164,
    variants: (text) => phoneVariants(text, options),
  };
}
