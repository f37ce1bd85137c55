import { expect, it } from 'vitest';
import { SEED, seedDirectory } from '../state';
import { resolveOrg, resolveUser } from './resolve';

it('finds seeded users and orgs by id, login or name', () => {
  const dir = seedDirectory();
  expect(resolveUser(dir, 'agent1')?.id).toBe(SEED.agent1.userId);
  expect(resolveUser(dir, SEED.agent3.userId)?.name).toBe('Agent Three');
  expect(resolveUser(dir, 'agent2@acme.orgspan.com')?.id).toBe(SEED.agent2.userId);
  expect(resolveUser(dir, 'nobody')).toBeUndefined();
  expect(resolveOrg(dir, 'globex')?.id).toBe(SEED.globex.orgId);
  expect(resolveOrg(dir, 'Acme Support')?.id).toBe(SEED.acme.orgId);
});
