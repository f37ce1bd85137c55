/**
 * Reads the agent's ServiceNow presence with this page's own session: the agent's
 * `awa_agent_presence` record, then the name of the `awa_presence_state` it references, mapped to
 * available / away / offline (any other state counts as away). Null when the agent has no record.
 */
import { AppError } from '../../shared/errors';
import {
  AGENT_PRESENCE_TABLE,
  OWN_PRESENCE_QUERY,
  PRESENCE_FIELD,
  PRESENCE_STATE_TABLE,
  presenceForStateName,
  type PresenceReadOutcome,
} from '../../shared/presence/servicenow';
import { SYS_ID, encodeClause } from '../../shared/servicenow/encoded-query';
import type { TableClient } from '../../shared/servicenow/table-client';

export async function readPresence(client: TableClient): Promise<PresenceReadOutcome> {
  try {
    const [own] = await client.query(AGENT_PRESENCE_TABLE, OWN_PRESENCE_QUERY, {
      limit: 1,
      fields: ['sys_id', PRESENCE_FIELD],
    });
    const stateId = own?.[PRESENCE_FIELD] ?? '';
    if (!SYS_ID.test(stateId)) {
      return { ok: true, state: null };
    }
    const [state] = await client.query(
      PRESENCE_STATE_TABLE,
      encodeClause({ field: 'sys_id', value: stateId }),
      { limit: 1, fields: ['sys_id', 'name'] },
    );
    return { ok: true, state: state ? presenceForStateName(state['name'] ?? '') : null };
  } catch (error) {
    const app = AppError.from(error, 'servicenow.request-failed');
    return { ok: false, code: app.code, message: app.message };
  }
}
