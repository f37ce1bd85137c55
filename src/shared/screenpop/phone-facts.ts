/**
 * What the screen-pop rules need to know about phone numbers, without a number parser: a text's
 * E.164 form and the written variants to search for. The worker parses (phone.ts, with
 * libphonenumber-js); a ServiceNow page asks it about the texts one call can bring up
 * (`callPhoneTexts`) and answers the rules from that table, so rule selection, searches and
 * templates give the same results in the page as with the parser at hand.
 */
import type { CallSnapshot } from '../session/snapshot';
import type { Rule } from './rules';

/** One number as the worker parsed it. */
export interface ParsedPhone {
  /** '+14155550101' */
  e164: string;
  /** The written forms to search for, most canonical first (phoneVariants). */
  variants: string[];
}

export interface PhoneFacts {
  /** The text's number in E.164, or undefined when it is not a possible phone number. */
  e164(text: string | undefined): string | undefined;
  /** The forms to search for; empty when the text is not a number. */
  variants(text: string | undefined): string[];
}

/** The phone side of the rules' options. */
export interface PhoneContext {
  phones: PhoneFacts;
}

/** Longer texts are never numbers (phone.ts MAX_PHONE_INPUT): nobody needs to be asked. */
export const MAX_PHONE_TEXT = 64;

/** Attribute keys read as the dialled number when the caller does not pass one. */
export const DNIS_ATTRIBUTE_KEYS = ['dnis', 'DNIS', 'calledAddress', 'toAddress'];

/** Facts from answers already had; a text not in the table is not a number. */
export function knownPhones(entries: Iterable<readonly [string, ParsedPhone | null]>): PhoneFacts {
  const table = new Map<string, ParsedPhone | null>(entries);
  const get = (text: string | undefined) => (text === undefined ? null : (table.get(text) ?? null));
  return {
    e164: (text) => get(text)?.e164,
    variants: (text) => get(text)?.variants ?? [],
  };
}

/**
 * Every text the rules may parse for this call: the caller's number, the dialled number (from the
 * DNIS attributes, or `dnis` when given) and the rules' DNIS entries. Unique, in that order.
 */
export function callPhoneTexts(
  call: CallSnapshot,
  rules: readonly Rule[],
  dnis?: string,
): string[] {
  const texts = [call.remote.number, dnis];
  for (const key of DNIS_ATTRIBUTE_KEYS) {
    texts.push(Object.hasOwn(call.attributes, key) ? call.attributes[key] : undefined);
  }
  for (const rule of rules) {
    texts.push(...(rule.match.dnis ?? []));
  }
  return [
    ...new Set(
      texts.filter(
        (text): text is string =>
          typeof text === 'string' && text !== '' && text.length <= MAX_PHONE_TEXT,
      ),
    ),
  ];
}
