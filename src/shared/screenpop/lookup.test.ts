import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ServiceNowError, errorForStatus } from '../servicenow/errors';
import type { QueryOptions, SnRecord, TableClient } from '../servicenow/table-client';
import { makeCall } from './call-fixture';
import { runLookup } from './lookup';
import { parsedPhones } from './phone';
import type { LookupState } from './lookup';
import { DEFAULT_RULES, ruleSchema } from './rules';

const rule = DEFAULT_RULES[0]!;
const id = (n: number): string => n.toString(16).padStart(32, '0');
const person = (n: number, name = `Person ${n}`): SnRecord => ({ sys_id: id(n), name });

type Answer = SnRecord[] | Error | 'hang';
interface QueryCall {
  table: string;
  query: string;
  options: QueryOptions;
}

/** A scriptable TableClient: answers per table; 'hang' waits for the abort signal. */
function fakeClient(answers: Record<string, Answer>) {
  const calls: QueryCall[] = [];
  const client: TableClient = {
    query(table, query, options = {}) {
      calls.push({ table, query, options });
      const answer = answers[table] ?? [];
      if (answer === 'hang') {
        return new Promise((_resolve, reject) => {
          options.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        });
      }
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
    create: () => Promise.reject(new Error('not used')),
    update: () => Promise.reject(new Error('not used')),
  };
  return { client, calls };
}

function recorder() {
  const states: LookupState[] = [];
  return {
    states,
    kinds: () => states.map((s) => s.kind),
    onState: (s: LookupState) => states.push(s),
  };
}

describe('runLookup', () => {
  const phones = parsedPhones();
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('finds one record and stops at the first table with matches', async () => {
    const { client, calls } = fakeClient({
      customer_contact: [person(1, 'Ada')],
      sys_user: [person(2)],
    });
    const { onState, kinds, states } = recorder();
    const result = await runLookup(rule, makeCall(), client, { phones, onState });
    expect(result).toEqual({
      kind: 'one',
      record: { table: 'customer_contact', sysId: id(1), label: 'Ada', fields: person(1, 'Ada') },
    });
    expect(calls.map((c) => c.table)).toEqual(['customer_contact']);
    expect(kinds()).toEqual(['searching', 'one']);
    expect(states[1]).toEqual(result);
  });

  it('falls through to the next table when the first has none', async () => {
    const { client, calls } = fakeClient({ customer_contact: [], sys_user: [person(2)] });
    const result = await runLookup(rule, makeCall(), client, { phones });
    expect(result).toMatchObject({ kind: 'one', record: { table: 'sys_user', sysId: id(2) } });
    expect(calls.map((c) => c.table)).toEqual(['customer_contact', 'sys_user']);
    expect(calls[0]?.options).toMatchObject({
      limit: 11,
      fields: expect.arrayContaining(['sys_id', 'phone']),
    });
  });

  it('keeps a record matched by several variants once', async () => {
    const { client } = fakeClient({ customer_contact: [person(1), person(1), person(1)] });
    expect(await runLookup(rule, makeCall(), client, { phones })).toMatchObject({
      kind: 'one',
      record: { sysId: id(1) },
    });
    const two = fakeClient({ customer_contact: [person(1), person(2), person(1)] });
    const result = await runLookup(rule, makeCall(), two.client, { phones });
    expect(result.kind === 'many' && result.records.map((r) => r.sysId)).toEqual([id(1), id(2)]);
  });

  it('caps many records and says so', async () => {
    const records = Array.from({ length: 6 }, (_, i) => person(i + 1));
    const { client, calls } = fakeClient({ customer_contact: records });
    const result = await runLookup(rule, makeCall(), client, { phones, maxResults: 5 });
    expect(result).toMatchObject({ kind: 'many', truncated: true });
    expect(result.kind === 'many' && result.records).toHaveLength(5);
    expect(calls[0]?.options.limit).toBe(6);
  });

  it('labels records with plain text, hostile or not', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const { client } = fakeClient({
      customer_contact: [person(1, name), { sys_id: id(2), email: 'a@b.c' }],
    });
    const result = await runLookup(
      rule,
      makeCall({ remote: { name, number: '+14155550101' } }),
      client,
      { phones },
    );
    expect(result.kind === 'many' && result.records.map((r) => r.label)).toEqual([name, 'a@b.c']);
  });

  it('answers none when nothing matches, and without a query when there is no number', async () => {
    const { client, calls } = fakeClient({});
    expect(await runLookup(rule, makeCall(), client, { phones })).toEqual({ kind: 'none' });
    expect(calls).toHaveLength(2);
    const anonymous = fakeClient({});
    const { onState, kinds } = recorder();
    expect(
      await runLookup(rule, makeCall({ remote: {} }), anonymous.client, { phones, onState }),
    ).toEqual({
      kind: 'none',
    });
    expect(anonymous.calls).toHaveLength(0);
    expect(kinds()).toEqual(['none']);
  });

  it('reports slow, then timeout, and aborts the search at the budget', async () => {
    const { client, calls } = fakeClient({ customer_contact: 'hang' });
    const { onState, kinds } = recorder();
    const pending = runLookup(rule, makeCall(), client, { phones, budgetMs: 3000, onState });
    expect(kinds()).toEqual(['searching']);
    await vi.advanceTimersByTimeAsync(999);
    expect(kinds()).toEqual(['searching']);
    await vi.advanceTimersByTimeAsync(1);
    expect(kinds()).toEqual(['searching', 'slow']);
    await vi.advanceTimersByTimeAsync(2000);
    expect(await pending).toEqual({ kind: 'timeout' });
    expect(kinds()).toEqual(['searching', 'slow', 'timeout']);
    expect(calls[0]?.options.signal?.aborted).toBe(true);
    expect(calls).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not report slow once finished', async () => {
    const { client } = fakeClient({ customer_contact: [person(1)] });
    const { onState, kinds } = recorder();
    await runLookup(rule, makeCall(), client, { phones, onState });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(kinds()).toEqual(['searching', 'one']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports ServiceNow errors by code, with Retry-After', async () => {
    const expired = fakeClient({ customer_contact: errorForStatus(401, null, 0) });
    expect(await runLookup(rule, makeCall(), expired.client, { phones })).toEqual({
      kind: 'error',
      code: 'servicenow.session-expired',
    });
    expect(expired.calls).toHaveLength(1);
    const limited = fakeClient({ customer_contact: errorForStatus(429, '5', 0) });
    expect(await runLookup(rule, makeCall(), limited.client, { phones })).toEqual({
      kind: 'error',
      code: 'servicenow.rate-limited',
      retryAfterMs: 5000,
    });
  });

  it('skips a table hidden by ACLs, and reports it only if nothing else is found', async () => {
    const acl = errorForStatus(403, null, 0);
    const found = fakeClient({ customer_contact: acl, sys_user: [person(2)] });
    expect(await runLookup(rule, makeCall(), found.client, { phones })).toMatchObject({
      kind: 'one',
    });
    const nothing = fakeClient({ customer_contact: acl, sys_user: [] });
    expect(await runLookup(rule, makeCall(), nothing.client, { phones })).toEqual({
      kind: 'error',
      code: 'servicenow.acl-denied',
    });
  });

  it('reports unexpected client failures as request failures', async () => {
    const { client } = fakeClient({ customer_contact: new Error('boom') });
    expect(await runLookup(rule, makeCall(), client, { phones })).toEqual({
      kind: 'error',
      code: 'servicenow.request-failed',
    });
    expect(new ServiceNowError('servicenow.timeout', 'x', { reason: 'timeout' }).code).toBe(
      'servicenow.timeout',
    );
  });

  it('ends as cancelled, quietly, when the caller aborts', async () => {
    const { client, calls } = fakeClient({ customer_contact: 'hang' });
    const { onState, kinds } = recorder();
    const controller = new AbortController();
    const pending = runLookup(rule, makeCall(), client, {
      phones,
      signal: controller.signal,
      onState,
    });
    controller.abort();
    expect(await pending).toEqual({ kind: 'cancelled' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(kinds()).toEqual(['searching']);
    expect(calls[0]?.options.signal?.aborted).toBe(true);
    const before = fakeClient({});
    expect(
      await runLookup(rule, makeCall(), before.client, { phones, signal: AbortSignal.abort() }),
    ).toEqual({
      kind: 'cancelled',
    });
    expect(before.calls).toHaveLength(0);
  });

  it('survives a listener that throws', async () => {
    const { client } = fakeClient({ customer_contact: [person(1)] });
    const onState = () => {
      throw new Error('listener bug');
    };
    expect(await runLookup(rule, makeCall(), client, { phones, onState })).toMatchObject({
      kind: 'one',
    });
  });

  it('refuses URL rules', async () => {
    const urlRule = ruleSchema.parse({
      id: 'u',
      name: 'u',
      action: { type: 'url', template: 'https://x.example/' },
    });
    const { client } = fakeClient({});
    expect(await runLookup(urlRule, makeCall(), client, { phones })).toEqual({
      kind: 'error',
      code: 'lookup.not-a-search',
    });
  });
});
