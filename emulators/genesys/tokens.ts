/**
 * Access tokens: fixed demo tokens per user plus tokens issued by OAuth or the control API.
 * A token can expire (by time or on demand) or be revoked; lookups say which.
 */
import { randomToken } from './ids';

export interface TokenRecord {
  token: string;
  userId: string;
  orgId: string;
  /** Epoch ms, or null for tokens that never expire. */
  expiresAt: number | null;
  revoked: boolean;
  source: 'demo' | 'oauth' | 'control';
}

export type TokenLookup =
  | { ok: true; record: TokenRecord }
  | { ok: false; reason: 'missing' | 'unknown' | 'expired' | 'revoked' };

export class TokenStore {
  readonly #tokens = new Map<string, TokenRecord>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  add(record: Omit<TokenRecord, 'revoked'>): TokenRecord {
    const full = { ...record, revoked: false };
    this.#tokens.set(record.token, full);
    return full;
  }

  issue(
    userId: string,
    orgId: string,
    opts: { expiresInSec?: number; source?: TokenRecord['source'] } = {},
  ): TokenRecord {
    const expiresAt =
      opts.expiresInSec === undefined ? null : this.#now() + opts.expiresInSec * 1000;
    return this.add({
      token: randomToken(),
      userId,
      orgId,
      expiresAt,
      source: opts.source ?? 'control',
    });
  }

  lookup(token: string | undefined): TokenLookup {
    if (!token) {
      return { ok: false, reason: 'missing' };
    }
    const record = this.#tokens.get(token);
    if (!record) {
      return { ok: false, reason: 'unknown' };
    }
    if (record.revoked) {
      return { ok: false, reason: 'revoked' };
    }
    if (record.expiresAt !== null && record.expiresAt <= this.#now()) {
      return { ok: false, reason: 'expired' };
    }
    return { ok: true, record };
  }

  /** Tokens that still authenticate, optionally of one user. */
  live(userId?: string): TokenRecord[] {
    return [...this.#tokens.values()].filter(
      (r) => (!userId || r.userId === userId) && this.lookup(r.token).ok,
    );
  }

  /** Marks the token expired now. Returns false if it is unknown. */
  expire(token: string): boolean {
    const record = this.#tokens.get(token);
    if (!record) {
      return false;
    }
    record.expiresAt = this.#now();
    return true;
  }

  revoke(token: string): boolean {
    const record = this.#tokens.get(token);
    if (!record) {
      return false;
    }
    record.revoked = true;
    return true;
  }

  /** Revokes every token of a user; returns how many were live. */
  revokeUser(userId: string): number {
    let count = 0;
    for (const record of this.#tokens.values()) {
      if (record.userId === userId && !record.revoked) {
        record.revoked = true;
        count += 1;
      }
    }
    return count;
  }

  /** Restores a demo token that was expired or revoked (used by fault clearing). */
  restoreDemo(): void {
    for (const record of this.#tokens.values()) {
      if (record.source === 'demo') {
        record.revoked = false;
        record.expiresAt = null;
      }
    }
  }
}

/** The bearer token from an Authorization header, if well formed. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) {
    return undefined;
  }
  const [scheme, value, ...rest] = header.trim().split(/\s+/);
  if (rest.length > 0 || !value || scheme?.toLowerCase() !== 'bearer') {
    return undefined;
  }
  return value;
}
