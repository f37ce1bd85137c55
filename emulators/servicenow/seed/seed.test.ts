/** The exported notable numbers really describe the seed. */
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../store/tables';
import { SEED } from './seed';
import { SEED_NUMBERS } from './numbers';
import { SEED_AGENT } from './ids';

const PHONE_FIELDS = ['phone', 'mobile_phone', 'business_phone'] as const;
const digits = (s: string): string => s.replace(/\D/g, '');
const people = [...SEED.customer_contact, ...SEED.sys_user];

/** Records holding the number in any format, compared on national digits. */
function holders(e164: string) {
  const national = digits(e164).slice(-10);
  return people.filter((p) => PHONE_FIELDS.some((f) => digits(p[f] ?? '').endsWith(national)));
}

describe('seed', () => {
  it('has about twenty people with unique 32-hex sys_ids', () => {
    expect(people.length).toBe(20);
    const ids = TABLE_NAMES.flatMap((t) => SEED[t].map((r) => r['sys_id']));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('holds the single-match number once', () => {
    const { e164, sysId, stored, field, name } = SEED_NUMBERS.singleMatch;
    expect(holders(e164).map((r) => r['sys_id'])).toEqual([sysId]);
    expect(holders(e164)[0]?.[field]).toBe(stored);
    expect(holders(e164)[0]?.['name']).toBe(name);
  });

  it('holds the duplicate number on exactly two contacts', () => {
    const { e164, sysIds, stored } = SEED_NUMBERS.duplicateMatch;
    expect(holders(e164).map((r) => r['sys_id'])).toEqual(sysIds);
    expect(holders(e164).map((r) => r['phone'])).toEqual([stored, stored]);
  });

  it('holds the HTML-name number on the contact whose name is markup', () => {
    const { e164, sysId, name } = SEED_NUMBERS.htmlNameMatch;
    const [holder] = holders(e164);
    expect(holder?.['sys_id']).toBe(sysId);
    expect(holder?.['name']).toBe(name);
    expect(name).toContain('<img');
  });

  it('holds the no-match number nowhere', () => {
    expect(holders(SEED_NUMBERS.noMatch.e164)).toEqual([]);
  });

  it('includes the signed-in agent and incidents linked to contacts', () => {
    expect(SEED.sys_user.some((u) => u['sys_id'] === SEED_AGENT.sysId)).toBe(true);
    const contactIds = new Set(SEED.customer_contact.map((c) => c['sys_id']));
    expect(SEED.incident.length).toBeGreaterThan(0);
    expect(SEED.incident.every((i) => contactIds.has(i['caller_id']))).toBe(true);
    expect(SEED.interaction).toEqual([]);
  });
});
