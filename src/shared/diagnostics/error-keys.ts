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

/**
 * Any error from the worker in the agent's words: a coded one (AppError from a reply, or a
 * `{code, message}` in a result) through `localisedError`, anything else by its message.
 */
export function errorText(error: unknown, translate: (key: string) => string): string {
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      return localisedError(
        { code, message: typeof message === 'string' ? message : '' },
        translate,
      );
    }
  }
  return error instanceof Error ? error.message : String(error);
}
