/**
 * The settings: one schema per section with defaults, the type derived from them, and migrations
 * from older stored versions. Stored in chrome.storage.local by the service worker; an
 * administrator's managed policy (chrome.storage.managed) overrides and locks individual fields.
 * A section whose stored value is invalid is reported and replaced by its defaults; the other
 * sections keep their values.
 */
import { z } from 'zod';
import { OrgProfileListSchema, parseProfileList } from '../auth/profile-list';
import { screenPopConfigSchema } from '../screenpop/rules';
import { networkProfileSettingSchema } from '../session/network-profile';
import { SYNC_DIRECTIONS } from '../presence/sync';
import { instanceSchema } from './instances';

export const SETTINGS_VERSION = 1;

const servicenowSchema = z.object({
  /** Origins of the ServiceNow instances the content script runs on. */
  instances: z.array(instanceSchema).max(20).default(['https://*.service-now.com']),
  /** Which ServiceNow tab shows the screen pop. */
  popTarget: z.enum(['focused', 'all']).default('focused'),
  /** Region used to read national numbers (ISO 3166 alpha-2), e.g. "US". */
  defaultRegion: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as US or GB')
    .default('US'),
});

const audioSchema = z.object({
  microphoneId: z.string().max(256).default('default'),
  speakerId: z.string().max(256).default('default'),
  ringerId: z.string().max(256).default('default'),
  ringVolume: z.number().min(0).max(1).default(0.8),
});

const callsSchema = z.object({
  /** Answer automatically when Genesys says the call may be auto-answered. */
  autoAnswer: z.boolean().default(false),
  notifications: z.boolean().default(true),
});

/**
 * Optional mapping of agent presence to ServiceNow, one direction at most: a single choice, so
 * "both ways" (each side echoing the other, both routing to the agent) cannot be stored.
 */
const presenceSchema = z.object({
  servicenowSync: z.enum(SYNC_DIRECTIONS).default('off'),
});

export const SECTIONS = {
  genesys: OrgProfileListSchema.default({ profiles: [], activeId: null }).transform(parseProfileList),
  network: networkProfileSettingSchema.default({ kind: 'standard' }),
  servicenow: servicenowSchema.prefault({}),
  screenPop: screenPopConfigSchema.prefault({}),
  audio: audioSchema.prefault({}),
  calls: callsSchema.prefault({}),
  presence: presenceSchema.prefault({}),
};

export type SectionName = keyof typeof SECTIONS;

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  ...SECTIONS,
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({ version: SETTINGS_VERSION });

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/** migrations[n] turns a version-n object into version n+1. */
export const migrations: Record<number, Migration> = {
  0: (old) => ({ ...old, version: 1 }),
};

export interface LoadResult {
  settings: Settings;
  /** Set when (part of) the stored value was unusable and defaults were used instead. */
  problem?: string;
}

function describe(section: string, error: z.ZodError): string {
  const issue = error.issues[0];
  const path = [section, ...(issue?.path ?? [])].join('.');
  return `${path}: ${issue?.message ?? 'invalid'}`;
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
  if (version > SETTINGS_VERSION) {
    return { settings: DEFAULT_SETTINGS, problem: `Settings version ${version} is newer than this build` };
  }
  while (version < SETTINGS_VERSION) {
    const migrate = migrations[version];
    if (!migrate) {
      return { settings: DEFAULT_SETTINGS, problem: `No migration from settings version ${version}` };
    }
    value = migrate(value);
    version += 1;
  }
  const problems: string[] = [];
  const settings: Record<string, unknown> = { version: SETTINGS_VERSION };
  for (const [name, schema] of Object.entries(SECTIONS)) {
    const parsed = schema.safeParse(value[name]);
    if (parsed.success) {
      settings[name] = parsed.data;
    } else {
      problems.push(describe(name, parsed.error));
      settings[name] = DEFAULT_SETTINGS[name as SectionName];
    }
  }
  const result = { settings: settings as Settings };
  return problems.length > 0
    ? { ...result, problem: `Stored settings are invalid at ${problems.join('; ')}` }
    : result;
}

/** Validates a full settings object before it is saved: nothing invalid is ever stored. */
export function validateSettings(
  input: unknown,
): { ok: true; settings: Settings } | { ok: false; issues: { path: string; message: string }[] } {
  const parsed = settingsSchema.safeParse(input);
  if (parsed.success) {
    return { ok: true, settings: parsed.data };
  }
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    })),
  };
}
