/** Deterministic 32-hex sys_ids for seed records, so tests and demos can name them. */
import { createHash } from 'node:crypto';

export function seedSysId(key: string): string {
  return createHash('md5').update(`switchboard-seed:${key}`).digest('hex');
}

/** The signed-in agent every page session belongs to. */
export const SEED_AGENT = {
  sysId: seedSysId('sys_user:alex.agent'),
  userName: 'alex.agent',
  name: 'Alex Agent',
} as const;
