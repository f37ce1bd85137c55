/**
 * The options page's draft: the settings being edited, checked on every change with the same
 * validation the worker applies before saving, each problem keyed by its dotted path so the error
 * shows next to its field.
 */
import { getPath, setPath } from '../../shared/settings/managed';
import { validateSettings, type Settings } from '../../shared/settings/schema';

export type FieldErrors = Record<string, string>;

/** Problems keyed by path ('genesys.profiles.0.clientId'); the first message per path wins. */
export function fieldErrors(draft: Settings): FieldErrors {
  const result = validateSettings(draft);
  if (result.ok) {
    return {};
  }
  const errors: FieldErrors = {};
  for (const issue of result.issues) {
    errors[issue.path] ??= issue.message;
  }
  return errors;
}

/** The first error at or under `path` (a section, a list, a field). */
export function errorUnder(errors: FieldErrors, path: string): string | undefined {
  const key = Object.keys(errors).find((p) => p === path || p.startsWith(`${path}.`));
  return key === undefined ? undefined : errors[key];
}

export function sameSettings(a: Settings, b: Settings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `next` with every locked field put back to the effective (policy) value. */
export function keepLocked(
  next: Settings,
  effective: Settings,
  locked: readonly string[],
): Settings {
  return locked.reduce((value, path) => setPath(value, path, getPath(effective, path)), next);
}

export { getPath, setPath };
