/**
 * Adding a ServiceNow instance. Instances under service-now.com are covered by the manifest's host
 * permission; any other https host needs the optional permission for `https://host/*`, which
 * Chrome grants only from a user gesture: `addInstance` must be called straight from the click.
 */
import { matchPatternFor, normaliseInstance } from '../../shared/settings/instances';

export interface PermissionsPort {
  request: (permissions: { origins: string[] }) => Promise<boolean>;
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
  const pattern = permissionFor(origin);
  if (pattern !== null && !(await permissions.request({ origins: [pattern] }).catch(() => false))) {
    return { ok: false, reason: 'denied' };
  }
  return { ok: true, instances: [...instances, origin] };
}
