/**
 * The error catalogue: every diagnosable failure has a stable code, a layer, English text for the
 * agent and a stable message key per text (future chrome.i18n message names).
 */
import { MEDIA_CATALOGUE } from './catalogue-media';
import { PLATFORM_CATALOGUE } from './catalogue-platform';
import type { CatalogueEntry } from './catalogue-types';

export type { CatalogueEntry, Layer } from './catalogue-types';

export const ERROR_CATALOGUE = {
  ...PLATFORM_CATALOGUE,
  ...MEDIA_CATALOGUE,
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CATALOGUE, value);
}

/** chrome.i18n names allow only [A-Za-z0-9_]: 'auth.invalid-token' → 'err_auth_invalid_token'. */
export function messageKey(code: ErrorCode): string {
  return `err_${code.replace(/[^A-Za-z0-9]/g, '_')}`;
}

export function remedyKey(code: ErrorCode): string {
  return `${messageKey(code)}__remedy`;
}

/** All catalogue texts in chrome.i18n `messages.json` shape. */
export function catalogueMessages(): Record<string, { message: string; description: string }> {
  const out: Record<string, { message: string; description: string }> = {};
  for (const code of ERROR_CODES) {
    const { message, remedy, layer } = ERROR_CATALOGUE[code];
    out[messageKey(code)] = { message, description: `Error ${code} (${layer}): what happened.` };
    out[remedyKey(code)] = {
      message: remedy,
      description: `Error ${code} (${layer}): what to do.`,
    };
  }
  return out;
}
