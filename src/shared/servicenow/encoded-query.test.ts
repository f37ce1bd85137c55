import { describe, expect, it } from 'vitest';
import {
  allOf,
  anyOf,
  encodeClause,
  equalsAnyQuery,
  neutraliseQueryValue,
  tableApiPath,
  tableQueryParams,
} from './encoded-query';

/** Splits an encoded query into its clauses the way ServiceNow does: on every caret. */
const clauses = (query: string): string[] => query.split('^');

describe('neutraliseQueryValue', () => {
  it('keeps ordinary text as it is', () => {
    expect(neutraliseQueryValue('+1 (415) 555-0101')).toBe('+1 (415) 555-0101');
    expect(neutraliseQueryValue('<img src=x onerror=alert(1)>')).not.toContain('=');
  });

  it.each([
    ['a^b', 'a b'],
    ['a=b', 'a b'],
    ['a\nb\rc', 'a b c'],
    ['a\u2028b\u0000c', 'a b c'],
    ['javascript:gs.getUserID()', 'javascript gs.getUserID()'],
    ['JavaScript :x', 'javascript x'],
  ])('neutralises %j', (input, expected) => {
    expect(neutraliseQueryValue(input)).toBe(expected);
  });

  it('caps the length', () => {
    expect(neutraliseQueryValue('x'.repeat(10_000))).toHaveLength(256);
  });
});

describe('clauses', () => {
  it('builds field=value^ORfield=value', () => {
    expect(equalsAnyQuery(['phone', 'mobile_phone'], ['+14155550101', '415-555-0101'])).toBe(
      'phone=+14155550101^ORphone=415-555-0101^ORmobile_phone=+14155550101^ORmobile_phone=415-555-0101',
    );
  });

  it('supports LIKE and AND', () => {
    expect(
      allOf([
        { field: 'active', value: 'true' },
        { field: 'name', op: 'LIKE', value: 'Ada' },
      ]),
    ).toBe('active=true^nameLIKEAda');
  });

  it('cannot be widened by ^ORsys_id!= in a value', () => {
    const query = equalsAnyQuery(['phone', 'mobile_phone'], ['4155550101^ORsys_id!=', '1']);
    expect(clauses(query)).toHaveLength(4);
    for (const clause of clauses(query)) {
      expect(clause).toMatch(/^(OR)?(phone|mobile_phone)=[^=^]*$/);
    }
    expect(query).not.toMatch(/\^ORsys_id/);
  });

  it('cannot start a new query with ^NQ or a newline', () => {
    const query = anyOf([{ field: 'number', value: 'INC1\n^NQactive=true' }]);
    expect(clauses(query)).toHaveLength(1);
    expect(query.startsWith('number=')).toBe(true);
  });

  it('drops values that are empty once neutralised, and duplicates', () => {
    expect(equalsAnyQuery(['phone'], ['', '1', '1'])).toBe('phone=1');
    expect(equalsAnyQuery(['phone'], [])).toBe('');
  });

  it.each(['phone^ORsys_id', 'sys_id!=', 'Phone', '__proto__', '', 'a..b', 'x'.repeat(81)])(
    'refuses the field name %j',
    (field) => {
      expect(() => encodeClause({ field, value: '1' })).toThrow(TypeError);
    },
  );

  it('accepts dot-walked and custom fields', () => {
    expect(encodeClause({ field: 'account.u_phone', value: '1' })).toBe('account.u_phone=1');
  });
});

describe('Table API request parts', () => {
  it('builds paths and refuses bad tables and sys_ids', () => {
    expect(tableApiPath('customer_contact')).toBe('/api/now/table/customer_contact');
    const sysId = '0123456789abcdef0123456789abcdef';
    expect(tableApiPath('interaction', sysId)).toBe(`/api/now/table/interaction/${sysId}`);
    expect(() => tableApiPath('../sys_user')).toThrow(TypeError);
    expect(() => tableApiPath('interaction', '../../x')).toThrow(TypeError);
  });

  it('sets sysparm_query, sysparm_limit and de-duplicated sysparm_fields', () => {
    const params = tableQueryParams({
      query: 'phone=1^ORphone=2',
      limit: 11,
      fields: ['sys_id', 'name', 'sys_id'],
    });
    expect(params.get('sysparm_query')).toBe('phone=1^ORphone=2');
    expect(params.get('sysparm_limit')).toBe('11');
    expect(params.get('sysparm_fields')).toBe('sys_id,name');
    expect(params.get('sysparm_exclude_reference_link')).toBe('true');
  });

  it('refuses injected field names in sysparm_fields', () => {
    expect(() => tableQueryParams({ query: '', fields: ['name,password'] })).toThrow(TypeError);
  });
});
