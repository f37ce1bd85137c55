/**
 * The Genesys Platform API calls for presence, made by the worker with the token it holds (the API
 * answers extensions with CORS). The token goes into the Authorization header and nowhere else:
 * not into errors, logs or answers. A 429 is tried again after its Retry-After (shared/genesys).
 */
import { AppError } from '../../shared/errors';
import {
  honourRetryAfter,
  throttleOf,
  type RetryAfterOptions,
  type Throttle,
} from '../../shared/genesys/retry-after';
import { parsePresence, parseRouting } from '../../shared/presence/parse';
import type { RoutingStatus, SystemPresence } from '../../shared/presence/status';

export interface ApiAccess {
  apiBase: string;
  token: string;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface PresenceApi {
  read(): Promise<{ presence: SystemPresence; routing: RoutingStatus }>;
  setPresence(presence: SystemPresence): Promise<void>;
  setRouting(status: RoutingStatus): Promise<void>;
}

interface Definition {
  id: string;
  systemPresence: SystemPresence;
}

/** Attached to a failed answer: a 429's throttle, or null. */
type HttpFailure = AppError & { throttle: Throttle | null };

const throttleOfFailure = (error: unknown): Throttle | null =>
  (error as Partial<HttpFailure> | null)?.throttle ?? null;

export function createPresenceApi(
  access: () => Promise<ApiAccess | null>,
  fetchFn: FetchLike,
  onUnauthorized: () => void,
  retry: RetryAfterOptions = {},
): PresenceApi {
  let definitions: Definition[] | null = null;

  const call = (method: string, path: string, body?: unknown): Promise<unknown> =>
    honourRetryAfter(() => callOnce(method, path, body), throttleOfFailure, retry);

  const callOnce = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const auth = await access();
    if (auth === null) {
      throw new AppError('presence.signed-out', 'Not signed in to Genesys Cloud.');
    }
    const response = await fetchFn(`${auth.apiBase}/api/v2${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${auth.token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (response.status === 401) {
      onUnauthorized();
    }
    if (!response.ok) {
      const error = new AppError(
        'presence.http',
        `Genesys Cloud answered ${String(response.status)}.`,
      );
      const retryAfter = response.headers.get('Retry-After');
      const now = (retry.now ?? Date.now)();
      throw Object.assign(error, { throttle: throttleOf(response.status, retryAfter, now) });
    }
    return response.status === 204 ? null : ((await response.json()) as unknown);
  };

  const definitionFor = async (presence: SystemPresence): Promise<Definition | undefined> => {
    if (definitions === null) {
      const list = (await call('GET', '/presencedefinitions')) as { entities?: unknown[] } | null;
      definitions = (list?.entities ?? []).flatMap((entry): Definition[] => {
        const id = (entry as { id?: unknown }).id;
        const system = parsePresence({ presenceDefinition: entry });
        return typeof id === 'string' && system ? [{ id, systemPresence: system }] : [];
      });
    }
    return definitions.find((d) => d.systemPresence === presence);
  };

  return {
    async read() {
      const [presenceBody, routingBody] = await Promise.all([
        call('GET', '/users/me/presences/purecloud'),
        call('GET', '/users/me/routingstatus'),
      ]);
      const presence = parsePresence(presenceBody);
      if (presence === undefined) {
        throw new AppError('presence.unreadable', 'Genesys Cloud sent an unknown presence.');
      }
      return { presence, routing: parseRouting(routingBody) ?? 'OFF_QUEUE' };
    },
    async setPresence(presence) {
      const definition = await definitionFor(presence);
      await call('PATCH', '/users/me/presences/purecloud', {
        presenceDefinition: definition ?? { systemPresence: presence },
      });
    },
    async setRouting(status) {
      await call('PUT', '/users/me/routingstatus', { status });
    },
  };
}
