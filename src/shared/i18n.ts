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
