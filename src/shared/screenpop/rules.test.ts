import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, DEFAULT_SCREEN_POP_CONFIG, parseRule, parseScreenPopConfig } from './rules';
import type { RuleInput } from './rules';

const searchRule = (overrides: Partial<RuleInput> = {}): RuleInput => ({
  id: 'r1',
  name: 'Rule',
  action: {
    type: 'search',
    search: { by: 'caller-number', tables: [{ table: 'sys_user', phoneFields: ['phone'] }] },
  },
  ...overrides,
});

function issuesOf(input: unknown): { path: string; message: string }[] {
  const result = parseScreenPopConfig(input);
  return result.ok ? [] : result.issues;
}

describe('defaults', () => {
  it('fills a missing configuration', () => {
    expect(DEFAULT_SCREEN_POP_CONFIG.budgetMs).toBe(3000);
    expect(DEFAULT_SCREEN_POP_CONFIG.rules).toEqual(DEFAULT_RULES);
    const [rule] = DEFAULT_RULES;
    expect(rule?.action).toMatchObject({
      type: 'search',
      search: {
        by: 'caller-number',
        tables: [
          { table: 'customer_contact', phoneFields: ['phone', 'mobile_phone', 'business_phone'] },
          { table: 'sys_user', phoneFields: ['phone', 'mobile_phone', 'business_phone'] },
        ],
      },
      onNone: 'new-interaction',
    });
  });

  it('validates its own default rules', () => {
    for (const rule of DEFAULT_RULES) {
      expect(parseRule(rule)).toEqual({ ok: true, value: rule });
    }
  });

  it('hands out fresh default rules each time', () => {
    const first = parseScreenPopConfig({});
    if (!first.ok) {
      throw new Error('defaults should parse');
    }
    first.value.rules[0]!.enabled = false;
    const second = parseScreenPopConfig({});
    expect(second.ok && second.value.rules[0]?.enabled).toBe(true);
    expect(DEFAULT_RULES[0]?.enabled).toBe(true);
  });

  it('fills rule defaults: enabled, on answer, match all, open/chooser/new interaction', () => {
    expect(parseRule(searchRule())).toMatchObject({
      ok: true,
      value: {
        enabled: true,
        when: 'answer',
        match: {},
        action: { onOne: 'open', onMany: 'chooser', onNone: 'new-interaction' },
      },
    });
  });
});

describe('validation', () => {
  it('names the path and the problem', () => {
    expect(issuesOf({ budgetMs: 10, rules: [searchRule({ id: 'bad id!' })] })).toEqual([
      { path: 'budgetMs', message: expect.stringMatching(/>=250|250/) },
      { path: 'rules[0].id', message: 'id: 1-64 letters, digits, _ or -' },
    ]);
  });

  it('refuses unknown action types with a clear message', () => {
    expect(issuesOf({ rules: [searchRule({ action: { type: 'script' } as never })] })).toEqual([
      { path: 'rules[0].action.type', message: 'action.type must be "search" or "url"' },
    ]);
  });

  it.each([
    ['(a+)+$', /nests quantifiers/],
    ['(x|y)\\1', /backreference/],
    ['[', /not a valid regular expression/],
    ['a'.repeat(201), /longer than 200/],
  ])('refuses the pattern %j', (matches, message) => {
    const rule = searchRule({ match: { attributes: [{ key: 'k', matches }] } });
    expect(issuesOf({ rules: [rule] })).toEqual([
      { path: 'rules[0].match.attributes[0].matches', message: expect.stringMatching(message) },
    ]);
  });

  it('wants exactly one of equals or matches', () => {
    const rule = searchRule({ match: { attributes: [{ key: 'k', equals: 'a', matches: 'b' }] } });
    expect(issuesOf({ rules: [rule] })[0]?.path).toBe('rules[0].match.attributes[0]');
  });

  it.each(['sys_user^ORsys_id', 'Sys_User', 'sys_user.do', ''])('refuses the table %j', (table) => {
    const rule = searchRule({
      action: {
        type: 'search',
        search: { by: 'caller-number', tables: [{ table, phoneFields: ['phone'] }] },
      },
    });
    expect(issuesOf({ rules: [rule] })[0]?.path).toBe('rules[0].action.search.tables[0].table');
  });

  it('refuses query syntax in field names', () => {
    const rule = searchRule({
      action: {
        type: 'search',
        search: {
          by: 'caller-number',
          tables: [{ table: 'sys_user', phoneFields: ['phone^ORsys_id!='] }],
        },
      },
    });
    expect(issuesOf({ rules: [rule] })[0]?.path).toBe(
      'rules[0].action.search.tables[0].phoneFields[0]',
    );
  });

  it('checks what each search kind needs', () => {
    const byAttribute = searchRule({
      action: {
        type: 'search',
        search: { by: 'attribute', tables: [{ table: 'incident', phoneFields: ['phone'] }] },
      },
    });
    expect(issuesOf({ rules: [byAttribute] }).map((i) => i.path)).toEqual([
      'rules[0].action.search.attribute',
      'rules[0].action.search.tables[0].matchField',
    ]);
    const newRecord = searchRule({
      action: {
        type: 'search',
        search: { by: 'caller-number', tables: [{ table: 'sys_user', phoneFields: ['phone'] }] },
        onNone: 'new-record',
      },
    });
    expect(issuesOf({ rules: [newRecord] })).toEqual([
      { path: 'rules[0].action.create.table', message: 'onNone "new-record" needs create.table' },
    ]);
  });

  it.each([
    ['javascript:alert({{number}})', 'template must give an http or https URL'],
    ['https://u:p@crm.example.com/', 'template must not contain a user name or password'],
    ['https://crm.example.com/{{password}}', 'unknown placeholder {{password}}'],
    ['', 'template is empty'],
  ])('refuses the URL template %j', (template, message) => {
    const rule = searchRule({ action: { type: 'url', template } });
    expect(issuesOf({ rules: [rule] })).toEqual([{ path: 'rules[0].action.template', message }]);
  });

  it('accepts a URL template with placeholders', () => {
    const rule = searchRule({
      action: {
        type: 'url',
        template: 'https://crm.example.com/c?n={{number}}&a={{attr.Account Id}}',
      },
    });
    expect(parseRule(rule).ok).toBe(true);
  });

  it('refuses duplicate rule ids, bad regions and bad hosts', () => {
    expect(issuesOf({ rules: [searchRule(), searchRule()] })).toEqual([
      { path: 'rules[1].id', message: 'duplicate rule id "r1"' },
    ]);
    expect(issuesOf({ defaultRegion: 'XX' })[0]?.path).toBe('defaultRegion');
    expect(issuesOf({ allowedUrlHosts: ['https://x.com/'] })[0]?.path).toBe('allowedUrlHosts[0]');
    expect(
      parseScreenPopConfig({ allowedUrlHosts: ['*.Example.com', 'crm.example.com:8443'] }).ok,
    ).toBe(true);
  });

  it('refuses input that is not an object', () => {
    expect(parseScreenPopConfig('rules').ok).toBe(false);
    expect(parseRule(null).ok).toBe(false);
  });
});
