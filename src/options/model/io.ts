/**
 * Settings import and export as JSON. Secrets never leave or enter through a file: settings hold
 * none today (tokens live in session storage), but any key that looks like one is dropped on the
 * way out and on the way in, so a future field cannot leak by accident.
 */
import { validateSettings, type Settings } from '../../shared/settings/schema';

const SECRET_KEY =
  /token|secret|password|passwd|credential|verifier|api[-_]?key|authorization|cookie/i;

export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutSecrets);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !SECRET_KEY.test(key))
        .map(([key, child]) => [key, withoutSecrets(child)]),
    );
  }
  return value;
}

export const EXPORT_FILE_NAME = 'switchboard-settings.json';

export function exportSettings(settings: Settings): string {
  return `${JSON.stringify(withoutSecrets(settings), null, 2)}\n`;
}

export type ImportResult =
  { ok: true; settings: Settings } | { ok: false; issues: { path: string; message: string }[] };

export function importSettings(text: string): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: '', message: (error as Error).message }] };
  }
  const result = validateSettings(withoutSecrets(parsed));
  return result.ok ? { ok: true, settings: result.settings } : { ok: false, issues: result.issues };
}
