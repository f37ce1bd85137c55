/** Fault injection: ordering, counted and timed faults, Retry-After values, ACL scoping. */
import { describe, expect, it } from 'vitest';
import { faultSpecSchema, type FaultSpec } from '../control/control-schema';
import { createFaultInjector } from './faults';

function injector() {
  let now = 1_000_000;
  const faults = createFaultInjector(1200, () => now);
  return {
    faults,
    add: (spec: FaultSpec) => faults.add(faultSpecSchema.parse(spec)),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('fault injector', () => {
  it('passes requests when no fault is set and keeps the default latency', () => {
    const { faults } = injector();
    expect(faults.check('incident', 'GET')).toBeUndefined();
    expect(faults.latencyMs).toBe(1200);
  });

  it('uses up a counted rate limit, then lets requests through', () => {
    const { faults, add } = injector();
    add({ type: 'rate-limit', requests: 2, retryAfterSec: 3 });
    expect(faults.check('incident', 'GET')).toMatchObject({ status: 429, retryAfterSec: 3 });
    expect(faults.check('interaction', 'POST')?.status).toBe(429);
    expect(faults.check('incident', 'GET')).toBeUndefined();
    expect(faults.list()).toEqual([]);
  });

  it('rate limits for a time window with Retry-After set to the time left', () => {
    const { faults, add, advance } = injector();
    add({ type: 'rate-limit', seconds: 10 });
    expect(faults.check('incident', 'GET')?.retryAfterSec).toBe(10);
    advance(7_500);
    expect(faults.check('incident', 'GET')?.retryAfterSec).toBe(3);
    advance(2_500);
    expect(faults.check('incident', 'GET')).toBeUndefined();
  });

  it('answers a server error once by default, with the chosen status', () => {
    const { faults, add } = injector();
    add({ type: 'server-error', status: 502 });
    expect(faults.check('incident', 'GET')?.status).toBe(502);
    expect(faults.check('incident', 'GET')).toBeUndefined();
  });

  it('denies only the named table and methods, until cleared', () => {
    const { faults, add } = injector();
    add({ type: 'acl', table: 'interaction', methods: ['POST', 'PATCH'] });
    expect(faults.check('interaction', 'POST')?.status).toBe(403);
    expect(faults.check('interaction', 'POST')?.status).toBe(403);
    expect(faults.check('interaction', 'GET')).toBeUndefined();
    expect(faults.check('incident', 'POST')).toBeUndefined();
    faults.clear();
    expect(faults.check('interaction', 'POST')).toBeUndefined();
  });

  it('prefers a rate limit over an ACL denial and scopes faults to a table', () => {
    const { faults, add } = injector();
    add({ type: 'acl', table: 'incident' });
    add({ type: 'rate-limit', requests: 1, table: 'incident' });
    expect(faults.check('sys_user', 'GET')).toBeUndefined();
    expect(faults.check('incident', 'GET')?.status).toBe(429);
    expect(faults.check('incident', 'GET')?.status).toBe(403);
  });
});
