/**
 * One interaction-record write, carried out in a ServiceNow tab with the agent's own session
 * (same-origin Table API, the page's g_ck): without a known sys_id the record is first looked up
 * by its conversation id, so a write repeated after a lost answer updates instead of duplicating;
 * then it is updated or created. The answer is plain data; failures keep their HTTP status and
 * Retry-After for the worker's queue.
 */
import type { WriteOutcome } from '../../shared/records/types';
import { CORRELATION_FIELD, INTERACTION_TABLE } from '../../shared/records/fields';
import { encodeClause } from '../../shared/servicenow/encoded-query';
import type { TableClient } from '../../shared/servicenow/table-client';
import type { WriteRequestData } from './guards';

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  status?: unknown;
  retryAfterMs?: unknown;
}

export async function writeInteraction(
  client: TableClient,
  instance: string,
  request: WriteRequestData,
): Promise<WriteOutcome> {
  try {
    let sysId = request.sysId;
    if (sysId === undefined) {
      const [found] = await client.query(
        INTERACTION_TABLE,
        encodeClause({ field: CORRELATION_FIELD, value: request.conversationId }),
        { limit: 1, fields: ['sys_id', 'number'] },
      );
      sysId = found?.sys_id;
    }
    const record =
      sysId === undefined
        ? await client.create(INTERACTION_TABLE, request.fields)
        : await client.update(INTERACTION_TABLE, sysId, request.fields);
    return {
      ok: true,
      sysId: record.sys_id,
      number: record['number'] ?? '',
      instance,
      created: sysId === undefined,
    };
  } catch (error) {
    const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
    return {
      ok: false,
      code: typeof e.code === 'string' ? e.code : 'servicenow.request-failed',
      message: typeof e.message === 'string' ? e.message : String(error),
      ...(typeof e.status === 'number' && { status: e.status }),
      ...(typeof e.retryAfterMs === 'number' && { retryAfterMs: e.retryAfterMs }),
    };
  }
}
