/**
 * An administrator's policy (chrome.storage.managed) over the agent's own settings, field by field.
 * The policy has the settings' shape (`{servicenow: {popTarget: 'all'}}`); each field it sets
 * replaces the local value and is locked. A field that does not validate is dropped with a problem
 * naming it, and the local value stays. Fields that only validate together (a custom heartbeat
 * interval and its timeout) are tried again until no more can be accepted. Pure: no chrome.*.
 */
import type { z } from 'zod';
import { SECTIONS, type SectionName, type Settings } from './schema';

/** Every field a policy can set (and so lock), as dotted paths. Arrays are set whole. */
export const POLICY_FIELDS = [
  'genesys.profiles',
  'genesys.activeId',
  'network.kind',
  'network.heartbeatIntervalMs',
  'network.heartbeatTimeoutMs',
  'network.reconnect.initialDelayMs',
  'network.reconnect.maxDelayMs',
  'network.reconnect.jitterRatio',
  'network.reconnect.maxAttempts',
  'network.useServerSidePings',
  'network.wsHost',
  'network.logLevel',
  'servicenow.instances',
  'servicenow.popTarget',
  'servicenow.defaultRegion',
  'screenPop.budgetMs',
  'screenPop.maxResults',
  'screenPop.defaultRegion',
  'screenPop.allowedUrlHosts',
  'screenPop.rules',
  'audio.microphoneId',
  'audio.speakerId',
  'audio.ringerId',
  'audio.ringVolume',
  'calls.autoAnswer',
  'calls.notifications',
  'presence.servicenowSync',
] as const;

export type PolicyField = (typeof POLICY_FIELDS)[number];

export interface PolicyProblem {
  path: string;
  message: string;
}

/** The effective settings, the paths the policy locks, and what in the policy was ignored. */
export interface SettingsView {
  settings: Settings;
  locked: string[];
  problems: PolicyProblem[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getPath(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split('.')) {
    if (!isObject(node) && !Array.isArray(node)) {
      return undefined;
    }
    node = (node as Json)[key];
  }
  return node;
}

/**
 * A copy of `root` with `value` at `path` (undefined removes an object field); objects and arrays
 * on the way are copied, missing ones created as objects.
 */
export function setPath<T>(root: T, path: string, value: unknown): T {
  const [key = '', ...rest] = path.split('.');
  const child = (node: unknown) =>
    rest.length === 0 ? value : setPath(node, rest.join('.'), value);
  if (Array.isArray(root)) {
    const copy: unknown[] = [...root];
    copy[Number(key)] = child(copy[Number(key)]);
    return copy as T;
  }
  const node: Json = isObject(root) ? root : {};
  const next = child(node[key]);
  const copy = Object.fromEntries(Object.entries(node).filter(([name]) => name !== key));
  return (next === undefined ? copy : { ...copy, [key]: next }) as T;
}

/** True when `path` is a locked field or lies inside one ('genesys.profiles.0.name'). */
export function isLocked(locked: readonly string[], path: string): boolean {
  return locked.some((field) => path === field || path.startsWith(`${field}.`));
}

const FIELDS: readonly string[] = POLICY_FIELDS;

/** Keys in the policy that are not settings (Chrome drops unknown top-level keys itself). */
function unknownKeys(policy: Json, prefix = ''): PolicyProblem[] {
  return Object.entries(policy).flatMap(([key, value]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (FIELDS.includes(path)) {
      return [];
    }
    if (!FIELDS.some((field) => field.startsWith(`${path}.`))) {
      return [{ path, message: 'not a Switchboard setting; ignored' }];
    }
    return isObject(value)
      ? unknownKeys(value, path)
      : [{ path, message: 'must be an object of settings; ignored' }];
  });
}

function firstIssue(error: z.ZodError, section: string): string {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (at ${section}.${issue.path.join('.')})` : '';
  return `${issue?.message ?? 'invalid'}${where}; ignored`;
}

interface SectionResult {
  value: unknown;
  accepted: string[];
  problems: PolicyProblem[];
}

/** Applies the policy's fields of one section over the local value until none more validate. */
function applySection(section: SectionName, local: unknown, policy: Json): SectionResult {
  const schema: z.ZodType = SECTIONS[section];
  let pending = FIELDS.filter((path) => path.startsWith(`${section}.`)).filter(
    (path) => getPath(policy, path) !== undefined,
  );
  let input = local;
  const accepted: string[] = [];
  const failures = new Map<string, string>();
  let progress = true;
  while (progress && pending.length > 0) {
    progress = false;
    for (const path of pending) {
      const trial = setPath(input, path.slice(section.length + 1), getPath(policy, path));
      const parsed = schema.safeParse(trial);
      if (parsed.success) {
        input = trial;
        accepted.push(path);
        failures.delete(path);
        progress = true;
      } else {
        failures.set(path, firstIssue(parsed.error, section));
      }
    }
    pending = pending.filter((path) => !accepted.includes(path));
  }
  return {
    value: accepted.length > 0 ? schema.parse(input) : local,
    accepted,
    problems: pending.map((path) => ({ path, message: failures.get(path) ?? 'invalid; ignored' })),
  };
}

/** Merges a managed policy over local settings, field by field. */
export function applyManaged(local: Settings, managed: unknown): SettingsView {
  if (managed === undefined || managed === null) {
    return { settings: local, locked: [], problems: [] };
  }
  if (!isObject(managed)) {
    return {
      settings: local,
      locked: [],
      problems: [{ path: '', message: 'the policy is not an object; ignored' }],
    };
  }
  const problems = unknownKeys(managed);
  const accepted = new Set<string>();
  let settings = local;
  for (const section of Object.keys(SECTIONS) as SectionName[]) {
    if (managed[section] === undefined) {
      continue;
    }
    const result = applySection(section, local[section], managed);
    settings = { ...settings, [section]: result.value };
    result.accepted.forEach((path) => accepted.add(path));
    problems.push(...result.problems);
  }
  return { settings, locked: FIELDS.filter((path) => accepted.has(path)), problems };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The locked fields that `next` would change compared with the effective settings. */
export function lockedChanges(
  effective: Settings,
  next: Settings,
  locked: readonly string[],
): PolicyProblem[] {
  return locked
    .filter((path) => !same(getPath(effective, path), getPath(next, path)))
    .map((path) => ({ path, message: 'Set by your administrator: this cannot be changed here' }));
}

/** What to store locally: `next`, with the agent's own values (not the policy's) in locked fields. */
export function withLocalLockedValues<T>(next: T, local: Settings, locked: readonly string[]): T {
  return locked.reduce<T>((value, path) => setPath(value, path, getPath(local, path)), next);
}
