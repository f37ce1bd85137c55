import { describe, expect, it } from 'vitest';
import { Faults } from './faults';

describe('Faults', () => {
  it('applies a counted REST fault to matching paths only', () => {
    const f = new Faults();
    f.addRestFault({ status: 429, retryAfterSec: 2, remaining: 2, pathPrefix: '/users/me' });
    expect(f.takeRestFault('/organizations/me')).toBeUndefined();
    expect(f.takeRestFault('/users/me')).toMatchObject({ status: 429, retryAfterSec: 2 });
    expect(f.takeRestFault('/users/me')?.status).toBe(429);
    expect(f.takeRestFault('/users/me')).toBeUndefined();
  });

  it('expires timed faults and SASL failures', () => {
    let now = 0;
    const f = new Faults(() => now);
    f.addRestFault({ status: 503, untilMs: 1000 });
    f.failSasl({ seconds: 1 });
    f.refuseUpgradesUntil = 500;
    expect(f.takeRestFault('/x')?.status).toBe(503);
    expect(f.takeSaslFailure()).toBe(true);
    expect(f.refusing()).toBe(true);
    now = 1000;
    expect(f.takeRestFault('/x')).toBeUndefined();
    expect(f.takeSaslFailure()).toBe(false);
    expect(f.refusing()).toBe(false);
  });

  it('counts SASL failures', () => {
    const f = new Faults();
    f.failSasl({ count: 1 });
    expect(f.takeSaslFailure()).toBe(true);
    expect(f.takeSaslFailure()).toBe(false);
  });
});
