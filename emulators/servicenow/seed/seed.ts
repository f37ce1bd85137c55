/** The deterministic seed: people, a few incidents linked to contacts, no interactions yet. */
import type { SeedTables, SnRecord } from '../store/table-store';
import { seedSysId } from './ids';
import { SEED_CONTACTS, SEED_USERS, contactSysId } from './people';
import { SEED_AGENT_PRESENCE, SEED_PRESENCE_STATE_RECORDS } from './presence';

/** [number, caller key, short description, category, priority, state, opened_at] */
type IncidentRow = readonly [string, string, string, string, string, string, string];

const INCIDENTS: readonly IncidentRow[] = [
  [
    'INC0010001',
    'jane.doe',
    'Cannot sign in to the customer portal',
    'inquiry',
    '3',
    '2',
    '2024-03-04 10:12:00',
  ],
  [
    'INC0010002',
    'jane.doe',
    'Invoice shows the wrong amount',
    'billing',
    '4',
    '1',
    '2024-03-05 14:30:00',
  ],
  [
    'INC0010003',
    'yuki.tanaka',
    'Delivery delayed at customs',
    'logistics',
    '3',
    '1',
    '2024-03-06 01:45:00',
  ],
  [
    'INC0010004',
    'chris.lee',
    'Router drops the line every evening',
    'network',
    '2',
    '2',
    '2024-03-07 18:05:00',
  ],
];

export const SEED_INCIDENTS: readonly SnRecord[] = INCIDENTS.map(
  ([number, caller, shortDescription, category, priority, state, openedAt]) => ({
    sys_id: seedSysId(`incident:${number}`),
    sys_class_name: 'incident',
    number,
    caller_id: contactSysId(caller),
    short_description: shortDescription,
    category,
    priority,
    state,
    active: 'true',
    opened_at: openedAt,
    sys_created_on: openedAt,
    sys_created_by: 'admin',
    sys_updated_on: openedAt,
    sys_updated_by: 'admin',
    sys_mod_count: '0',
  }),
);

export const SEED: SeedTables = {
  sys_user: SEED_USERS,
  customer_contact: SEED_CONTACTS,
  incident: SEED_INCIDENTS,
  interaction: [],
  awa_presence_state: SEED_PRESENCE_STATE_RECORDS,
  awa_agent_presence: SEED_AGENT_PRESENCE,
};
