/** The in-memory table store over the real seed: queries, inserts, updates and reset. */
import { describe, expect, it } from 'vitest';
import { SEED } from '../seed/seed';
import { createTableStore, formatGlideDateTime } from './table-store';

const fixedNow = (): Date => new Date('2025-06-01T12:34:56.789Z');

function store() {
  let n = 0;
  return createTableStore(SEED, {
    now: fixedNow,
    newSysId: () => (++n).toString(16).padStart(32, '0'),
  });
}

describe('query', () => {
  it('filters, orders, pages and counts', () => {
    const s = store();
    const all = s.query('customer_contact', { query: 'accountLIKEacme^ORDERBYname' });
    expect(all.total).toBe(3);
    expect(all.records.map((r) => r['name'])).toEqual(['Jane Doe', 'Noah Brown', 'Raj Patel']);

    const page = s.query('customer_contact', {
      query: 'accountLIKEacme^ORDERBYname',
      limit: 1,
      offset: 1,
    });
    expect(page.total).toBe(3);
    expect(page.records.map((r) => r['name'])).toEqual(['Noah Brown']);
  });

  it('projects fields', () => {
    const [first] = store().query('incident', {
      query: 'number=INC0010001',
      fields: ['number'],
    }).records;
    expect(first).toEqual({ number: 'INC0010001' });
  });

  it('starts with an empty interaction table', () => {
    expect(store().query('interaction').total).toBe(0);
  });
});

describe('insert', () => {
  it('assigns sys_id, number, defaults and audit fields', () => {
    const s = store();
    const created = s.insert(
      'interaction',
      { u_conversation_id: 'c-1', sys_id: 'ignored' },
      'alex',
    );
    expect(created).toMatchObject({
      sys_id: '00000000000000000000000000000001',
      number: 'INT0010001',
      state: 'new',
      type: 'phone',
      u_conversation_id: 'c-1',
      sys_created_on: '2025-06-01 12:34:56',
      sys_created_by: 'alex',
      sys_mod_count: '0',
    });
    expect(s.insert('interaction', {}, 'alex')['number']).toBe('INT0010002');
    expect(s.query('interaction', { query: 'u_conversation_id=c-1' }).total).toBe(1);
  });

  it('continues incident numbers after the seeded ones', () => {
    expect(store().insert('incident', { short_description: 'x' }, 'a')['number']).toBe(
      'INC0010005',
    );
  });

  it('returns copies that do not alias the stored record', () => {
    const s = store();
    const created = s.insert('interaction', { state: 'new' }, 'a');
    created['state'] = 'closed';
    expect(s.get('interaction', created['sys_id'] ?? '')?.['state']).toBe('new');
  });
});

describe('update and remove', () => {
  it('merges values and bumps sys_mod_count, ignoring system fields', () => {
    const s = store();
    const { sys_id: id = '' } = s.insert('interaction', { state: 'new' }, 'a');
    const updated = s.update('interaction', id, { state: 'closed', sys_created_by: 'x' }, 'b');
    expect(updated).toMatchObject({ state: 'closed', sys_mod_count: '1', sys_created_by: 'a' });
    expect(updated?.['sys_updated_by']).toBe('b');
    expect(s.update('interaction', 'f'.repeat(32), { state: 'x' }, 'b')).toBeUndefined();
    expect(s.remove('interaction', id)).toBe(true);
    expect(s.get('interaction', id)).toBeUndefined();
  });

  it('locates a record by sys_id across tables', () => {
    const s = store();
    const [incident] = s.query('incident', { query: 'number=INC0010004' }).records;
    expect(s.locate(incident?.['caller_id'] ?? '')?.record['name']).toBe('Chris Lee');
  });
});

describe('reset', () => {
  it('restores the seed and the number counters', () => {
    const s = store();
    s.insert('interaction', {}, 'a');
    s.update('customer_contact', SEED.customer_contact[0]?.['sys_id'] ?? '', { name: 'X' }, 'a');
    s.reset();
    expect(s.query('interaction').total).toBe(0);
    expect(s.get('customer_contact', SEED.customer_contact[0]?.['sys_id'] ?? '')?.['name']).toBe(
      'Jane Doe',
    );
    expect(s.insert('interaction', {}, 'a')['number']).toBe('INT0010001');
  });
});

describe('formatGlideDateTime', () => {
  it('prints UTC without milliseconds', () => {
    expect(formatGlideDateTime(fixedNow())).toBe('2025-06-01 12:34:56');
  });
});
