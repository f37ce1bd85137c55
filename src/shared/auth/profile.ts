/**
 * Organisation profiles: one per Genesys Cloud organisation the agent works for (OAuth clients are
 * per organisation). A profile names a region or a custom environment, the OAuth client and the
 * optional sign-in hints (Authorized Organizations target, SSO provider/org).
 */
import { z } from 'zod';
import { AuthError } from './auth-error';
import {
  REGION_KEYS,
  isRegionKey,
  resolveEnvironment,
  type RegionKey,
  type ResolvedEnvironment,
} from './regions';

export interface OrgProfile {
  id: string;
  name: string;
  region?: RegionKey;
  customEnvironment?: string;
  /** Overrides `wss://streaming.{env}`. */
  wsHost?: string;
  clientId: string;
  /** Authorized Organizations: sign in to this organisation (`target=<orgId>`). */
  targetOrgId?: string;
  /** SSO: identity provider (`provider=`), used together with `ssoOrg`. */
  ssoProvider?: string;
  /** SSO: organisation short name (`org=`). */
  ssoOrg?: string;
}

/** The fields that locate an environment (also accepts zod's `T | undefined` optionals). */
export interface EnvironmentFields {
  region?: RegionKey | undefined;
  customEnvironment?: string | undefined;
  wsHost?: string | undefined;
}

export interface ProfileIssue {
  field: string;
  message: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Form fields arrive as strings: blank means "not set". */
const blankToUndefined = (v: unknown): unknown =>
  typeof v === 'string' && v.trim() === '' ? undefined : v;
const text = () => z.preprocess(blankToUndefined, z.string().trim().optional());
const guid = (label: string, where: string) =>
  z.string().trim().regex(GUID, `${label} must be a GUID like 0b3c5f1e-…-…, as shown in ${where}`);

export const OrgProfileSchema = z
  .object({
    id: z.string().trim().min(1, 'Profile id is missing'),
    name: z
      .string({ error: 'Give the profile a name' })
      .trim()
      .min(1, 'Give the profile a name')
      .max(80, 'Keep the profile name under 80 characters'),
    region: z.preprocess(
      blankToUndefined,
      z.enum(REGION_KEYS, { error: 'Choose a Genesys Cloud region from the list' }).optional(),
    ),
    customEnvironment: text(),
    wsHost: text(),
    clientId: z.preprocess(
      blankToUndefined,
      guid('OAuth client ID', 'Genesys Cloud Admin > Integrations > OAuth').optional(),
    ),
    targetOrgId: z.preprocess(
      blankToUndefined,
      guid('Target organisation ID', 'Admin > Organization Settings').optional(),
    ),
    ssoProvider: text(),
    ssoOrg: text(),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    const tryOrIssue = (path: string, check: () => unknown): boolean => {
      try {
        check();
        return true;
      } catch (e) {
        issue(path, e instanceof Error ? e.message : String(e));
        return false;
      }
    };
    if (p.clientId === undefined) {
      issue('clientId', 'Enter the OAuth client ID (a Code Authorization grant client with PKCE)');
    }
    let envOk = false;
    if (p.region === undefined && p.customEnvironment === undefined) {
      issue('region', 'Choose a region, or enter a custom environment');
    } else if (p.region !== undefined && p.customEnvironment !== undefined) {
      issue('customEnvironment', 'Choose either a region or a custom environment, not both');
    } else {
      envOk = tryOrIssue('customEnvironment', () =>
        profileEnvironment({ ...p, wsHost: undefined }),
      );
    }
    if (envOk && p.wsHost !== undefined) {
      tryOrIssue('wsHost', () => profileEnvironment(p));
    }
    if ((p.ssoProvider === undefined) !== (p.ssoOrg === undefined)) {
      issue(
        p.ssoOrg === undefined ? 'ssoOrg' : 'ssoProvider',
        'SSO needs both the provider and the organisation short name (or neither)',
      );
    }
  });

function clean(parsed: z.output<typeof OrgProfileSchema>): OrgProfile {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (v !== undefined) {
      out[k] = v;
    }
  }
  return out as unknown as OrgProfile;
}

export type ProfileValidation =
  { ok: true; profile: OrgProfile } | { ok: false; issues: ProfileIssue[] };

/** For forms: every problem, keyed by field. */
export function validateProfile(input: unknown): ProfileValidation {
  const result = OrgProfileSchema.safeParse(input);
  if (result.success) {
    return { ok: true, profile: clean(result.data) };
  }
  const issues = result.error.issues.map((i) => ({
    field: i.path.map(String).join('.') || '(profile)',
    message: i.message,
  }));
  return { ok: false, issues };
}

/** Throws AuthError('auth.invalid-profile') naming every problem. */
export function parseProfile(input: unknown): OrgProfile {
  const v = validateProfile(input);
  if (v.ok) {
    return v.profile;
  }
  const detail = v.issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  throw new AuthError('auth.invalid-profile', `The organisation profile is incomplete. ${detail}.`);
}

export function profileEnvironment(profile: EnvironmentFields): ResolvedEnvironment {
  const target = isRegionKey(profile.region)
    ? profile.region
    : { custom: profile.customEnvironment ?? '' };
  return resolveEnvironment(target, { wsHost: profile.wsHost });
}
