/** Encoded query parsing and matching, operator by operator. */
import { describe, expect, it } from 'vitest';
import { matchesQuery, parseEncodedQuery, sortRecords, splitTerms } from './encoded-query';

const jane = { name: 'Jane Doe', phone: '+1 (415) 555-0101', city: '', priority: '3' };
const match = (query: string, record: Record<string, string> = jane): boolean =>
  matchesQuery(parseEncodedQuery(query), record);

describe('parseEncodedQuery', () => {
  it('parses AND, OR and ORDERBY terms', () => {
    expect(parseEncodedQuery('phone=1^ORmobile_phoneLIKE2^active!=false^ORDERBYDESCname')).toEqual({
      groups: [
        [
          [
            { kind: 'condition', field: 'phone', op: '=', value: '1' },
            { kind: 'condition', field: 'mobile_phone', op: 'LIKE', value: '2' },
          ],
          [{ kind: 'condition', field: 'active', op: '!=', value: 'false' }],
        ],
      ],
      orderBy: [{ field: 'name', desc: true }],
    });
  });

  it('splits new queries on ^NQ and ignores a trailing ^EQ', () => {
    const q = parseEncodedQuery('name=a^NQname=b^EQ');
    expect(q.groups).toHaveLength(2);
    expect(q.orderBy).toEqual([]);
  });

  it('reads operators that look like field suffixes', () => {
    expect(parseEncodedQuery('nameINa,b').groups[0]?.[0]?.[0]).toMatchObject({
      field: 'name',
      op: 'IN',
    });
    expect(parseEncodedQuery('numberSTARTSWITHINC').groups[0]?.[0]?.[0]).toMatchObject({
      field: 'number',
      op: 'STARTSWITH',
      value: 'INC',
    });
    expect(parseEncodedQuery('cityISEMPTY').groups[0]?.[0]?.[0]).toMatchObject({ op: 'ISEMPTY' });
  });

  it('treats ^^ as a literal caret', () => {
    expect(splitTerms('a=x^^y^b=2')).toEqual(['a=x^y', 'b=2']);
  });
});

describe('matchesQuery', () => {
  it('matches everything for an empty query', () => {
    expect(match('')).toBe(true);
    expect(match('ORDERBYname')).toBe(true);
  });

  it.each([
    ['phone=+1 (415) 555-0101', true],
    ['name=jane doe', true],
    ['name=Jane', false],
    ['name!=Jane', true],
    ['name!=Jane Doe', false],
    ['phoneLIKE555-0101', true],
    ['phoneLIKE5550101', false],
    ['nameNOT LIKEdoe', false],
    ['phoneSTARTSWITH+1', true],
    ['phoneSTARTSWITH415', false],
    ['phoneENDSWITH0101', true],
    ['priorityIN1,2,3', true],
    ['priorityIN1,2', false],
    ['priorityNOT IN1,2', true],
    ['cityISEMPTY', true],
    ['cityISNOTEMPTY', false],
    ['missing_fieldISEMPTY', true],
    ['priority<10', true],
    ['priority>=4', false],
  ])('%s → %s', (query, expected) => {
    expect(match(query)).toBe(expected);
  });

  it('combines AND with OR alternatives', () => {
    expect(match('name=nobody^ORphoneLIKE0101^priority=3')).toBe(true);
    expect(match('name=nobody^ORphoneLIKE0101^priority=4')).toBe(false);
    expect(match('name=nobody^phoneLIKE0101')).toBe(false);
  });

  it('ORs whole queries joined by ^NQ', () => {
    expect(match('name=nobody^NQpriority=3')).toBe(true);
    expect(match('name=nobody^NQpriority=4')).toBe(false);
  });

  it('matches nothing for a term without an operator', () => {
    expect(match('justtext')).toBe(false);
    expect(match('justtext^ORname=Jane Doe')).toBe(true);
  });
});

describe('sortRecords', () => {
  const rows = [
    { n: 'b', p: '10' },
    { n: 'a', p: '9' },
    { n: 'c', p: '10' },
  ];

  it('orders numerically aware, ascending and descending, by several keys', () => {
    expect(sortRecords(rows, [{ field: 'p', desc: false }]).map((r) => r.n)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(
      sortRecords(rows, [
        { field: 'p', desc: true },
        { field: 'n', desc: true },
      ]).map((r) => r.n),
    ).toEqual(['c', 'b', 'a']);
  });

  it('keeps the original order without ORDERBY', () => {
    expect(sortRecords(rows, []).map((r) => r.n)).toEqual(['b', 'a', 'c']);
  });
});
