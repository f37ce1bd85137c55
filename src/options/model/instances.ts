/**
 * Adding a ServiceNow instance. Instances under service-now.com are covered by the manifest's host
 * permission; any other https host needs the optional permission for `https://host/*`, which
 * Chrome grants only from a user gesture: `addInstance` and `grant` must be called straight from
 * the click. An instance set by policy (or whose permission was revoked) is granted with `grant`.
 */
import { matchPatternFor, normaliseInstance } from '../../shared/settings/instances';

export interface PermissionsPort {
  request: (permissions: { origins: string[] }) => Promise<boolean>;
  contains: (permissions: { origins: string[] }) => Promise<boolean>;
}

/** The instances whose host permission is missing (custom domains not granted, or revoked). */
export async function ungranted(
  instances: readonly string[],
  permissions: PermissionsPort,
): Promise<string[]> {
  const checks = await Promise.all(
    instances.map(async (origin) => {
      const pattern = permissionFor(origin);
      return (
        pattern !== null && !(await permissions.contains({ origins: [pattern] }).catch(() => false))
      );
    }),
  );
  return instances.filter((_, index) => checks[index]);
}

/** Asks for an instance's host permission (from a click); true when it is granted. */
export async function grant(origin: string, permissions: PermissionsPort): Promise<boolean> {
  const pattern = permissionFor(origin);
  return pattern === null || (await permissions.request({ origins: [pattern] }).catch(() => false));
}

const COVERED = /^https:\/\/(?:\*\.|[a-z0-9-]+\.)*service-now\.com$/;
const LOOPBACK = /^http:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?$/;

/** The match pattern to request for an origin, or null when the manifest already covers it. */
export function permissionFor(origin: string): string | null {
  return COVERED.test(origin) || LOOPBACK.test(origin) ? null : matchPatternFor(origin);
}

export type AddResult =
  | { ok: true; instances: string[] }
  | { ok: false; reason: 'invalid' | 'duplicate' | 'denied'; message?: string };

export async function addInstance(
  instances: readonly string[],
  input: string,
  permissions: PermissionsPort,
): Promise<AddResult> {
  let origin: string;
  try {
    origin = normaliseInstance(input);
  } catch (error) {
    return { ok: false, reason: 'invalid', message: (error as Error).message };
  }
  if (instances.includes(origin)) {
    return { ok: false, reason: 'duplicate' };
  }
  if (!(await grant(origin, permissions))) {
    return { ok: false, reason: 'denied' };
  }
  return { ok: true, instances: [...instances, origin] };
}
