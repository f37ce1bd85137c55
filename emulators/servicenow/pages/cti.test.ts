/** The legacy cti.do URL pop picks the record, a list of candidates, or an empty list. */
import { describe, expect, it } from 'vitest';
import { SEED_NUMBERS } from '../seed/numbers';
import { SEED } from '../seed/seed';
import { createTableStore } from '../store/table-store';
import { ctiTarget } from './cti';

const store = createTableStore(SEED);

describe('ctiTarget', () => {
  it('opens the single matching contact whatever the caller number format', () => {
    const { sysId } = SEED_NUMBERS.singleMatch;
    expect(ctiTarget(store, SEED_NUMBERS.singleMatch.e164)).toBe(
      `/customer_contact.do?sys_id=${sysId}`,
    );
    expect(ctiTarget(store, '415.555.0101')).toBe(`/customer_contact.do?sys_id=${sysId}`);
  });

  it('lists both contacts sharing a number', () => {
    const target = ctiTarget(store, SEED_NUMBERS.duplicateMatch.e164);
    expect(decodeURIComponent(target)).toBe(
      `/customer_contact_list.do?sysparm_query=sys_idIN${SEED_NUMBERS.duplicateMatch.sysIds.join(',')}`,
    );
  });

  it('lists nobody for an unknown number', () => {
    expect(decodeURIComponent(ctiTarget(store, SEED_NUMBERS.noMatch.e164))).toBe(
      '/customer_contact_list.do?sysparm_query=sys_idIN',
    );
  });
});
