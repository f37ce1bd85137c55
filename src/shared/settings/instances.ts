/**
 * ServiceNow instance origins: https on any host, or http only on loopback (the local stand-in).
 * Stored as origins ("https://acme.service-now.com", or "https://*.service-now.com" for every
 * instance of a domain); turned into match patterns for content scripts and host permissions.
 * Wildcards are handled here by hand: browsers' URL parsers disagree on "*" in a host name.
 */
import { z } from 'zod';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const WILDCARD = /^https:\/\/\*\.((?:[a-z0-9-]+\.)+[a-z]{2,})$/;

export function normaliseInstance(input: string): string {
  const trimmed = input.trim().toLowerCase().replace(/\/+$/, '');
  const wildcard = WILDCARD.exec(trimmed);
  if (wildcard) {
    return `https://*.${wildcard[1] ?? ''}`;
  }
  let url: URL;
  try {
    url = new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`);
  } catch {
    throw new Error(`"${input}" is not a web address`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new Error(`"${input}" must use https (http is allowed only for 127.0.0.1 or localhost)`);
  }
  if (url.username || url.password) {
    throw new Error(`"${input}" must not contain credentials`);
  }
  if (url.hostname.includes('*') || url.hostname.includes('%2a')) {
    throw new Error(`"${input}": a wildcard is allowed only as "https://*.domain"`);
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

interface InstanceParts {
  protocol: string;
  hostname: string;
  wildcard: boolean;
}

function parts(origin: string): InstanceParts {
  const wildcard = WILDCARD.exec(origin);
  if (wildcard) {
    return { protocol: 'https:', hostname: wildcard[1] ?? '', wildcard: true };
  }
  const url = new URL(origin);
  return { protocol: url.protocol, hostname: url.hostname, wildcard: false };
}

/** Match pattern for an origin: ports are not part of match patterns. */
export function matchPatternFor(origin: string): string {
  const { protocol, hostname, wildcard } = parts(origin);
  return `${protocol}//${wildcard ? '*.' : ''}${hostname}/*`;
}

export function isUrlOnInstances(url: string, instances: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return instances.some((origin) => {
    const instance = parts(origin);
    if (instance.protocol !== parsed.protocol) {
      return false;
    }
    return instance.wildcard
      ? parsed.hostname.endsWith(`.${instance.hostname}`)
      : instance.hostname === parsed.hostname;
  });
}
