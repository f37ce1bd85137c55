/**
 * ServiceNow instance origins: https on any host, or http only on loopback (the local stand-in).
 * Stored as origins ("https://acme.service-now.com", or "https://*.service-now.com" for every
 * instance); turned into match patterns for content scripts and host permissions.
 */
import { z } from 'zod';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function normaliseInstance(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim().includes('://') ? input.trim() : `https://${input.trim()}`);
  } catch {
    throw new Error(`"${input}" is not a web address`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new Error(`"${input}" must use https (http is allowed only for 127.0.0.1 or localhost)`);
  }
  if (url.username || url.password) {
    throw new Error(`"${input}" must not contain credentials`);
  }
  return url.origin;
}

export const instanceSchema = z.string().transform((value, ctx) => {
  try {
    return normaliseInstance(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

/** Match pattern for an origin: ports are not part of match patterns. */
export function matchPatternFor(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

export function isUrlOnInstances(url: string, instances: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return instances.some((origin) => {
    const instance = new URL(origin);
    if (instance.protocol !== parsed.protocol) {
      return false;
    }
    if (instance.hostname.startsWith('*.')) {
      return parsed.hostname.endsWith(instance.hostname.slice(1));
    }
    return instance.hostname === parsed.hostname;
  });
}
