/**
 * An error from the worker in the agent's language: coded errors (AppError from a reply, or a
 * `{code, message}` in a result) use the locale's text for the code and its remedy, falling back
 * to the error's own message only when the locale has none.
 */
import { localisedError } from '../../shared/diagnostics/error-keys';

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
