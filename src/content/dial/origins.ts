/**
 * Which record a dialled number came from, so the pop of that outbound call opens the record the
 * agent dialled from instead of searching. Kept in this page for two minutes, taken once.
 */
export interface DialOrigin {
  url: string;
  label: string;
  at: number;
}

export interface DialOrigins {
  remember(e164: string, origin: Omit<DialOrigin, 'at'>): void;
  /** The origin for this number, if one is fresh; it is forgotten once taken. */
  take(e164: string | undefined): DialOrigin | undefined;
}

export const DIAL_ORIGIN_TTL_MS = 120_000;
const MAX_ORIGINS = 20;

export function createDialOrigins(now: () => number = Date.now): DialOrigins {
  const byNumber = new Map<string, DialOrigin>();
  return {
    remember(e164, origin) {
      byNumber.delete(e164);
      byNumber.set(e164, { ...origin, at: now() });
      while (byNumber.size > MAX_ORIGINS) {
        const oldest = byNumber.keys().next().value;
        if (oldest === undefined) {
          break;
        }
        byNumber.delete(oldest);
      }
    },
    take(e164) {
      if (e164 === undefined) {
        return undefined;
      }
      const origin = byNumber.get(e164);
      byNumber.delete(e164);
      return origin && now() - origin.at <= DIAL_ORIGIN_TTL_MS ? origin : undefined;
    },
  };
}
