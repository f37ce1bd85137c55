/** The cheap first pass: phone-shaped runs only, never record numbers, dates or long text. */
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH, phoneCandidates } from './phone-candidates';

describe('phone candidates', () => {
  it.each([
    ['+1 (415) 555-0101', ['+1 (415) 555-0101']],
    ['Call (312) 555-0188 today', ['(312) 555-0188']],
    ['+44 20 7946 0018', ['+44 20 7946 0018']],
    [
      '415.555.0101 or 415-555-0102',
      ['415.555.0101 or 415-555-0102'.split(' or ')[0]!, '415-555-0102'],
    ],
  ])('finds %j', (text, expected) => {
    expect(phoneCandidates(text)).toEqual(expected);
  });

  it.each([
    'INC0010001',
    'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    '2026-11-23 05:27',
    '23.11.2026',
    'Priority 1',
    'v2.1',
  ])('ignores %j', (text) => {
    expect(phoneCandidates(text)).toEqual([]);
  });

  it('does not read long text at all and stops after a few candidates', () => {
    expect(phoneCandidates(`+1 415 555 0101 ${'x'.repeat(MAX_TEXT_LENGTH)}`)).toEqual([]);
    expect(phoneCandidates(Array(10).fill('415-555-0101').join(', '), 3)).toHaveLength(3);
  });
});
