import { describe, expect, it } from 'vitest';
import { makeCall } from './call-fixture';
import { decidePop, decideUrlPop } from './decide';
import { parsedPhones } from './phone';
import type { FoundRecord } from './lookup';
import { DEFAULT_RULES, ruleSchema } from './rules';
import type { Rule, RuleInput } from './rules';

const PAGE = 'https://acme.service-now.com/now/workspace/agent/home';
const CLASSIC = 'https://acme.service-now.com/incident_list.do';
const rule = DEFAULT_RULES[0]!;
const found = (n: number): FoundRecord => ({
  table: 'sys_user',
  sysId: n.toString(16).padStart(32, '0'),
  label: `P${n}`,
  fields: {},
});
const withAction = (action: RuleInput['action']): Rule =>
  ruleSchema.parse({ id: 'r', name: 'r', action });
const searchAction = {
  type: 'search' as const,
  search: { by: 'caller-number' as const, tables: [{ table: 'sys_user', phoneFields: ['phone'] }] },
};

describe('decidePop', () => {
  const call = makeCall({
    remote: { name: '<img src=x onerror=alert(1)>', number: '415-555-0101' },
  });
  const options = { pageUrl: PAGE, phones: parsedPhones({ defaultRegion: 'US' }) };

  it('opens a single record in the page UI', () => {
    const record = found(1);
    expect(decidePop(rule, { kind: 'one', record }, call, options)).toEqual({
      type: 'open',
      url: `https://acme.service-now.com/now/workspace/agent/record/sys_user/${record.sysId}`,
    });
    expect(
      decidePop(rule, { kind: 'one', record }, call, { pageUrl: CLASSIC, phones: parsedPhones() }),
    ).toEqual({
      type: 'open',
      url: `https://acme.service-now.com/sys_user.do?sys_id=${record.sysId}`,
    });
  });

  it('offers a chooser for many', () => {
    const records = [found(1), found(2)];
    expect(decidePop(rule, { kind: 'many', records, truncated: true }, call, options)).toEqual({
      type: 'chooser',
      records,
      truncated: true,
    });
  });

  it('prefills a new interaction with plain text when nothing is found', () => {
    const decision = decidePop(rule, { kind: 'none' }, call, options);
    expect(decision).toMatchObject({
      type: 'create',
      plan: {
        table: 'interaction',
        fields: {
          type: 'phone',
          direction: 'inbound',
          short_description: 'Call from <img src=x onerror=alert(1)> +14155550101',
        },
      },
    });
    if (decision.type !== 'create') {
      throw new Error('expected create');
    }
    const url = new URL(decision.formUrl);
    expect(url.pathname).toBe('/now/workspace/agent/record/interaction/-1');
    expect(url.searchParams.get('query')?.split('^')).toHaveLength(3);
  });

  it('creates the configured record, or nothing', () => {
    const newRecord = withAction({
      ...searchAction,
      onNone: 'new-record',
      create: {
        table: 'incident',
        fields: { short_description: 'Caller {{number}} on {{attr.line}}' },
      },
    });
    const lineCall = makeCall({ attributes: { line: 'VIP^ORx=1' } });
    expect(decidePop(newRecord, { kind: 'none' }, lineCall, options)).toMatchObject({
      type: 'create',
      plan: {
        table: 'incident',
        fields: { short_description: 'Caller +14155550101 on VIP^ORx=1' },
      },
    });
    const quiet = withAction({ ...searchAction, onNone: 'nothing' });
    expect(decidePop(quiet, { kind: 'none' }, call, options)).toEqual({ type: 'nothing' });
  });

  it('turns timeouts, errors and cancellation into notices or nothing', () => {
    expect(decidePop(rule, { kind: 'timeout' }, call, options)).toEqual({
      type: 'notice',
      notice: 'timeout',
    });
    expect(
      decidePop(rule, { kind: 'error', code: 'servicenow.acl-denied' }, call, options),
    ).toEqual({
      type: 'notice',
      notice: 'error',
      code: 'servicenow.acl-denied',
    });
    expect(decidePop(rule, { kind: 'cancelled' }, call, options)).toEqual({ type: 'nothing' });
  });

  it('opens URL rules through the template, whatever the lookup said', () => {
    const crm = withAction({
      type: 'url',
      template: 'https://crm.example.com/find?n={{number}}&c={{conversationId}}',
    });
    expect(
      decidePop(crm, { kind: 'none' }, call, { ...options, allowedUrlHosts: ['crm.example.com'] }),
    ).toEqual({
      type: 'open',
      url: 'https://crm.example.com/find?n=%2B14155550101&c=conv-1',
    });
    expect(decidePop(crm, { kind: 'none' }, call, options)).toEqual({
      type: 'notice',
      notice: 'blocked-url',
      code: 'url.host',
    });
  });
});

describe('decideUrlPop', () => {
  it('passes an unparseable number on as encoded text', () => {
    const call = makeCall({ remote: { number: 'anonymous&x=1' } });
    expect(
      decideUrlPop('/cti.do?sysparm_caller_phone={{number}}', call, {
        pageUrl: PAGE,
        phones: parsedPhones(),
      }),
    ).toEqual({
      type: 'open',
      url: 'https://acme.service-now.com/cti.do?sysparm_caller_phone=anonymous%26x%3D1',
    });
  });
});
