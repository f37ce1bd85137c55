/**
 * Seed presence: the three Advanced Work Assignment states Switchboard maps (Available, Away,
 * Offline) and the signed-in agent's presence record, Offline until something sets it.
 */
import type { SnRecord } from '../store/table-store';
import { SEED_AGENT, seedSysId } from './ids';

const CREATED = '2024-03-01 09:00:00';
const audit = {
  sys_created_on: CREATED,
  sys_created_by: 'admin',
  sys_updated_on: CREATED,
  sys_updated_by: 'admin',
  sys_mod_count: '0',
};

/** sys_ids of the seeded `awa_presence_state` records, by name. */
export const SEED_PRESENCE_STATES = {
  Available: seedSysId('awa_presence_state:available'),
  Away: seedSysId('awa_presence_state:away'),
  Offline: seedSysId('awa_presence_state:offline'),
} as const;

export const SEED_AGENT_PRESENCE_ID = seedSysId('awa_agent_presence:alex.agent');

export const SEED_PRESENCE_STATE_RECORDS: readonly SnRecord[] = Object.entries(
  SEED_PRESENCE_STATES,
).map(([name, sysId]) => ({
  sys_id: sysId,
  name,
  available: String(name === 'Available'),
  ...audit,
}));

export const SEED_AGENT_PRESENCE: readonly SnRecord[] = [
  {
    sys_id: SEED_AGENT_PRESENCE_ID,
    agent: SEED_AGENT.sysId,
    current_presence_state: SEED_PRESENCE_STATES.Offline,
    ...audit,
  },
];
