import { describe, expect, it } from 'vitest';
import { makeCall } from './call-fixture';
import { parsedPhones } from './phone';
import { DEFAULT_RULES } from './rules';
import type { SearchAction } from './rules';
import { planSearch } from './search-plan';

const defaultAction = DEFAULT_RULES[0]?.action as SearchAction;
const byAttribute: SearchAction = {
  type: 'search',
  search: {
    by: 'attribute',
    attribute: 'caseNumber',
    tables: [{ table: 'incident', matchField: 'number', displayFields: ['short_description'] }],
  },
  onOne: 'open',
  onMany: 'chooser',
  onNone: 'nothing',
};

describe('planSearch', () => {
  const phones = parsedPhones();
  it('searches each table by every phone field and number variant', () => {
    const plans = planSearch(defaultAction, makeCall(), { phones });
    expect(plans.map((p) => p.table)).toEqual(['customer_contact', 'sys_user']);
    const [contact] = plans;
    const clauses = contact?.query.split('^OR') ?? [];
    expect(clauses).toContain('phone=+14155550101');
    expect(clauses).toContain('mobile_phone=415-555-0101');
    expect(clauses).toContain('business_phone=+1 (415) 555-0101');
    expect(contact?.fields).toEqual([
      'sys_id',
      'phone',
      'mobile_phone',
      'business_phone',
      'name',
      'email',
    ]);
  });

  it.each([
    '^ORsys_id!=',
    '4155550101^ORsys_id!=',
    '',
    'anonymous',
    '<img src=x onerror=alert(1)>',
  ])('runs no query for the number %j', (number) => {
    expect(planSearch(defaultAction, makeCall({ remote: { number } }), { phones })).toEqual([]);
  });

  it('runs no query for a call without a number', () => {
    expect(planSearch(defaultAction, makeCall({ remote: {} }), { phones })).toEqual([]);
  });

  it('searches by an attribute with a single neutralised clause', () => {
    const call = makeCall({ attributes: { caseNumber: 'INC001^ORsys_id!=^NQactive=true' } });
    const [plan] = planSearch(byAttribute, call, { phones });
    expect(plan?.query.split('^')).toHaveLength(1);
    expect(plan?.query.startsWith('number=INC001')).toBe(true);
    expect(plan?.fields).toEqual(['sys_id', 'number', 'short_description']);
  });

  it('runs no query when the attribute is missing or blank', () => {
    expect(planSearch(byAttribute, makeCall(), { phones })).toEqual([]);
    expect(
      planSearch(byAttribute, makeCall({ attributes: { caseNumber: '  ' } }), { phones }),
    ).toEqual([]);
  });
});
