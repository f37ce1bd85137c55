/**
 * The organisation-profiles setting: several profiles, at most one active. Pure helpers that
 * return new values; storage lives with the settings store.
 */
import { z } from 'zod';
import { AuthError } from './auth-error';
import { OrgProfileSchema, type OrgProfile, validateProfile } from './profile';

export interface OrgProfileList {
  profiles: OrgProfile[];
  /** Id of the active profile; null when there is none yet. */
  activeId: string | null;
}

export const MAX_PROFILES = 20;
export const EMPTY_PROFILE_LIST: OrgProfileList = { profiles: [], activeId: null };

export const OrgProfileListSchema = z
  .object({
    profiles: z
      .array(OrgProfileSchema)
      .max(MAX_PROFILES, `Keep at most ${MAX_PROFILES} organisation profiles`),
    activeId: z.string().nullable(),
  })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.profiles.forEach((p, i) => {
      if (seen.has(p.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['profiles', i, 'id'],
          message: `Two profiles share the id "${p.id}"`,
        });
      }
      seen.add(p.id);
    });
    if (list.activeId !== null && !seen.has(list.activeId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['activeId'],
        message: `The active profile "${list.activeId}" does not exist`,
      });
    }
  });

/** Parses a stored or imported list; throws AuthError('auth.invalid-profile'). */
export function parseProfileList(input: unknown): OrgProfileList {
  const result = OrgProfileListSchema.safeParse(input);
  if (!result.success) {
    const detail = result.error.issues
      .map((i) => `${i.path.map(String).join('.') || '(list)'}: ${i.message}`)
      .join('; ');
    throw new AuthError(
      'auth.invalid-profile',
      `The organisation profiles are invalid. ${detail}.`,
    );
  }
  const profiles = result.data.profiles.map((p) => {
    const v = validateProfile(p);
    return v.ok ? v.profile : (p as OrgProfile);
  });
  return { profiles, activeId: result.data.activeId };
}

export function activeProfile(list: OrgProfileList): OrgProfile | null {
  return list.profiles.find((p) => p.id === list.activeId) ?? null;
}

export function findProfile(list: OrgProfileList, id: string): OrgProfile | null {
  return list.profiles.find((p) => p.id === id) ?? null;
}

/** Adds or replaces (by id). The first profile added becomes active. */
export function upsertProfile(list: OrgProfileList, profile: OrgProfile): OrgProfileList {
  const exists = list.profiles.some((p) => p.id === profile.id);
  if (!exists && list.profiles.length >= MAX_PROFILES) {
    throw new AuthError(
      'auth.invalid-profile',
      `Keep at most ${MAX_PROFILES} organisation profiles.`,
    );
  }
  const profiles = exists
    ? list.profiles.map((p) => (p.id === profile.id ? profile : p))
    : [...list.profiles, profile];
  return { profiles, activeId: list.activeId ?? profile.id };
}

/** Removes a profile; if it was active, the first remaining one becomes active. */
export function removeProfile(list: OrgProfileList, id: string): OrgProfileList {
  const profiles = list.profiles.filter((p) => p.id !== id);
  const activeId = list.activeId === id ? (profiles[0]?.id ?? null) : list.activeId;
  return { profiles, activeId };
}

export function setActiveProfile(list: OrgProfileList, id: string): OrgProfileList {
  if (findProfile(list, id) === null) {
    throw new AuthError('auth.invalid-profile', `There is no organisation profile "${id}".`);
  }
  return { ...list, activeId: id };
}
