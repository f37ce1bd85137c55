/**
 * Where tokens live: chrome.storage.session, restricted to trusted contexts before the first write
 * so content scripts cannot read it. Optionally the refresh token is also kept in storage.local to
 * survive a browser restart. storage.local also notes which profile is signed in (no token), so a
 * browser restart or an extension update can renew silently. clear() forgets all of it, plus the
 * renewal bookkeeping.
 */
import type { RenewMethod, UnauthorizedMemory } from '../../shared/auth/token-schedule';
import { NO_UNAUTHORIZED } from '../../shared/auth/token-schedule';
import type { AuthTokens } from '../../shared/auth/tokens';

export interface StorageAreaLike {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface SessionAreaLike extends StorageAreaLike {
  setAccessLevel(options: { accessLevel: 'TRUSTED_CONTEXTS' }): Promise<void>;
}

export interface StoredSession {
  profileId: string;
  tokens: AuthTokens;
}

/** Renewal bookkeeping, kept with the tokens so a restarted worker carries on. */
export interface RenewalRecord {
  /** Method to try next when a retry is pending; null when nothing failed. */
  method: RenewMethod | null;
  attempt: number;
  /** Epoch ms a renewal started; a worker killed mid-renewal leaves it set. */
  renewingSince: number | null;
  unauthorized: UnauthorizedMemory;
}

export const FRESH_RENEWAL: RenewalRecord = {
  method: null,
  attempt: 0,
  renewingSince: null,
  unauthorized: NO_UNAUTHORIZED,
};

export interface TokenStore {
  load(): Promise<StoredSession | null>;
  save(session: StoredSession): Promise<void>;
  /** A refresh token kept across browser restarts (only with persistRefreshToken). */
  loadPersistedRefresh(): Promise<{ profileId: string; refreshToken: string } | null>;
  /** The profile the agent was signed in to, kept across restarts until sign-out (no token). */
  loadSignedInProfile(): Promise<string | null>;
  loadRenewal(): Promise<RenewalRecord>;
  saveRenewal(record: RenewalRecord): Promise<void>;
  /** Forgets everything: session tokens, renewal state, a persisted refresh token, the note. */
  clear(): Promise<void>;
}

export const KEYS = {
  session: 'auth.session',
  renewal: 'auth.renewal',
  persistedRefresh: 'auth.refresh',
  signedIn: 'auth.signedIn',
} as const;

export interface TokenStoreOptions {
  persistRefreshToken?: boolean;
}

function isSession(v: unknown): v is StoredSession {
  const s = v as Partial<StoredSession> | undefined;
  return typeof s?.profileId === 'string' && typeof s.tokens?.accessToken === 'string';
}

export function createTokenStore(
  areas: { session: SessionAreaLike; local: StorageAreaLike },
  options: TokenStoreOptions = {},
): TokenStore {
  const { session, local } = areas;
  let restricted: Promise<void> | null = null;
  const restrict = () => {
    restricted ??= session
      .setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' })
      .catch((e: unknown) => {
        restricted = null;
        throw e;
      });
    return restricted;
  };

  return {
    async load() {
      const value = (await session.get([KEYS.session]))[KEYS.session];
      return isSession(value) ? value : null;
    },
    async save(stored) {
      await restrict();
      await session.set({ [KEYS.session]: stored });
      const refreshToken = stored.tokens.refreshToken;
      const signedIn = { [KEYS.signedIn]: { profileId: stored.profileId } };
      if (options.persistRefreshToken === true && refreshToken !== undefined) {
        await local.set({
          ...signedIn,
          [KEYS.persistedRefresh]: { profileId: stored.profileId, refreshToken },
        });
      } else {
        await local.set(signedIn);
        await local.remove(KEYS.persistedRefresh);
      }
    },
    async loadPersistedRefresh() {
      if (options.persistRefreshToken !== true) {
        return null;
      }
      const v = (await local.get([KEYS.persistedRefresh]))[KEYS.persistedRefresh] as
        { profileId?: unknown; refreshToken?: unknown } | undefined;
      return typeof v?.profileId === 'string' && typeof v.refreshToken === 'string'
        ? { profileId: v.profileId, refreshToken: v.refreshToken }
        : null;
    },
    async loadSignedInProfile() {
      const v = (await local.get([KEYS.signedIn]))[KEYS.signedIn] as
        { profileId?: unknown } | undefined;
      return typeof v?.profileId === 'string' ? v.profileId : null;
    },
    async loadRenewal() {
      const v = (await session.get([KEYS.renewal]))[KEYS.renewal] as
        Partial<RenewalRecord> | undefined;
      return { ...FRESH_RENEWAL, ...v };
    },
    async saveRenewal(record) {
      await restrict();
      await session.set({ [KEYS.renewal]: record });
    },
    async clear() {
      await session.remove([KEYS.session, KEYS.renewal]);
      await local.remove([KEYS.persistedRefresh, KEYS.signedIn]);
    },
  };
}

/** The real areas. */
export function createChromeTokenStore(options: TokenStoreOptions = {}): TokenStore {
  return createTokenStore(
    { session: chrome.storage.session, local: chrome.storage.local },
    options,
  );
}
