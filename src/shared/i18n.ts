/**
 * Translation lookup with an injected message source (chrome.i18n.getMessage in the extension,
 * the English catalogue in tests). A missing key shows the key itself, never an empty string.
 */
export type GetMessage = (key: string, substitutions?: string | string[]) => string;

export type Translate = (key: string, ...substitutions: string[]) => string;

export function createTranslator(getMessage: GetMessage): Translate {
  return (key, ...substitutions) => {
    const text = getMessage(key, substitutions.length > 0 ? substitutions : undefined);
    return text === '' ? key : text;
  };
}

/** chrome.i18n keys allow only [A-Za-z0-9_]: builds one from parts such as ('connection', 'mic-blocked'). */
export function messageKey(...parts: string[]): string {
  return parts.join('_').replace(/[^A-Za-z0-9_]/g, '_');
}
