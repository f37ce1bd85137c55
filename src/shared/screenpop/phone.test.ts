import { describe, expect, it } from 'vitest';
import { MAX_VARIANTS, normalisePhone, phoneVariants } from './phone';

describe('normalisePhone', () => {
  it.each([
    ['+14155550101', {}],
    ['+1 (415) 555-0101', {}],
    ['415-555-0101', { defaultRegion: 'US' }],
    ['(415) 555-0101', { defaultRegion: 'us' }],
    ['tel:+14155550101', {}],
    ['sip:+14155550101@edge.example.com;user=phone', {}],
  ])('reads %s as +14155550101', (raw, options) => {
    expect(normalisePhone(raw, options)?.e164).toBe('+14155550101');
  });

  it('uses the configured default region for national numbers', () => {
    expect(normalisePhone('020 7123 4567', { defaultRegion: 'GB' })?.e164).toBe('+442071234567');
    expect(normalisePhone('020 7123 4567', { defaultRegion: 'US' })).toBeNull();
    expect(normalisePhone('020 7123 4567')).toBeNull();
  });

  it('ignores an unknown default region instead of failing', () => {
    expect(normalisePhone('+14155550101', { defaultRegion: 'XX' })?.e164).toBe('+14155550101');
  });

  it('keeps an extension apart', () => {
    const phone = normalisePhone('+1 415 555 0101 x12');
    expect(phone).toMatchObject({ e164: '+14155550101', extension: '12' });
  });

  it.each([
    [''],
    ['abc'],
    ['12'],
    ['anonymous'],
    ['<img src=x onerror=alert(1)>'],
    ['4155550101^ORsys_id!='],
    ['+1415555\n0101'.replace('\n', '^')],
    ['+1 415 555 0101' + ' '.repeat(60)],
    ['call me on +14155550101 please'],
  ])('rejects garbage %j', (raw) => {
    expect(normalisePhone(raw, { defaultRegion: 'US' })).toBeNull();
  });

  it.each([[undefined], [null], [14155550101], [{}]])('rejects non-text %j', (raw) => {
    expect(normalisePhone(raw)).toBeNull();
  });
});

describe('phoneVariants', () => {
  const variants = phoneVariants('+14155550101');

  it('starts with E.164 and covers the forms ServiceNow records hold', () => {
    expect(variants[0]).toBe('+14155550101');
    for (const form of [
      '+1 (415) 555-0101',
      '415-555-0101',
      '(415) 555-0101',
      '4155550101',
      '14155550101',
      '+1 415 555 0101',
      '415.555.0101',
    ]) {
      expect(variants).toContain(form);
    }
  });

  it('gives the same variants whatever form the call number had', () => {
    expect(phoneVariants('415-555-0101', { defaultRegion: 'US' })).toEqual(variants);
    expect(phoneVariants('tel:+1 (415) 555-0101')).toEqual(variants);
  });

  it('covers national forms with a trunk prefix', () => {
    const uk = phoneVariants('+442071234567');
    expect(uk).toEqual(
      expect.arrayContaining(['020 7123 4567', '02071234567', '+44 20 7123 4567']),
    );
  });

  it('has no duplicates, is capped, and holds only digits and separators', () => {
    for (const list of [variants, phoneVariants('+442071234567'), phoneVariants('+61293744000')]) {
      expect(new Set(list).size).toBe(list.length);
      expect(list.length).toBeLessThanOrEqual(MAX_VARIANTS);
      for (const variant of list) {
        expect(variant).toMatch(/^[\d\s().+-]+$/);
      }
    }
  });

  it('leaves the extension out', () => {
    expect(phoneVariants('+1 415 555 0101 ext. 12')).toEqual(variants);
  });

  it('is empty for garbage', () => {
    expect(phoneVariants('^ORsys_id!=')).toEqual([]);
    expect(phoneVariants(undefined)).toEqual([]);
  });
});
