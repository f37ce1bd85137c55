/**
 * Reading Table API answers (`{result: …}`) into flat string records. Reference fields may come
 * as `{value, link}` objects; they are reduced to their value. Anything else is refused with a
 * 'servicenow.bad-response' error.
 */
import { badResponseError } from './errors';
import { SYS_ID } from './encoded-query';

/** A record as flat text fields; `sys_id` is always present. */
export type SnRecord = Record<string, string> & { sys_id: string };

function fieldText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (value === null) {
    return '';
  }
  if (typeof value === 'object' && 'value' in value && typeof value.value === 'string') {
    return value.value;
  }
  return undefined;
}

function toRecord(raw: unknown): SnRecord | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return null;
  }
  const sysId = fieldText((raw as Record<string, unknown>)['sys_id']);
  if (sysId === undefined || !SYS_ID.test(sysId)) {
    return null;
  }
  const record: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const text = fieldText(value);
    if (text !== undefined) {
      Object.defineProperty(record, key, {
        value: text,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return { ...record, sys_id: sysId };
}

function resultOf(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('result' in body)) {
    throw badResponseError('ServiceNow answer has no result');
  }
  return body.result;
}

export function readRecords(body: unknown): SnRecord[] {
  const result = resultOf(body);
  if (!Array.isArray(result)) {
    throw badResponseError('ServiceNow result is not a list');
  }
  return result.map(toRecord).filter((record): record is SnRecord => record !== null);
}

export function readRecord(body: unknown): SnRecord {
  const record = toRecord(resultOf(body));
  if (record === null) {
    throw badResponseError('ServiceNow result is not a record');
  }
  return record;
}
