/**
 * Advanced Work Assignment presence in the stand-in: `awa_presence_state` (the states an agent can
 * be in) and `awa_agent_presence` (one record per agent; `current_presence_state` references a
 * state by sys_id, `agent` the sys_user).
 */
import type { TableDef } from './tables';

export const PRESENCE_TABLE_NAMES = ['awa_presence_state', 'awa_agent_presence'] as const;

type PresenceTableName = (typeof PRESENCE_TABLE_NAMES)[number];

export const PRESENCE_TABLES: Readonly<
  Record<PresenceTableName, Omit<TableDef, 'name'> & { name: PresenceTableName }>
> = {
  awa_presence_state: {
    name: 'awa_presence_state',
    label: 'Presence State',
    plural: 'Presence States',
    displayField: 'name',
    listColumns: ['name', 'available'],
    formFields: ['name', 'available'],
    phoneFields: [],
    defaults: { available: 'false' },
  },
  awa_agent_presence: {
    name: 'awa_agent_presence',
    label: 'Agent Presence',
    plural: 'Agent Presences',
    displayField: 'agent',
    listColumns: ['agent', 'current_presence_state'],
    formFields: ['agent', 'current_presence_state'],
    phoneFields: [],
    defaults: {},
  },
};
