/**
 * Hand-written checks for the records messages a ServiceNow tab accepts from the worker (no zod in
 * the page), held to the zod schemas' verdicts by a test, and for the records state it reads back.
 */
import type { RecordsState } from '../../shared/records/types';

export interface WriteRequestData {
  conversationId: string;
  sysId?: string;
  fields: Record<string, string>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const SYS_ID = /^[0-9a-f]{32}$/;

export function isWriteRequest(data: unknown): data is WriteRequestData {
  if (!isObj(data)) {return false;}
  const { conversationId, sysId, fields } = data;
  if (
    typeof conversationId !== 'string' ||
    conversationId.length < 1 ||
    conversationId.length > 128
  ) {
    return false;
  }
  if ('sysId' in data && !(typeof sysId === 'string' && SYS_ID.test(sysId))) {return false;}
  if (!isObj(fields)) {return false;}
  return Object.entries(fields).every(
    ([key, value]) => key.length <= 80 && typeof value === 'string' && value.length <= 4000,
  );
}

export const isNull = (data: unknown): data is null => data === null;

const STATUSES = new Set(['pending', 'writing', 'waiting', 'retrying', 'failed', 'done']);

/** The records state answered by the worker: structure only (it built it). */
export function isRecordsState(value: unknown): value is RecordsState {
  return (
    isObj(value) &&
    Array.isArray(value['jobs']) &&
    value['jobs'].every(
      (job) =>
        isObj(job) &&
        typeof job['conversationId'] === 'string' &&
        typeof job['status'] === 'string' &&
        STATUSES.has(job['status']),
    )
  );
}
