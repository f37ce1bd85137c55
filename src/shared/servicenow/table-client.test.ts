import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ServiceNowError } from './errors';
import { createTableClient } from './table-client';
import type { FetchLike } from './table-client';

const BASE = 'https://acme.service-now.com';
const ID_A = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const ID_B = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';

interface Seen {
  url: string;
  init: RequestInit;
}

function fakeFetch(respond: (seen: Seen) => Response | Promise<Response>) {
  const calls: Seen[] = [];
  const fetch: FetchLike = async (url, init) => {
    const seen = { url, init };
    calls.push(seen);
    return respond(seen);
  };
  return { fetch, calls };
}

const json = (body: unknown, init: ResponseInit = {}): Response =>
  new Response(JSON.stringify(body), { status: 200, ...init });

/** A fetch that only ends when its signal aborts, like a hung server. */
const hangingFetch: FetchLike = (_url, init) =>
  new Promise((_resolve, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });

async function failure(promise: Promise<unknown>): Promise<ServiceNowError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceNowError);
  return error as ServiceNowError;
}

describe('createTableClient', () => {
  it('queries with the session: X-UserToken, same-origin cookies, JSON', async () => {
    const { fetch, calls } = fakeFetch(() =>
      json({ result: [{ sys_id: ID_A, name: 'Ada', account: { link: 'x', value: ID_B } }] }),
    );
    const client = createTableClient({
      fetch,
      baseUrl: `${BASE}/now/workspace/agent`,
      userToken: 'ck-1',
    });
    const records = await client.query('customer_contact', 'phone=+14155550101', {
      limit: 11,
      fields: ['sys_id', 'name'],
    });
    expect(records).toEqual([{ sys_id: ID_A, name: 'Ada', account: ID_B }]);
    const [call] = calls;
    const url = new URL(call?.url ?? '');
    expect(url.origin + url.pathname).toBe(`${BASE}/api/now/table/customer_contact`);
    expect(url.searchParams.get('sysparm_query')).toBe('phone=+14155550101');
    expect(url.searchParams.get('sysparm_limit')).toBe('11');
    expect(url.searchParams.get('sysparm_fields')).toBe('sys_id,name');
    expect(call?.init).toMatchObject({
      method: 'GET',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-UserToken': 'ck-1' },
    });
    expect(call?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('reads the token on every request', async () => {
    const { fetch, calls } = fakeFetch(() => json({ result: [] }));
    let token = 'old';
    const client = createTableClient({ fetch, baseUrl: BASE, userToken: () => token });
    await client.query('sys_user', 'phone=1');
    token = 'new';
    await client.query('sys_user', 'phone=1');
    const tokens = calls.map((c) => (c.init.headers as Record<string, string>)['X-UserToken']);
    expect(tokens).toEqual(['old', 'new']);
  });

  it('drops records without a valid sys_id and keeps hostile text as plain strings', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const body = `{"result":[{"sys_id":"nope"},{"sys_id":"${ID_A}","name":${JSON.stringify(name)},"__proto__":"x"},7]}`;
    const { fetch } = fakeFetch(() => new Response(body));
    const client = createTableClient({ fetch, baseUrl: BASE, userToken: 't' });
    const [record, ...rest] = await client.query('sys_user', 'phone=1');
    expect(rest).toEqual([]);
    expect(record?.['name']).toBe(name);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(record, '__proto__')?.value).toBe('x');
  });

  it('creates with POST and updates with PATCH, JSON bodies', async () => {
    const { fetch, calls } = fakeFetch(({ init }) =>
      json(
        { result: { sys_id: ID_B, ...(JSON.parse(init.body as string) as object) } },
        { status: 201 },
      ),
    );
    const client = createTableClient({ fetch, baseUrl: BASE, userToken: 't' });
    const created = await client.create('interaction', { short_description: 'a^b=c' });
    expect(created).toEqual({ sys_id: ID_B, short_description: 'a^b=c' });
    await client.update('interaction', ID_B, { state: 'closed' });
    expect(calls.map((c) => [c.init.method, new URL(c.url).pathname])).toEqual([
      ['POST', '/api/now/table/interaction'],
      ['PATCH', `/api/now/table/interaction/${ID_B}`],
    ]);
    expect(calls[1]?.init.headers).toMatchObject({ 'Content-Type': 'application/json' });
    expect(calls[1]?.init.body).toBe('{"state":"closed"}');
  });

  it('refuses bad table names and sys_ids before any request', async () => {
    const { fetch, calls } = fakeFetch(() => json({ result: [] }));
    const client = createTableClient({ fetch, baseUrl: BASE, userToken: 't' });
    await expect(client.query('sys_user?x=1', 'a=1')).rejects.toThrow(TypeError);
    await expect(client.update('sys_user', '../x', {})).rejects.toThrow(TypeError);
    expect(calls).toHaveLength(0);
  });

  describe('failures', () => {
    it.each([
      [401, 'servicenow.session-expired'],
      [403, 'servicenow.acl-denied'],
      [404, 'servicenow.not-found'],
      [400, 'servicenow.request-failed'],
      [500, 'servicenow.server-error'],
      [503, 'servicenow.server-error'],
    ])('maps HTTP %i to %s', async (status, code) => {
      const { fetch } = fakeFetch(() => json({ error: {} }, { status }));
      const client = createTableClient({ fetch, baseUrl: BASE, userToken: 't' });
      const error = await failure(client.query('sys_user', 'a=1'));
      expect(error).toMatchObject({ code, status, reason: 'http' });
    });

    it('reads Retry-After on 429, in seconds or as a date', async () => {
      const now = Date.parse('2026-01-01T00:00:00Z');
      let header = '7';
      const { fetch } = fakeFetch(() =>
        json({}, { status: 429, headers: { 'Retry-After': header } }),
      );
      const client = createTableClient({ fetch, baseUrl: BASE, userToken: 't', now: () => now });
      expect(await failure(client.query('sys_user', 'a=1'))).toMatchObject({
        code: 'servicenow.rate-limited',
        retryAfterMs: 7000,
      });
      header = 'Thu, 01 Jan 2026 00:00:30 GMT';
      expect((await failure(client.query('sys_user', 'a=1'))).retryAfterMs).toBe(30_000);
      header = 'soon';
      expect((await failure(client.query('sys_user', 'a=1'))).retryAfterMs).toBeUndefined();
    });

    it('maps network failures and answers that are not {result} JSON', async () => {
      const cases: [FetchLike, string][] = [
        [() => Promise.reject(new TypeError('Failed to fetch')), 'network'],
        [() => Promise.resolve(new Response('<html>login</html>')), 'bad-response'],
        [() => Promise.resolve(json({ records: [] })), 'bad-response'],
        [() => Promise.resolve(json({ result: {} })), 'bad-response'],
      ];
      for (const [fetch, reason] of cases) {
        const client = createTableClient({ fetch, baseUrl: BASE, userToken: 't' });
        expect(await failure(client.query('sys_user', 'a=1'))).toMatchObject({
          code: 'servicenow.request-failed',
          reason,
        });
      }
    });
  });

  describe('time limits and cancellation', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('times out and aborts the request', async () => {
      let signal: AbortSignal | undefined;
      const fetch: FetchLike = (url, init) => {
        signal = init.signal ?? undefined;
        return hangingFetch(url, init);
      };
      const client = createTableClient({ fetch, baseUrl: BASE, userToken: 't', timeoutMs: 500 });
      const pending = failure(client.query('sys_user', 'a=1'));
      await vi.advanceTimersByTimeAsync(499);
      expect(signal?.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await pending).toMatchObject({ code: 'servicenow.timeout', reason: 'timeout' });
      expect(signal?.aborted).toBe(true);
    });

    it('times out even when fetch ignores its signal', async () => {
      const fetch: FetchLike = () => new Promise(() => undefined);
      const client = createTableClient({ fetch, baseUrl: BASE, userToken: 't' });
      const pending = failure(client.query('sys_user', 'a=1', { timeoutMs: 200 }));
      await vi.advanceTimersByTimeAsync(200);
      expect((await pending).code).toBe('servicenow.timeout');
    });

    it('stops when the caller aborts', async () => {
      const client = createTableClient({ fetch: hangingFetch, baseUrl: BASE, userToken: 't' });
      const controller = new AbortController();
      const pending = failure(client.query('sys_user', 'a=1', { signal: controller.signal }));
      controller.abort();
      expect(await pending).toMatchObject({ code: 'servicenow.aborted', reason: 'aborted' });
    });

    it('does not call fetch with an already aborted signal', async () => {
      const { fetch, calls } = fakeFetch(() => json({ result: [] }));
      const client = createTableClient({ fetch, baseUrl: BASE, userToken: 't' });
      const error = await failure(
        client.create('interaction', {}, { signal: AbortSignal.abort() }),
      );
      expect(error.code).toBe('servicenow.aborted');
      expect(calls).toHaveLength(0);
    });

    it('leaves no timer behind after an answer', async () => {
      const { fetch } = fakeFetch(() => json({ result: [] }));
      const client = createTableClient({ fetch, baseUrl: BASE, userToken: 't' });
      await client.query('sys_user', 'a=1');
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});
