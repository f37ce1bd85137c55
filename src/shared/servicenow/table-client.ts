/**
 * A small ServiceNow Table API client for the agent's own session: same-origin cookies plus the
 * page's `g_ck` token in `X-UserToken`. Every request has a timeout and honours an AbortSignal,
 * and every failure is a ServiceNowError with a stable code. fetch is injected.
 */
import {
  abortedError,
  badResponseError,
  errorForStatus,
  networkError,
  timeoutError,
} from './errors';
import type { ServiceNowError } from './errors';
import { tableApiPath, tableQueryParams } from './encoded-query';
import { readRecord, readRecords } from './records';
import type { SnRecord } from './records';

export type { SnRecord } from './records';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface TableClientOptions {
  fetch: FetchLike;
  /** Origin of the ServiceNow instance, e.g. https://acme.service-now.com */
  baseUrl: string;
  /** The page's g_ck; a function is read on each request so a refreshed token is picked up. */
  userToken: string | (() => string | undefined);
  /** Per-request timeout, default 10 s. */
  timeoutMs?: number;
  now?: () => number;
}

export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface QueryOptions extends RequestOptions {
  limit?: number;
  fields?: readonly string[];
}

export interface TableClient {
  query(table: string, query: string, options?: QueryOptions): Promise<SnRecord[]>;
  create(
    table: string,
    fields: Record<string, string>,
    options?: RequestOptions,
  ): Promise<SnRecord>;
  update(
    table: string,
    sysId: string,
    fields: Record<string, string>,
    options?: RequestOptions,
  ): Promise<SnRecord>;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

export function createTableClient(options: TableClientOptions): TableClient {
  const origin = new URL(options.baseUrl).origin;
  const now = options.now ?? Date.now;

  async function request(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    body: Record<string, string> | undefined,
    { signal, timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS }: RequestOptions,
  ): Promise<unknown> {
    if (signal?.aborted) {
      throw abortedError();
    }
    const token = typeof options.userToken === 'function' ? options.userToken() : options.userToken;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) {
      headers['X-UserToken'] = token;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }

    const controller = new AbortController();
    let settle: ((error: ServiceNowError) => void) | undefined;
    const stopped = new Promise<never>((_resolve, reject) => {
      settle = (error) => {
        reject(error);
        controller.abort(error);
      };
    });
    const timer = setTimeout(() => settle?.(timeoutError(timeoutMs)), timeoutMs);
    const onAbort = (): void => settle?.(abortedError());
    signal?.addEventListener('abort', onAbort, { once: true });

    const exchange = async (): Promise<unknown> => {
      let response: Response;
      try {
        response = await options.fetch(new URL(path, origin).href, {
          method,
          headers,
          credentials: 'same-origin',
          signal: controller.signal,
          ...(body !== undefined && { body: JSON.stringify(body) }),
        });
      } catch (cause) {
        throw networkError(cause);
      }
      if (!response.ok) {
        throw errorForStatus(response.status, response.headers.get('Retry-After'), now());
      }
      try {
        return await response.json();
      } catch (cause) {
        throw badResponseError('ServiceNow answer is not JSON', cause);
      }
    };

    try {
      return await Promise.race([exchange(), stopped]);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      settle = undefined;
      stopped.catch(() => undefined);
    }
  }

  return {
    async query(table, query, { limit, fields, ...rest } = {}) {
      const params = tableQueryParams({
        query,
        ...(limit !== undefined && { limit }),
        ...(fields !== undefined && { fields }),
      });
      const path = `${tableApiPath(table)}?${params.toString()}`;
      return readRecords(await request('GET', path, undefined, rest));
    },
    async create(table, fields, requestOptions = {}) {
      return readRecord(await request('POST', tableApiPath(table), fields, requestOptions));
    },
    async update(table, sysId, fields, requestOptions = {}) {
      return readRecord(await request('PATCH', tableApiPath(table, sysId), fields, requestOptions));
    },
  };
}
