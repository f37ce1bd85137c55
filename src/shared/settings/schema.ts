/**
 * The settings: one schema with defaults, the type derived from it, and migrations from older
 * stored versions. Stored in chrome.storage.local by the service worker; an administrator's
 * managed policy (chrome.storage.managed) overrides and locks individual fields.
 */
import { z } from 'zod';
import { instanceSchema } from './instances';

export const SETTINGS_VERSION = 1;

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  servicenow: z
    .object({
      /** Origins of the ServiceNow instances the content script runs on. */
      instances: z.array(instanceSchema).max(20).default(['https://*.service-now.com']),
      /** Which ServiceNow tab shows the screen pop. */
      popTarget: z.enum(['focused', 'all']).default('focused'),
    })
    .prefault({}),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({ version: SETTINGS_VERSION });

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/** migrations[n] turns a version-n object into version n+1. */
export const migrations: Record<number, Migration> = {
  0: (old) => ({ ...old, version: 1 }),
};

export interface LoadResult {
  settings: Settings;
  /** Set when the stored value was unusable and defaults were used instead. */
  problem?: string;
}

export function loadSettings(stored: unknown): LoadResult {
  if (stored === undefined || stored === null) {
    return { settings: DEFAULT_SETTINGS };
  }
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return { settings: DEFAULT_SETTINGS, problem: 'Stored settings are not an object' };
  }
  let value = stored as Record<string, unknown>;
  let version = typeof value['version'] === 'number' ? value['version'] : 0;
  while (version < SETTINGS_VERSION) {
    const migrate = migrations[version];
    if (!migrate) {
      return { settings: DEFAULT_SETTINGS, problem: `No migration from settings version ${version}` };
    }
    value = migrate(value);
    version += 1;
  }
  const parsed = settingsSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      settings: DEFAULT_SETTINGS,
      problem: `Stored settings are invalid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`,
    };
  }
  return { settings: parsed.data };
}
