/**
 * The agent's words for a taxonomy-coded error from the locale files alone (no English catalogue
 * bundled): for the content script, which must stay small. Falls back to the error's own message
 * when the locale has no text for the code.
 */

/** Same keys as error-catalogue.ts: 'turn.permission-refused' → 'err_turn_permission_refused'. */
export function errorKeys(code: string): { message: string; remedy: string } {
  const message = `err_${code.replace(/[^A-Za-z0-9]/g, '_')}`;
  return { message, remedy: `${message}__remedy` };
}

export function localisedError(
  error: { code: string; message: string },
  translate: (key: string) => string,
): string {
  const keys = errorKeys(error.code);
  const message = translate(keys.message);
  if (message === '' || message === keys.message) {
    return error.message;
  }
  const remedy = translate(keys.remedy);
  return remedy === '' || remedy === keys.remedy ? message : `${message} ${remedy}`;
}
