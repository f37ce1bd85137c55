/**
 * Sets the agent's ServiceNow presence with this page's own session (same-origin Table API, the
 * page's g_ck): reads the agent's `awa_agent_presence` record and the wanted `awa_presence_state`,
 * and writes `current_presence_state` only when it differs, so a repeated write changes nothing.
 * The answer is plain data for the worker; failures keep ServiceNow's error code.
 */
import { AppError } from '../../shared/errors';
import {
  AGENT_PRESENCE_TABLE,
  OWN_PRESENCE_QUERY,
  PRESENCE_FIELD,
  PRESENCE_STATE_NAMES,
  PRESENCE_STATE_TABLE,
  type PresenceWriteOutcome,
} from '../../shared/presence/servicenow';
import type { ServiceNowPresence } from '../../shared/presence/sync';
import { encodeClause } from '../../shared/servicenow/encoded-query';
import type { TableClient } from '../../shared/servicenow/table-client';

const fail = (code: string, message: string): PresenceWriteOutcome => ({
  ok: false,
  code,
  message,
});

export async function writePresence(
  client: TableClient,
  state: ServiceNowPresence,
): Promise<PresenceWriteOutcome> {
  try {
    const name = PRESENCE_STATE_NAMES[state];
    const [[own], [wanted]] = await Promise.all([
      client.query(AGENT_PRESENCE_TABLE, OWN_PRESENCE_QUERY, {
        limit: 1,
        fields: ['sys_id', PRESENCE_FIELD],
      }),
      client.query(PRESENCE_STATE_TABLE, encodeClause({ field: 'name', value: name }), {
        limit: 1,
        fields: ['sys_id'],
      }),
    ]);
    if (own === undefined) {
      return fail('presence.no-agent-record', 'This user has no ServiceNow agent presence.');
    }
    if (wanted === undefined) {
      return fail('presence.no-state', `ServiceNow has no presence state named ${name}.`);
    }
    if (own[PRESENCE_FIELD] === wanted.sys_id) {
      return { ok: true, changed: false };
    }
    await client.update(AGENT_PRESENCE_TABLE, own.sys_id, { [PRESENCE_FIELD]: wanted.sys_id });
    return { ok: true, changed: true };
  } catch (error) {
    const app = AppError.from(error, 'servicenow.request-failed');
    return fail(app.code, app.message);
  }
}
