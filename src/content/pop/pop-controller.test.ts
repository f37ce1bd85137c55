/**
 * Screen-pop orchestration with a fake Table API client: what each lookup outcome does to the
 * tab, that answering never waits (nothing here is awaited by the call), and that a call pops at
 * most once per trigger.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogHub } from '../../shared/logger';
import type { ContentConfig } from '../../shared/protocol/messages/content';
import { makeCall } from '../../shared/screenpop/call-fixture';
import { parsePhone } from '../../shared/screenpop/phone';
import { callPhoneTexts, knownPhones } from '../../shared/screenpop/phone-facts';
import { DEFAULT_SCREEN_POP_CONFIG, type Rule } from '../../shared/screenpop/rules';
import { ServiceNowError } from '../../shared/servicenow/errors';
import type { SnRecord, TableClient } from '../../shared/servicenow/table-client';
import type { CallSnapshot, SessionSnapshot } from '../../shared/session/snapshot';
import { createDialOrigins } from '../dial/origins';
import * as logic from '../logic/logic';
import { createPopController } from './pop-controller';
import type { PopView } from './pop-view';

const PAGE = 'https://acme.service-now.com/now/workspace/agent/home';
const JANE = 'a'.repeat(32);
const PAT = 'b'.repeat(32);

const record = (sysId: string, name: string): SnRecord => ({
  sys_id: sysId,
  name,
  phone: '+1 (415) 555-0101',
});

function fakeClient(answer: (table: string) => Promise<SnRecord[]>) {
  const queries: string[] = [];
  const client: TableClient = {
    query: (table, _query, options) => {
      queries.push(table);
      return new Promise((resolve, reject) => {
        options?.signal?.addEventListener('abort', () =>
          reject(new ServiceNowError('servicenow.aborted', 'x', { reason: 'aborted' })),
        );
        answer(table).then(resolve, reject);
      });
    },
    create: () => Promise.reject(new Error('not used')),
    update: () => Promise.reject(new Error('not used')),
  };
  return { client, queries };
}

const alertRule = (rule: Rule): Rule => ({ ...rule, when: 'alert' });

function setup(
  options: {
    answer?: (table: string) => Promise<SnRecord[]>;
    rules?: Rule[];
    editing?: boolean;
    granted?: boolean;
  } = {},
) {
  const lifetime = new AbortController();
  const views: [string, PopView][] = [];
  const navigations: string[] = [];
  const claims: string[] = [];
  const fake = fakeClient(options.answer ?? (() => Promise.resolve([])));
  const origins = createDialOrigins();
  const config: ContentConfig = {
    defaultRegion: 'US',
    screenPop: {
      ...DEFAULT_SCREEN_POP_CONFIG,
      budgetMs: 3000,
      rules: options.rules ?? DEFAULT_SCREEN_POP_CONFIG.rules,
    },
  };
  const controller = createPopController({
    signal: lifetime.signal,
    logic: () => Promise.resolve(logic),
    config: () => Promise.resolve(config),
    claim: (id, trigger) => {
      claims.push(`${id}|${trigger}`);
      return Promise.resolve(options.granted ?? true);
    },
    // The worker's answer to content.phones, for the texts the page asks about.
    phones: (call, rules) =>
      Promise.resolve(
        knownPhones(
          callPhoneTexts(call, rules).map((text) => [
            text,
            parsePhone(text, { defaultRegion: config.defaultRegion }),
          ]),
        ),
      ),
    client: () => Promise.resolve(fake.client),
    pageUrl: () => PAGE,
    navigate: (url) => navigations.push(url),
    isEditing: () => options.editing ?? false,
    origins,
    show: (id, view) => views.push([id, view]),
    log: createLogHub({ console: null }).createLogger('test'),
  });
  let seq = 0;
  const send = (calls: CallSnapshot[], popTarget = true) => {
    seq += 1;
    const snapshot: SessionSnapshot = {
      v: 1,
      connection: { state: 'connected', since: 0, attempt: 0 },
      calls,
      networkProfile: 'standard',
      seq,
      updatedAt: seq,
    };
    controller.onSnapshot(snapshot, popTarget);
  };
  const lastView = () => views.at(-1)?.[1];
  return { send, views, lastView, navigations, claims, queries: fake.queries, origins, lifetime };
}

/** Lets pending promise chains run (the controller never blocks, so a few ticks suffice). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const connected = (overrides: Partial<CallSnapshot> = {}) =>
  makeCall({ state: 'connected', answeredAt: 2, ...overrides });

afterEach(() => {
  vi.useRealTimers();
});

describe('pop controller', () => {
  it('opens the one matching record when the call is answered (default rule)', async () => {
    const pop = setup({
      answer: (table) =>
        Promise.resolve(table === 'customer_contact' ? [record(JANE, 'Jane Doe')] : []),
    });
    pop.send([makeCall()]); // ringing: the default rule waits for the answer
    await settle();
    expect(pop.queries).toEqual([]);
    pop.send([connected()]);
    await vi.waitFor(() => expect(pop.navigations).toHaveLength(1));
    expect(pop.navigations[0]).toBe(
      `https://acme.service-now.com/now/workspace/agent/record/customer_contact/${JANE}`,
    );
    expect(pop.lastView()).toEqual({
      status: 'opened',
      label: 'Jane Doe',
      url: pop.navigations[0],
      pending: false,
    });
    expect(pop.views.map(([, v]) => v.status)).toContain('searching');
    expect(pop.claims).toEqual(['conv-1|answer']);
  });

  it('offers a chooser when several records match', async () => {
    const pop = setup({
      answer: () => Promise.resolve([record(JANE, 'Pat Lee'), record(PAT, 'Chris Lee')]),
    });
    pop.send([connected()]);
    await vi.waitFor(() => expect(pop.lastView()?.status).toBe('chooser'));
    const view = pop.lastView() as Extract<PopView, { status: 'chooser' }>;
    expect(view.choices.map((c) => c.label)).toEqual(['Pat Lee', 'Chris Lee']);
    expect(view.choices[1]?.url).toContain(`/record/customer_contact/${PAT}`);
    expect(pop.navigations).toEqual([]);
  });

  it('opens a prefilled new interaction when nobody matches', async () => {
    const pop = setup();
    pop.send([connected()]);
    await vi.waitFor(() => expect(pop.navigations).toHaveLength(1));
    const url = new URL(pop.navigations[0]!);
    expect(url.pathname).toBe('/now/workspace/agent/record/interaction/-1');
    expect(url.searchParams.get('query')).toContain('+14155550101');
    expect(pop.lastView()).toMatchObject({ status: 'created', pending: false });
  });

  it('says "not found in time" when the lookup outlasts its budget, and never navigates', async () => {
    vi.useFakeTimers();
    const pop = setup({ answer: () => new Promise(() => undefined) });
    pop.send([connected()]);
    await vi.advanceTimersByTimeAsync(1100);
    expect(pop.lastView()).toEqual({ status: 'slow' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(pop.lastView()).toEqual({ status: 'timeout' });
    expect(pop.navigations).toEqual([]);
  });

  it('starts one lookup per call and trigger, however many snapshots arrive', async () => {
    let release: (records: SnRecord[]) => void = () => undefined;
    const pop = setup({ answer: () => new Promise((resolve) => (release = resolve)) });
    pop.send([connected()]);
    pop.send([connected({ muted: true })]);
    pop.send([connected({ held: true })]);
    await vi.waitFor(() => expect(pop.queries).toEqual(['customer_contact']));
    release([record(JANE, 'Jane Doe')]);
    await vi.waitFor(() => expect(pop.navigations).toHaveLength(1));
    pop.send([connected()]);
    await settle();
    expect(pop.queries).toEqual(['customer_contact']);
    expect(pop.claims).toEqual(['conv-1|answer']);
  });

  it('pops on alert for an alert rule, then not again on answer', async () => {
    const rules = [alertRule(DEFAULT_SCREEN_POP_CONFIG.rules[0]!)];
    const pop = setup({ rules, answer: () => Promise.resolve([record(JANE, 'Jane Doe')]) });
    pop.send([makeCall()]);
    await vi.waitFor(() => expect(pop.navigations).toHaveLength(1));
    pop.send([connected()]);
    await settle();
    expect(pop.navigations).toHaveLength(1);
    expect(pop.claims).toEqual(['conv-1|alert']);
  });

  it('does nothing in a tab that is not the pop target, or when another tab claimed the call', async () => {
    const other = setup();
    other.send([connected()], false);
    await settle();
    expect(other.claims).toEqual([]);
    const refused = setup({ granted: false });
    refused.send([connected()]);
    await settle();
    expect(refused.claims).toEqual(['conv-1|answer']);
    expect(refused.queries).toEqual([]);
    expect(refused.views).toEqual([]);
  });

  it('does not navigate while the agent is typing: the record waits for a click', async () => {
    const pop = setup({ editing: true, answer: () => Promise.resolve([record(JANE, 'Jane Doe')]) });
    pop.send([connected()]);
    await vi.waitFor(() =>
      expect(pop.lastView()).toMatchObject({ status: 'opened', pending: true }),
    );
    expect(pop.navigations).toEqual([]);
  });

  it('opens the record a number was dialled from, without a lookup', async () => {
    const pop = setup();
    pop.origins.remember('+14155550101', {
      url: 'https://acme.service-now.com/now/workspace/agent/record/incident/' + PAT,
      label: 'INC001',
    });
    pop.send([makeCall({ direction: 'outbound', state: 'connecting' })]);
    await vi.waitFor(() => expect(pop.navigations).toHaveLength(1));
    pop.send([connected({ direction: 'outbound' })]);
    await settle();
    expect(pop.navigations[0]).toContain(`/record/incident/${PAT}`);
    expect(pop.queries).toEqual([]);
    expect(pop.lastView()).toMatchObject({ status: 'opened', label: 'INC001' });
  });

  it('stops looking up a call nobody will take', async () => {
    const pop = setup({
      rules: [alertRule(DEFAULT_SCREEN_POP_CONFIG.rules[0]!)],
      answer: () => new Promise(() => undefined),
    });
    pop.send([makeCall()]);
    await vi.waitFor(() => expect(pop.queries).toHaveLength(1));
    pop.send([makeCall({ state: 'missed' })]);
    await settle();
    expect(pop.navigations).toEqual([]);
    expect(pop.lastView()?.status).toBe('searching');
  });

  it('reports a lookup error such as a rate limit', async () => {
    const pop = setup({
      answer: () =>
        Promise.reject(
          new ServiceNowError('servicenow.rate-limited', 'HTTP 429', {
            reason: 'http',
            status: 429,
          }),
        ),
    });
    pop.send([connected()]);
    await vi.waitFor(() =>
      expect(pop.lastView()).toEqual({ status: 'error', code: 'servicenow.rate-limited' }),
    );
  });

  it('does nothing after the page lifetime ended', async () => {
    const pop = setup();
    pop.lifetime.abort();
    pop.send([connected()]);
    await settle();
    expect(pop.claims).toEqual([]);
  });
});
