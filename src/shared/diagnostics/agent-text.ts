/**
 * What an agent reads for an error: the translated catalogue message and remedy for a taxonomy
 * code (`err_<code>` and `err_<code>__remedy` in the locale files), falling back to the English
 * catalogue when a translation is missing, and to the error's own text for a code outside the
 * taxonomy. The popup, the options page, the screen pop and the diagnostics page share it.
 */
import { ERROR_CATALOGUE, isErrorCode, messageKey, remedyKey } from './error-catalogue';
import type { Layer } from './error-catalogue';

/** chrome.i18n-style lookup; answers the key itself (or '') when the key is missing. */
export type Translate = (key: string, ...substitutions: string[]) => string;

export interface AgentErrorText {
  code: string;
  layer: Layer | null;
  /** What happened, in the agent's language. */
  message: string;
  /** What to do about it; null for an error outside the taxonomy. */
  remedy: string | null;
  /** The original error text when it adds something to the message (support reads it). */
  detail: string | null;
}

function lookup(translate: Translate, key: string, english: string): string {
  const text = translate(key);
  return text === '' || text === key ? english : text;
}

export function agentErrorText(
  error: { code: string; message: string },
  translate: Translate,
): AgentErrorText {
  if (!isErrorCode(error.code)) {
    return { code: error.code, layer: null, message: error.message, remedy: null, detail: null };
  }
  const entry = ERROR_CATALOGUE[error.code];
  const message = lookup(translate, messageKey(error.code), entry.message);
  const extra = error.message.trim();
  return {
    code: error.code,
    layer: entry.layer,
    message,
    remedy: lookup(translate, remedyKey(error.code), entry.remedy),
    detail: extra === '' || extra === entry.message || extra === message ? null : extra,
  };
}
