/**
 * The participant attributes Switchboard writes to the Genesys conversation once the interaction
 * record exists: its sys_id, number, table and instance. Written while the call is live (Genesys
 * analytics ignores attributes written after the conversation ends) and capped in size.
 */
import { cutText, utf8Length } from '../screenpop/attributes';

export const RECORD_ATTRIBUTE_LIMITS = { maxValueLength: 256, maxTotalBytes: 1024 } as const;

export function recordAttributes(record: {
  sysId: string;
  number: string;
  instance: string;
}): Record<string, string> {
  const wanted: [string, string][] = [
    ['sn_interaction_sys_id', record.sysId],
    ['sn_interaction_number', record.number],
    ['sn_interaction_table', 'interaction'],
    ['sn_instance', record.instance],
  ];
  const kept: Record<string, string> = {};
  let bytes = 0;
  for (const [key, raw] of wanted) {
    const value = cutText(raw, RECORD_ATTRIBUTE_LIMITS.maxValueLength);
    const size = utf8Length(key) + utf8Length(value);
    if (bytes + size > RECORD_ATTRIBUTE_LIMITS.maxTotalBytes) {
      break;
    }
    bytes += size;
    kept[key] = value;
  }
  return kept;
}
